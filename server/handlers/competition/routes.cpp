// Mini-competitions over HTTP: publishing, questions, sealed tenders, opening, scoring, award,
// and the notifications they send.
#include "domain/competition/evaluation.hpp"
#include "domain/competition/notifications.hpp"
#include "domain/competition/questions.hpp"
#include "domain/competition/rules.hpp"
#include "domain/competition/tenders.hpp"
#include "server/api.hpp"
#include "server/handlers/json_fields.hpp"
#include "server/handlers/reply.hpp"
#include "server/time_format.hpp"

namespace tarjotin::server {
namespace {

using domain::Role;

domain::Result<domain::Timestamp> timestamp_member(const rapidjson::Value& v, const char* name) {
  if (auto t = parse_timestamp(text(v, name))) return *t;
  return domain::Error::invalid(std::string("/") + name, "timestamp",
                                "a UTC time like 2026-12-01T10:00:00Z");
}

domain::Result<domain::CompetitionInput> read_input(const rapidjson::Value& b) {
  domain::CompetitionInput in;
  in.title = text(b, "title");
  in.description = text(b, "description");
  in.quantity = text(b, "quantity");
  in.standstill_days = static_cast<int>(integer(b, "standstill_days").value_or(14));
  auto questions = timestamp_member(b, "questions_deadline");
  if (!questions) return questions.error();
  auto tenders = timestamp_member(b, "tender_deadline");
  if (!tenders) return tenders.error();
  in.questions_deadline = *questions;
  in.tender_deadline = *tenders;
  if (b.HasMember("criteria") && b["criteria"].IsArray())
    for (const auto& c : b["criteria"].GetArray())
      in.criteria.push_back({text(c, "key"), text(c, "name"),
                             domain::parse_criterion_basis(text(c, "basis"))
                                 .value_or(domain::CriterionBasis::quality),
                             static_cast<int>(integer(c, "weight").value_or(0)),
                             static_cast<int>(integer(c, "max_points").value_or(10))});
  return in;
}

void write_competition(JsonWriter& w, const domain::CompetitionView& v) {
  const auto& c = v.competition;
  w.StartObject();
  write_field(w, "id", c.id);
  write_field(w, "category_id", c.category_id);
  write_field(w, "title", c.title);
  write_field(w, "description", c.description);
  write_field(w, "quantity", c.quantity);
  w.Key("criteria");
  w.StartArray();
  for (const auto& a : c.criteria) {
    w.StartObject();
    write_field(w, "key", a.key);
    write_field(w, "name", a.name);
    write_field(w, "basis", domain::to_string(a.basis));
    w.Key("weight");
    w.Int(a.weight);
    w.Key("max_points");
    w.Int(a.max_points);
    w.EndObject();
  }
  w.EndArray();
  write_field(w, "price_formula", "weight × lowest price / tender price");
  write_field(w, "tie_rule", "higher total, then lower price, then earlier receipt");
  write_field(w, "questions_deadline", format_timestamp(c.questions_deadline));
  write_field(w, "tender_deadline", format_timestamp(c.tender_deadline));
  w.Key("standstill_days");
  w.Int(c.standstill_days);
  write_field(w, "state", domain::to_string(c.state));
  write_field(w, "reason", c.reason);
  write_optional_time(w, "published_at", c.published_at);
  write_optional_time(w, "opened_at", c.opened_at);
  write_optional_time(w, "awarded_at", c.awarded_at);
  w.Key("invited");
  w.Int(v.invited);
  w.Key("tenders");
  if (v.tenders)
    w.Int(*v.tenders);
  else
    w.Null();
  w.EndObject();
}

void write_summary(JsonWriter& w, const domain::Competition& c) {
  write_competition(w, {c, 0, std::nullopt});
}

void write_question(JsonWriter& w, const domain::Question& q) {
  w.StartObject();
  write_field(w, "id", q.id);
  write_field(w, "competition_id", q.competition_id);
  w.Key("provider_id");
  if (q.provider_id.empty())
    w.Null();
  else
    write_string(w, q.provider_id);
  write_field(w, "text", q.text);
  write_field(w, "asked_at", format_timestamp(q.asked_at));
  write_field(w, "answer", q.answer);
  write_optional_time(w, "answered_at", q.answered_at);
  w.EndObject();
}

void write_receipt(JsonWriter& w, const domain::TenderReceipt& r) {
  w.StartObject();
  write_field(w, "tender_id", r.tender_id);
  write_field(w, "competition_id", r.competition_id);
  write_field(w, "state", domain::to_string(r.state));
  write_optional_time(w, "received_at", r.submitted_at);
  write_field(w, "receipt", r.receipt);
  w.EndObject();
}

void write_opened(JsonWriter& w, const domain::OpenedTender& t) {
  w.StartObject();
  write_field(w, "tender_id", t.tender.id);
  write_field(w, "provider_id", t.tender.provider_id);
  write_optional_time(w, "received_at", t.tender.submitted_at);
  write_field(w, "receipt", t.tender.receipt);
  w.Key("price_cents");
  w.Int64(t.content.price_cents);
  w.Key("answers");
  w.StartObject();
  for (const auto& [key, answer] : t.content.answers) write_field(w, key, answer);
  w.EndObject();
  write_field(w, "note", t.content.note);
  w.EndObject();
}

void write_ranked(JsonWriter& w, const domain::RankedTender& r) {
  w.StartObject();
  write_field(w, "tender_id", r.tender_id);
  write_field(w, "provider_id", r.provider_id);
  w.Key("price_cents");
  w.Int64(r.price_cents);
  w.Key("scores");
  w.StartObject();
  for (const auto& [key, score] : r.scores) {
    write_string(w, key);
    w.Double(score);
  }
  w.EndObject();
  w.Key("total");
  w.Double(r.total);
  w.Key("rank");
  w.Int(r.rank);
  w.Key("complete");
  w.Bool(r.complete);
  w.EndObject();
}

void write_webhook_status(JsonWriter& w, const domain::WebhookStatus& status) {
  w.StartObject();
  write_string(w, "url");
  if (status.webhook)
    write_string(w, status.webhook->url);
  else
    w.Null();
  write_optional_time(w, "set_at",
                      status.webhook ? std::optional(status.webhook->created_at) : std::nullopt);
  write_field(w, "signature_header", "X-Tarjotin-Signature");
  write_string(w, "deliveries");
  w.StartArray();
  for (const auto& e : status.deliveries) {
    const auto state = domain::to_string(domain::delivery_state(e));
    w.StartObject();
    write_field(w, "event_id", e.id);
    write_field(w, "kind", e.kind);
    write_field(w, "created_at", format_timestamp(e.created_at));
    write_field(w, "state", state);
    write_string(w, "attempts");
    w.Int(e.attempts);
    write_optional_time(w, "delivered_at", e.delivered_at);
    write_optional_time(w, "next_attempt_at",
                        state == "pending" || state == "retrying" ? std::optional(e.next_attempt_at)
                                                                  : std::nullopt);
    write_field(w, "last_error", e.last_error);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void write_notification(JsonWriter& w, const domain::Notification& n) {
  w.StartObject();
  write_field(w, "id", n.id);
  write_field(w, "kind", n.kind);
  write_field(w, domain::subject_field(n.kind), n.subject_id);
  write_field(w, "text", n.text);
  write_field(w, "created_at", format_timestamp(n.created_at));
  w.EndObject();
}

void add_competition_setup(Router& router, domain::CompetitionServices& c) {
  const Guard officers = Guard::only({Role::officer});
  router.add({http::verb::post, "/v1/categories/{category_id}/competitions", "createCompetition",
              officers, "competition.request", [&c](Exchange& ex) {
                auto in = read_input(ex.body);
                if (!in) return refused(in.error(), ex);
                return answer(domain::create_competition(c, ex.who(), ex.param("category_id"), *in),
                              ex, 201, write_competition);
              }});
  router.add({http::verb::get, "/v1/categories/{category_id}/competitions", "listCompetitions",
              Guard::signed_in(), "", [&c](Exchange& ex) {
                return answer_list(domain::list_competitions(c, ex.who(), ex.param("category_id")),
                                   ex, write_summary);
              }});
  router.add({http::verb::get, "/v1/competitions/{competition_id}", "readCompetition",
              Guard::signed_in(), "", [&c](Exchange& ex) {
                return answer(domain::read_competition(c, ex.who(), ex.param("competition_id")), ex,
                              200, write_competition);
              }});
  router.add({http::verb::put, "/v1/competitions/{competition_id}", "editCompetition", officers,
              "competition.request", [&c](Exchange& ex) {
                auto in = read_input(ex.body);
                if (!in) return refused(in.error(), ex);
                return answer(
                    domain::edit_competition(c, ex.who(), ex.param("competition_id"), *in), ex, 200,
                    write_competition);
              }});
  router.add(
      {http::verb::post, "/v1/competitions/{competition_id}/transitions", "changeCompetition",
       officers, "competition-transition.request", [&c](Exchange& ex) {
         const auto act = text(ex.body, "act");
         const auto& id = ex.param("competition_id");
         if (act == "publish")
           return answer(domain::publish_competition(c, ex.who(), id), ex, 200, write_competition);
         if (act == "conclude")
           return answer(domain::conclude_competition(c, ex.who(), id), ex, 200, write_competition);
         return answer(domain::cancel_competition(c, ex.who(), id, text(ex.body, "reason")), ex,
                       200, write_competition);
       }});
  router.add({http::verb::post, "/v1/competitions/{competition_id}/deadline-extension",
              "extendTenderDeadline", officers, "tender-deadline.request", [&c](Exchange& ex) {
                auto deadline = timestamp_member(ex.body, "tender_deadline");
                if (!deadline) return refused(deadline.error(), ex);
                return answer(domain::extend_tender_deadline(c, ex.who(),
                                                             ex.param("competition_id"), *deadline),
                              ex, 200, write_competition);
              }});
  router.add({http::verb::post, "/v1/competitions/{competition_id}/questions", "askQuestion",
              Guard::only({Role::provider}), "question.request", [&c](Exchange& ex) {
                return answer(domain::ask_question(c, ex.who(), ex.param("competition_id"),
                                                   text(ex.body, "text")),
                              ex, 201, write_question);
              }});
  router.add({http::verb::get, "/v1/competitions/{competition_id}/questions", "listQuestions",
              Guard::signed_in(), "", [&c](Exchange& ex) {
                return answer_list(domain::list_questions(c, ex.who(), ex.param("competition_id")),
                                   ex, write_question);
              }});
  router.add({http::verb::put, "/v1/questions/{question_id}/answer", "answerQuestion", officers,
              "question-answer.request", [&c](Exchange& ex) {
                return answer(domain::answer_question(c, ex.who(), ex.param("question_id"),
                                                      text(ex.body, "answer")),
                              ex, 200, write_question);
              }});
}

void add_tender_routes(Router& router, domain::CompetitionServices& c) {
  const Guard providers = Guard::only({Role::provider});
  const Guard officers = Guard::only({Role::officer});
  router.add({http::verb::put, "/v1/competitions/{competition_id}/tender", "saveTender", providers,
              "tender.request", [&c](Exchange& ex) {
                domain::TenderContent content;
                content.price_cents = integer(ex.body, "price_cents").value_or(0);
                content.note = text(ex.body, "note");
                if (ex.body.HasMember("answers") && ex.body["answers"].IsObject())
                  for (const auto& m : ex.body["answers"].GetObject())
                    if (m.value.IsString())
                      content.answers[m.name.GetString()] = m.value.GetString();
                return answer(domain::save_tender(c, ex.who(), ex.param("competition_id"), content),
                              ex, 200, write_receipt);
              }});
  router.add({http::verb::get, "/v1/competitions/{competition_id}/tender", "readOwnTender",
              providers, "", [&c](Exchange& ex) {
                return answer(domain::read_own_tender(c, ex.who(), ex.param("competition_id")), ex,
                              200, write_receipt);
              }});
  router.add({http::verb::post, "/v1/competitions/{competition_id}/tender/submission",
              "submitTender", providers, "", [&c](Exchange& ex) {
                return answer(domain::submit_tender(c, ex.who(), ex.param("competition_id")), ex,
                              200, write_receipt);
              }});
  router.add({http::verb::post, "/v1/competitions/{competition_id}/tender/withdrawal",
              "withdrawTender", providers, "", [&c](Exchange& ex) {
                return answer(domain::withdraw_tender(c, ex.who(), ex.param("competition_id")), ex,
                              200, write_receipt);
              }});
  router.add({http::verb::post, "/v1/competitions/{competition_id}/opening", "openTenders",
              officers, "", [&c](Exchange& ex) {
                return answer_list(domain::open_tenders(c, ex.who(), ex.param("competition_id")),
                                   ex, write_opened);
              }});
  router.add({http::verb::get, "/v1/competitions/{competition_id}/tenders", "readTenders",
              Guard::signed_in(), "", [&c](Exchange& ex) {
                return answer_list(domain::read_tenders(c, ex.who(), ex.param("competition_id")),
                                   ex, write_opened);
              }});
  router.add({http::verb::put,
              "/v1/competitions/{competition_id}/tenders/{tender_id}/scores/{criterion_key}",
              "scoreTender", officers, "score.request", [&c](Exchange& ex) {
                auto scored =
                    domain::score_tender(c, ex.who(), ex.param("competition_id"),
                                         ex.param("tender_id"), ex.param("criterion_key"),
                                         {static_cast<int>(integer(ex.body, "points").value_or(-1)),
                                          text(ex.body, "justification")});
                return answer(scored, ex, 200, [](JsonWriter& w, const domain::QualityScore& q) {
                  w.StartObject();
                  write_field(w, "tender_id", q.tender_id);
                  write_field(w, "criterion_key", q.criterion_key);
                  w.Key("points");
                  w.Int(q.points);
                  write_field(w, "justification", q.justification);
                  write_field(w, "scored_at", format_timestamp(q.scored_at));
                  w.EndObject();
                });
              }});
  router.add({http::verb::get, "/v1/competitions/{competition_id}/ranking", "readRanking",
              Guard::only({Role::officer, Role::auditor, Role::admin}), "", [&c](Exchange& ex) {
                return answer_list(domain::ranking(c, ex.who(), ex.param("competition_id")), ex,
                                   write_ranked);
              }});
  router.add({http::verb::post, "/v1/competitions/{competition_id}/award", "awardCompetition",
              officers, "award.request", [&c](Exchange& ex) {
                return answer(domain::award_competition(c, ex.who(), ex.param("competition_id"),
                                                        text(ex.body, "tender_id")),
                              ex, 200, write_competition);
              }});
  router.add({http::verb::get, "/v1/competitions/{competition_id}/decision", "readDecision",
              Guard::signed_in(), "", [&c](Exchange& ex) {
                return answer(domain::read_decision(c, ex.who(), ex.param("competition_id")), ex,
                              200, [](JsonWriter& w, const domain::TendererDecision& d) {
                                w.StartObject();
                                write_field(w, "competition_id", d.competition.id);
                                write_field(w, "state", domain::to_string(d.competition.state));
                                write_field(w, "winner_provider_id", d.winner_provider_id);
                                w.Key("winner_total");
                                w.Double(d.winner_total);
                                w.Key("own");
                                if (d.own)
                                  write_ranked(w, *d.own);
                                else
                                  w.Null();
                                write_optional_time(w, "standstill_until", d.standstill_until);
                                w.EndObject();
                              });
              }});
}

void add_notification_routes(Router& router, domain::CompetitionServices& c) {
  router.add({http::verb::get, "/v1/notifications", "listNotifications", Guard::signed_in(), "",
              [&c](Exchange& ex) {
                return answer_list(domain::list_notifications(c, ex.who()), ex, write_notification);
              }});
  router.add({http::verb::put, "/v1/webhook", "setWebhook", Guard::only({Role::provider}),
              "webhook.request", [&c](Exchange& ex) {
                return answer(domain::set_webhook(c, ex.who(), text(ex.body, "url")), ex, 200,
                              [](JsonWriter& w, const domain::Webhook& hook) {
                                w.StartObject();
                                write_field(w, "url", hook.url);
                                write_field(w, "secret", hook.secret);
                                write_field(w, "signature_header", "X-Tarjotin-Signature");
                                w.EndObject();
                              });
              }});
  router.add({http::verb::get, "/v1/webhook", "getWebhook", Guard::only({Role::provider}), "",
              [&c](Exchange& ex) {
                return answer(domain::read_webhook(c, ex.who()), ex, 200, write_webhook_status);
              }});
}

}  // namespace

void add_competition_routes(Router& router, Services& s) {
  add_competition_setup(router, s.competitions);
  add_tender_routes(router, s.competitions);
  add_notification_routes(router, s.competitions);
}

}  // namespace tarjotin::server
