// Mini-competitions over HTTP: publishing, questions, sealed tenders, opening, scoring, award,
// and the notifications they send. Each route is one use case, its body read and its answer
// written by type (server/handlers/competition/json.hpp).
#include "server/api.hpp"
#include "server/handlers/competition/json.hpp"
#include "server/handlers/json_fields.hpp"
#include "server/handlers/reply.hpp"

namespace tarjotin::server {
namespace {

using domain::Role;

void add_competition_setup(Router& router, domain::CompetitionServices& c) {
  const Guard officers = Guard::only({Role::officer});
  router.add({http::verb::post, "/v1/categories/{category_id}/competitions", "createCompetition",
              officers, "competition.request", [&c](Exchange& ex) {
                return answer_body<domain::CompetitionInput>(ex, 201, [&](auto in) {
                  return domain::create_competition(c, ex.who(), ex.param("category_id"), in);
                });
              }});
  router.add({http::verb::get, "/v1/categories/{category_id}/competitions", "listCompetitions",
              Guard::signed_in(), "", [&c](Exchange& ex) {
                return answer_list(domain::list_competitions(c, ex.who(), ex.param("category_id")),
                                   ex);
              }});
  router.add({http::verb::get, "/v1/competitions/{competition_id}", "readCompetition",
              Guard::signed_in(), "", [&c](Exchange& ex) {
                return answer(domain::read_competition(c, ex.who(), ex.param("competition_id")), ex,
                              200);
              }});
  router.add({http::verb::put, "/v1/competitions/{competition_id}", "editCompetition", officers,
              "competition.request", [&c](Exchange& ex) {
                return answer_body<domain::CompetitionInput>(ex, 200, [&](auto in) {
                  return domain::edit_competition(c, ex.who(), ex.param("competition_id"), in);
                });
              }});
  router.add({http::verb::post, "/v1/competitions/{competition_id}/transitions",
              "changeCompetition", officers, "competition-transition.request", [&c](Exchange& ex) {
                return answer_body<domain::CompetitionTransition>(ex, 200, [&](auto in) {
                  return domain::change_competition_state(c, ex.who(), ex.param("competition_id"),
                                                          in);
                });
              }});
  router.add({http::verb::post, "/v1/competitions/{competition_id}/deadline-extension",
              "extendTenderDeadline", officers, "tender-deadline.request", [&c](Exchange& ex) {
                return answer_body<TenderDeadline>(ex, 200, [&](auto in) {
                  return domain::extend_tender_deadline(c, ex.who(), ex.param("competition_id"),
                                                        in.tender_deadline);
                });
              }});
  router.add({http::verb::post, "/v1/competitions/{competition_id}/questions", "askQuestion",
              Guard::only({Role::provider}), "question.request", [&c](Exchange& ex) {
                return answer(domain::ask_question(c, ex.who(), ex.param("competition_id"),
                                                   text(ex.body, "text")),
                              ex, 201);
              }});
  router.add({http::verb::get, "/v1/competitions/{competition_id}/questions", "listQuestions",
              Guard::signed_in(), "", [&c](Exchange& ex) {
                return answer_list(domain::list_questions(c, ex.who(), ex.param("competition_id")),
                                   ex);
              }});
  router.add({http::verb::put, "/v1/questions/{question_id}/answer", "answerQuestion", officers,
              "question-answer.request", [&c](Exchange& ex) {
                return answer(domain::answer_question(c, ex.who(), ex.param("question_id"),
                                                      text(ex.body, "answer")),
                              ex, 200);
              }});
}

void add_tender_routes(Router& router, domain::CompetitionServices& c) {
  const Guard providers = Guard::only({Role::provider});
  const Guard officers = Guard::only({Role::officer});
  router.add({http::verb::put, "/v1/competitions/{competition_id}/tender", "saveTender", providers,
              "tender.request", [&c](Exchange& ex) {
                return answer_body<domain::TenderContent>(ex, 200, [&](const auto& in) {
                  return domain::save_tender(c, ex.who(), ex.param("competition_id"), in);
                });
              }});
  router.add({http::verb::get, "/v1/competitions/{competition_id}/tender", "readOwnTender",
              providers, "", [&c](Exchange& ex) {
                return answer(domain::read_own_tender(c, ex.who(), ex.param("competition_id")), ex,
                              200);
              }});
  router.add({http::verb::post, "/v1/competitions/{competition_id}/tender/submission",
              "submitTender", providers, "", [&c](Exchange& ex) {
                return answer(domain::submit_tender(c, ex.who(), ex.param("competition_id")), ex,
                              200);
              }});
  router.add({http::verb::post, "/v1/competitions/{competition_id}/tender/withdrawal",
              "withdrawTender", providers, "", [&c](Exchange& ex) {
                return answer(domain::withdraw_tender(c, ex.who(), ex.param("competition_id")), ex,
                              200);
              }});
  router.add({http::verb::post, "/v1/competitions/{competition_id}/opening", "openTenders",
              officers, "", [&c](Exchange& ex) {
                return answer_list(domain::open_tenders(c, ex.who(), ex.param("competition_id")),
                                   ex);
              }});
  router.add({http::verb::get, "/v1/competitions/{competition_id}/tenders", "readTenders",
              Guard::signed_in(), "", [&c](Exchange& ex) {
                return answer_list(domain::read_tenders(c, ex.who(), ex.param("competition_id")),
                                   ex);
              }});
  router.add({http::verb::put,
              "/v1/competitions/{competition_id}/tenders/{tender_id}/scores/{criterion_key}",
              "scoreTender", officers, "score.request", [&c](Exchange& ex) {
                return answer_body<domain::QualityScoreInput>(ex, 200, [&](const auto& in) {
                  return domain::score_tender(c, ex.who(), ex.param("competition_id"),
                                              ex.param("tender_id"), ex.param("criterion_key"), in);
                });
              }});
  router.add({http::verb::get, "/v1/competitions/{competition_id}/ranking", "readRanking",
              Guard::only({Role::officer, Role::auditor, Role::admin}), "", [&c](Exchange& ex) {
                return answer_list(domain::ranking(c, ex.who(), ex.param("competition_id")), ex);
              }});
  router.add({http::verb::post, "/v1/competitions/{competition_id}/award", "awardCompetition",
              officers, "award.request", [&c](Exchange& ex) {
                return answer(domain::award_competition(c, ex.who(), ex.param("competition_id"),
                                                        text(ex.body, "tender_id")),
                              ex, 200);
              }});
  router.add({http::verb::get, "/v1/competitions/{competition_id}/decision", "readDecision",
              Guard::signed_in(), "", [&c](Exchange& ex) {
                return answer(domain::read_decision(c, ex.who(), ex.param("competition_id")), ex,
                              200);
              }});
}

void add_notification_routes(Router& router, domain::CompetitionServices& c) {
  router.add(
      {http::verb::get, "/v1/notifications", "listNotifications", Guard::signed_in(), "",
       [&c](Exchange& ex) { return answer_list(domain::list_notifications(c, ex.who()), ex); }});
  router.add({http::verb::put, "/v1/webhook", "setWebhook", Guard::only({Role::provider}),
              "webhook.request", [&c](Exchange& ex) {
                return answer(domain::set_webhook(c, ex.who(), text(ex.body, "url")), ex, 200);
              }});
  router.add({http::verb::get, "/v1/webhook", "getWebhook", Guard::only({Role::provider}), "",
              [&c](Exchange& ex) { return answer(domain::read_webhook(c, ex.who()), ex, 200); }});
}

}  // namespace

void add_competition_routes(Router& router, Services& s) {
  add_competition_setup(router, s.competitions);
  add_tender_routes(router, s.competitions);
  add_notification_routes(router, s.competitions);
}

}  // namespace tarjotin::server
