#include "domain/competition/questions.hpp"

#include "domain/competition/loaders.hpp"
#include "domain/input_rules.hpp"

namespace tarjotin::domain {

Result<Question> ask_question(CompetitionServices& s, const Actor& actor,
                              const std::string& competition_id, const std::string& text) {
  if (auto ok = required_text(text, "/text", "the question"); !ok) return ok.error();
  return transact<Question>(s.db, Access::write, [&](Transaction& tx) -> Result<Question> {
    auto ctx = invited_competition(tx, actor, competition_id);
    if (!ctx) return ctx.error();
    if (auto open = questions_open(ctx->competition, now(s)); !open) return open.error();
    Question q{s.secrets.new_id(), competition_id, actor.organisation_id, text, now(s), "",
               std::nullopt};
    tx.competitions().add_question(q);
    tx.audit().append(event(s, actor, "competition.question_asked", competition_id, "", q.id));
    return q;
  });
}

Result<Question> answer_question(CompetitionServices& s, const Actor& actor,
                                 const std::string& question_id, const std::string& answer) {
  if (auto ok = required_text(answer, "/answer", "the answer"); !ok) return ok.error();
  return transact<Question>(s.db, Access::write, [&](Transaction& tx) -> Result<Question> {
    auto q = tx.competitions().find_question(question_id);
    if (!q) return Error::not_found("question");
    auto ctx = managed_competition(tx, actor, q->competition_id);
    if (!ctx)
      return ctx.error().kind == ErrorKind::not_found ? Error::not_found("question") : ctx.error();
    if (ctx->competition.state != CompetitionState::published)
      return Error::conflict("not-tendering", "the competition is no longer open for tenders");
    const bool revised = q->answered_at.has_value();
    q->answer = answer;
    q->answered_at = now(s);
    tx.competitions().update_question(*q);
    notify_invitees(tx, s, ctx->competition, "competition.answer_published",
                    "A question about '" + ctx->competition.title + "' was answered.");
    tx.audit().append(
        event(s, actor, revised ? "competition.answer_revised" : "competition.question_answered",
              q->competition_id, "", q->id));
    return *q;
  });
}

Result<std::vector<Question>> list_questions(CompetitionServices& s, const Actor& actor,
                                             const std::string& competition_id) {
  return transact<std::vector<Question>>(
      s.db, Access::read, [&](Transaction& tx) -> Result<std::vector<Question>> {
        auto ctx = visible_competition(tx, actor, competition_id);
        if (!ctx) return ctx.error();
        return questions_seen_by(tx.competitions().questions(competition_id), ctx->oversees,
                                 actor.organisation_id);
      });
}

}  // namespace tarjotin::domain
