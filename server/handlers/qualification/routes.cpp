// DPSs, categories, applications, review, admissions, messages and documents over HTTP: each
// route one use case, its body read and its answer written by type
// (server/handlers/qualification/json.hpp).
#include "domain/qualification/documents.hpp"
#include "server/api.hpp"
#include "server/handlers/qualification/json.hpp"
#include "server/handlers/reply.hpp"

namespace tarjotin::server {
namespace {

using domain::Role;

// A document upload as its request carries it: the name from "Content-Disposition: attachment;
// filename=\"x.pdf\"", if any, the Content-Type and the bytes of the body.
domain::DocumentUpload upload_of(const Request& request) {
  const auto header = request[http::field::content_disposition];
  const std::string_view value(header.data(), header.size());
  std::string_view name;
  if (const auto at = value.find("filename="); at != std::string_view::npos) {
    name = value.substr(at + 9);
    if (!name.empty() && name.front() == '"') {
      name.remove_prefix(1);
      name = name.substr(0, name.find('"'));
    } else {
      name = name.substr(0, name.find(';'));
    }
  }
  const auto type = request[http::field::content_type];
  return {std::string(name), std::string(type.data(), type.size()), request.body()};
}

// A document's bytes as a download that is never rendered in the API's origin.
Reply document_reply(domain::Result<domain::Document> doc, const Exchange& ex) {
  if (!doc) return refused(doc.error(), ex);
  Reply r{
      200, std::move(doc->bytes), std::string(domain::to_string(doc->attachment.media_type)), {}};
  r.headers.emplace_back("Content-Disposition",
                         "attachment; filename=\"" + doc->attachment.filename + "\"");
  r.headers.emplace_back("X-Content-SHA256", doc->attachment.sha256);
  // A PDF may carry script, or be a polyglot a browser could take for a page; even opened in a
  // tab it runs sandboxed, in no origin, with nothing to load.
  r.headers.emplace_back("Content-Security-Policy",
                         "sandbox; default-src 'none'; frame-ancestors 'none'");
  return r;
}

// "?state=" of the admissions list: absent means every state.
domain::Result<std::optional<domain::AdmissionState>> state_asked(const Exchange& ex) {
  const auto asked = ex.query_param("state");
  if (!asked) return std::optional<domain::AdmissionState>();
  if (auto state = domain::parse_admission_state(*asked)) return state;
  return domain::Error::invalid("/state", "enum", "admitted, suspended or excluded");
}

void add_dps_routes(Router& router, domain::QualificationServices& q) {
  const Guard officers = Guard::only({Role::officer});
  router.add({http::verb::get, "/v1/dps", "listDps", Guard::public_read(), "", [&q](Exchange& ex) {
                return answer_list(domain::list_dpss(q, ex.maybe_who()), ex);
              }});
  router.add(
      {http::verb::post, "/v1/dps", "createDps", officers, "dps.request", [&q](Exchange& ex) {
         return answer_body<domain::DpsInput>(
             ex, 201, [&](auto in) { return domain::create_dps(q, ex.who(), in); });
       }});
  router.add({http::verb::get, "/v1/dps/{dps_id}", "readDps", Guard::public_read(), "",
              [&q](Exchange& ex) {
                return answer(domain::read_dps(q, ex.maybe_who(), ex.param("dps_id")), ex, 200);
              }});
  router.add({http::verb::patch, "/v1/dps/{dps_id}", "editDps", officers, "dps.request",
              [&q](Exchange& ex) {
                return answer_body<domain::DpsInput>(ex, 200, [&](auto in) {
                  return domain::edit_dps(q, ex.who(), ex.param("dps_id"), in);
                });
              }});
  router.add({http::verb::post, "/v1/dps/{dps_id}/transitions", "changeDpsState", officers,
              "dps-transition.request", [&q](Exchange& ex) {
                return answer_body<domain::DpsAct>(ex, 200, [&](auto act) {
                  return domain::change_dps_state(q, ex.who(), ex.param("dps_id"), act);
                });
              }});
}

void add_category_routes(Router& router, domain::QualificationServices& q) {
  const Guard officers = Guard::only({Role::officer});
  router.add({http::verb::get, "/v1/dps/{dps_id}/categories", "listCategories",
              Guard::public_read(), "", [&q](Exchange& ex) {
                return answer_list(domain::list_categories(q, ex.maybe_who(), ex.param("dps_id")),
                                   ex);
              }});
  router.add({http::verb::post, "/v1/dps/{dps_id}/categories", "createCategory", officers,
              "category.request", [&q](Exchange& ex) {
                return answer_body<domain::NewCategory>(ex, 201, [&](auto in) {
                  return domain::create_category(q, ex.who(), ex.param("dps_id"), in);
                });
              }});
  router.add({http::verb::get, "/v1/categories/{category_id}", "readCategory", Guard::public_read(),
              "", [&q](Exchange& ex) {
                return answer(domain::read_category(q, ex.maybe_who(), ex.param("category_id")), ex,
                              200);
              }});
  router.add({http::verb::patch, "/v1/categories/{category_id}", "editCategory", officers,
              "category-edit.request", [&q](Exchange& ex) {
                return answer_body<domain::CategoryInput>(ex, 200, [&](auto in) {
                  return domain::edit_category(q, ex.who(), ex.param("category_id"), in);
                });
              }});
  router.add({http::verb::put, "/v1/categories/{category_id}/criteria", "setCriteria", officers,
              "criteria.request", [&q](Exchange& ex) {
                return answer_body<domain::CriteriaInput>(ex, 200, [&](auto in) {
                  return domain::set_criteria(q, ex.who(), ex.param("category_id"), in.criteria);
                });
              }});
  router.add({http::verb::post, "/v1/categories/{category_id}/transitions", "changeCategoryState",
              officers, "category-transition.request", [&q](Exchange& ex) {
                return answer_body<domain::CategoryAct>(ex, 200, [&](auto act) {
                  return domain::change_category_state(q, ex.who(), ex.param("category_id"), act);
                });
              }});
}

void add_admission_routes(Router& router, domain::QualificationServices& q) {
  const Guard officers = Guard::only({Role::officer});
  router.add({http::verb::get, "/v1/categories/{category_id}/admitted-providers",
              "listAdmittedProviders", Guard::open(), "", [&q](Exchange& ex) {
                return answer_list(domain::admitted_providers(q, ex.param("category_id")), ex);
              }});
  router.add({http::verb::get, "/v1/categories/{category_id}/admissions", "listAdmissions",
              officers, "", [&q](Exchange& ex) {
                const auto state = state_asked(ex);
                if (!state) return refused(state.error(), ex);
                return answer_list(
                    domain::list_admissions(q, ex.who(), ex.param("category_id"), *state), ex);
              }});
  router.add({http::verb::post, "/v1/categories/{category_id}/admissions/{provider_id}/transitions",
              "changeAdmission", officers, "admission-transition.request", [&q](Exchange& ex) {
                return answer_body<domain::AdmissionChange>(ex, 200, [&](auto change) {
                  return domain::change_admission(q, ex.who(), ex.param("category_id"),
                                                  ex.param("provider_id"), change);
                });
              }});
}

void add_application_routes(Router& router, domain::QualificationServices& q) {
  const Guard providers = Guard::only({Role::provider});
  router.add({http::verb::post, "/v1/categories/{category_id}/applications", "startApplication",
              providers, "application.request", [&q](Exchange& ex) {
                return answer_body<domain::AnswersInput>(ex, 201, [&](auto in) {
                  return domain::start_application(q, ex.who(), ex.param("category_id"),
                                                   std::move(in.answers));
                });
              }});
  router.add(
      {http::verb::get, "/v1/applications", "listOwnApplications", providers, "",
       [&q](Exchange& ex) { return answer_list(domain::list_own_applications(q, ex.who()), ex); }});
  router.add({http::verb::get, "/v1/applications/{application_id}", "readApplication",
              Guard::signed_in(), "", [&q](Exchange& ex) {
                return answer(domain::read_application(q, ex.who(), ex.param("application_id")), ex,
                              200);
              }});
  router.add({http::verb::put, "/v1/applications/{application_id}/answers", "saveAnswers",
              providers, "answers.request", [&q](Exchange& ex) {
                return answer_body<domain::AnswersInput>(ex, 200, [&](auto in) {
                  return domain::save_answers(q, ex.who(), ex.param("application_id"),
                                              std::move(in.answers));
                });
              }});
  router.add({http::verb::post, "/v1/applications/{application_id}/submission", "submitApplication",
              providers, "", [&q](Exchange& ex) {
                return answer(domain::submit_application(q, ex.who(), ex.param("application_id")),
                              ex, 200);
              }});
  router.add({http::verb::post, "/v1/applications/{application_id}/withdrawal",
              "withdrawApplication", providers, "", [&q](Exchange& ex) {
                return answer(domain::withdraw_application(q, ex.who(), ex.param("application_id")),
                              ex, 200);
              }});
  router.add({http::verb::post, "/v1/applications/{application_id}/clarification-answer",
              "answerClarification", providers, "clarification-answer.request", [&q](Exchange& ex) {
                return answer_body<domain::ClarificationAnswer>(ex, 200, [&](auto in) {
                  return domain::answer_clarification(q, ex.who(), ex.param("application_id"),
                                                      std::move(in));
                });
              }});
}

void add_document_routes(Router& router, domain::QualificationServices& q) {
  Route upload{http::verb::post,
               "/v1/applications/{application_id}/attachments",
               "attachDocument",
               Guard::only({Role::provider}),
               "",
               [&q](Exchange& ex) {
                 return answer(domain::attach_document(q, ex.who(), ex.param("application_id"),
                                                       upload_of(ex.request)),
                               ex, 201);
               }};
  upload.takes_upload = true;
  router.add(std::move(upload));
  router.add({http::verb::get, "/v1/applications/{application_id}/attachments", "listAttachments",
              Guard::signed_in(), "", [&q](Exchange& ex) {
                return answer_list(
                    domain::list_attachments(q, ex.who(), ex.param("application_id")), ex);
              }});
  router.add({http::verb::get, "/v1/attachments/{attachment_id}/content", "readDocument",
              Guard::signed_in(), "", [&q](Exchange& ex) {
                return document_reply(domain::read_document(q, ex.who(), ex.param("attachment_id")),
                                      ex);
              }});
}

void add_review_routes(Router& router, domain::QualificationServices& q) {
  const Guard officers = Guard::only({Role::officer});
  router.add({http::verb::get, "/v1/dps/{dps_id}/applications", "reviewQueue",
              Guard::only({Role::officer, Role::auditor, Role::admin}), "", [&q](Exchange& ex) {
                return answer_list(domain::review_queue(q, ex.who(), ex.param("dps_id")), ex);
              }});
  router.add({http::verb::post, "/v1/applications/{application_id}/clarification-request",
              "requestClarification", officers, "clarification.request", [&q](Exchange& ex) {
                return answer_body<domain::ClarificationRequest>(ex, 200, [&](auto in) {
                  return domain::request_clarification(q, ex.who(), ex.param("application_id"),
                                                       in.question);
                });
              }});
  router.add({http::verb::post, "/v1/applications/{application_id}/deadline-extension",
              "extendDecisionDeadline", officers, "deadline-extension.request", [&q](Exchange& ex) {
                return answer_body<domain::DeadlineExtension>(ex, 200, [&](auto in) {
                  return domain::extend_decision_deadline(q, ex.who(), ex.param("application_id"),
                                                          in.reason);
                });
              }});
  router.add({http::verb::post, "/v1/applications/{application_id}/decision", "decideApplication",
              officers, "decision.request", [&q](Exchange& ex) {
                return answer_body<domain::Decision>(ex, 200, [&](auto in) {
                  return domain::decide_application(q, ex.who(), ex.param("application_id"), in);
                });
              }});
}

void add_message_routes(Router& router, domain::QualificationServices& q) {
  router.add({http::verb::get, "/v1/applications/{application_id}/messages", "listMessages",
              Guard::signed_in(), "", [&q](Exchange& ex) {
                return answer_list(domain::list_messages(q, ex.who(), ex.param("application_id")),
                                   ex);
              }});
  router.add({http::verb::post, "/v1/applications/{application_id}/messages", "postMessage",
              Guard::signed_in(), "message.request", [&q](Exchange& ex) {
                return answer_body<domain::MessageInput>(ex, 201, [&](auto in) {
                  return domain::post_message(q, ex.who(), ex.param("application_id"), in.body);
                });
              }});
}

}  // namespace

void add_qualification_routes(Router& router, Services& s) {
  add_dps_routes(router, s.qualification);
  add_category_routes(router, s.qualification);
  add_admission_routes(router, s.qualification);
  add_application_routes(router, s.qualification);
  add_document_routes(router, s.qualification);
  add_review_routes(router, s.qualification);
  add_message_routes(router, s.qualification);
}

}  // namespace tarjotin::server
