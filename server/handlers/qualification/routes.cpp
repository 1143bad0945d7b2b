// DPSs, categories, applications, review, admissions and messages over HTTP.
#include "domain/qualification/use_cases.hpp"
#include "server/api.hpp"
#include "server/handlers/accounts/json.hpp"
#include "server/handlers/json_fields.hpp"
#include "server/handlers/qualification/json.hpp"
#include "server/handlers/reply.hpp"
#include "server/time_format.hpp"

namespace tarjotin::server {
namespace {

using domain::Role;

// The name from "Content-Disposition: attachment; filename=\"x.pdf\"", if any.
std::string upload_filename(const Request& request) {
  const auto header = request[http::field::content_disposition];
  const std::string_view value(header.data(), header.size());
  const auto at = value.find("filename=");
  if (at == std::string_view::npos) return "";
  std::string_view name = value.substr(at + 9);
  if (!name.empty() && name.front() == '"') {
    name.remove_prefix(1);
    name = name.substr(0, name.find('"'));
  } else {
    name = name.substr(0, name.find(';'));
  }
  return std::string(name);
}

void write_category_view(JsonWriter& w, const domain::CategoryView& v) {
  write_category(w, v.category, &v.criteria);
}

void write_category_summary(JsonWriter& w, const domain::Category& c) {
  write_category(w, c, nullptr);
}

}  // namespace

void add_qualification_routes(Router& router, Services& s) {
  auto& q = s.qualification;
  const Guard officers = Guard::only({Role::officer});
  const Guard providers = Guard::only({Role::provider});

  // ---- DPS ----
  router.add({http::verb::get, "/v1/dps", "listDps", Guard::public_read(), "", [&q](Exchange& ex) {
                return answer_list(domain::list_dpss(q, ex.maybe_who()), ex, write_dps);
              }});
  router.add(
      {http::verb::post, "/v1/dps", "createDps", officers, "dps.request", [&q](Exchange& ex) {
         auto input = read_dps_input(ex.body);
         if (!input) return refused(input.error(), ex);
         return answer(domain::create_dps(q, ex.who(), *input), ex, 201, write_dps);
       }});
  router.add({http::verb::get, "/v1/dps/{dps_id}", "readDps", Guard::public_read(), "",
              [&q](Exchange& ex) {
                return answer(domain::read_dps(q, ex.maybe_who(), ex.param("dps_id")), ex, 200,
                              write_dps);
              }});
  router.add({http::verb::patch, "/v1/dps/{dps_id}", "editDps", officers, "dps.request",
              [&q](Exchange& ex) {
                auto input = read_dps_input(ex.body);
                if (!input) return refused(input.error(), ex);
                return answer(domain::edit_dps(q, ex.who(), ex.param("dps_id"), *input), ex, 200,
                              write_dps);
              }});
  router.add({http::verb::post, "/v1/dps/{dps_id}/transitions", "changeDpsState", officers,
              "dps-transition.request", [&q](Exchange& ex) {
                const auto act = domain::parse_dps_act(text(ex.body, "act"));
                return answer(domain::change_dps_state(q, ex.who(), ex.param("dps_id"), *act), ex,
                              200, write_dps);
              }});

  // ---- categories ----
  router.add({http::verb::get, "/v1/dps/{dps_id}/categories", "listCategories",
              Guard::public_read(), "", [&q](Exchange& ex) {
                return answer_list(domain::list_categories(q, ex.maybe_who(), ex.param("dps_id")),
                                   ex, write_category_summary);
              }});
  router.add({http::verb::post, "/v1/dps/{dps_id}/categories", "createCategory", officers,
              "category.request", [&q](Exchange& ex) {
                auto result = domain::create_category(q, ex.who(), ex.param("dps_id"),
                                                      read_category_input(ex.body),
                                                      read_criteria(ex.body["criteria"]));
                return answer(result, ex, 201, write_category_view);
              }});
  router.add({http::verb::get, "/v1/categories/{category_id}", "readCategory", Guard::public_read(),
              "", [&q](Exchange& ex) {
                return answer(domain::read_category(q, ex.maybe_who(), ex.param("category_id")), ex,
                              200, write_category_view);
              }});
  router.add({http::verb::patch, "/v1/categories/{category_id}", "editCategory", officers,
              "category-edit.request", [&q](Exchange& ex) {
                return answer(domain::edit_category(q, ex.who(), ex.param("category_id"),
                                                    read_category_input(ex.body)),
                              ex, 200, write_category_view);
              }});
  router.add({http::verb::put, "/v1/categories/{category_id}/criteria", "setCriteria", officers,
              "criteria.request", [&q](Exchange& ex) {
                return answer(domain::set_criteria(q, ex.who(), ex.param("category_id"),
                                                   read_criteria(ex.body["criteria"])),
                              ex, 200, write_category_view);
              }});
  router.add({http::verb::post, "/v1/categories/{category_id}/transitions", "changeCategoryState",
              officers, "category-transition.request", [&q](Exchange& ex) {
                const auto act = domain::parse_category_act(text(ex.body, "act"));
                return answer(
                    domain::change_category_state(q, ex.who(), ex.param("category_id"), *act), ex,
                    200, write_category_view);
              }});
  router.add({http::verb::get, "/v1/categories/{category_id}/admitted-providers",
              "listAdmittedProviders", Guard::open(), "", [&q](Exchange& ex) {
                return answer_list(domain::admitted_providers(q, ex.param("category_id")), ex,
                                   [](JsonWriter& w, const domain::AdmittedProvider& p) {
                                     w.StartObject();
                                     write_field(w, "provider_id", p.provider.id);
                                     write_field(w, "name", p.provider.name);
                                     write_field(w, "country", p.provider.country);
                                     write_field(w, "business_id", p.provider.business_id);
                                     write_field(w, "admitted_at",
                                                 format_timestamp(p.admission.admitted_at));
                                     w.EndObject();
                                   });
              }});
  router.add({http::verb::get, "/v1/categories/{category_id}/admissions", "listAdmissions",
              officers, "", [&q](Exchange& ex) {
                std::optional<domain::AdmissionState> state;
                if (const auto asked = ex.query_param("state")) {
                  state = domain::parse_admission_state(*asked);
                  if (!state)
                    return refused(
                        domain::Error::invalid("/state", "enum", "admitted, suspended or excluded"),
                        ex);
                }
                return answer_list(
                    domain::list_admissions(q, ex.who(), ex.param("category_id"), state), ex,
                    [](JsonWriter& w, const domain::AdmittedProvider& p) {
                      w.StartObject();
                      write_field(w, "provider_id", p.provider.id);
                      write_field(w, "name", p.provider.name);
                      write_field(w, "state", domain::to_string(p.admission.state));
                      write_field(w, "reason", p.admission.reason);
                      write_field(w, "admitted_at", format_timestamp(p.admission.admitted_at));
                      write_field(w, "updated_at", format_timestamp(p.admission.updated_at));
                      w.EndObject();
                    });
              }});
  router.add({http::verb::post, "/v1/categories/{category_id}/admissions/{provider_id}/transitions",
              "changeAdmission", officers, "admission-transition.request", [&q](Exchange& ex) {
                const auto act = domain::parse_admission_act(text(ex.body, "act"));
                return answer(domain::change_admission(q, ex.who(), ex.param("category_id"),
                                                       ex.param("provider_id"), *act,
                                                       text(ex.body, "reason")),
                              ex, 200, write_admission);
              }});

  // ---- applications (provider side) ----
  router.add({http::verb::post, "/v1/categories/{category_id}/applications", "startApplication",
              providers, "application.request", [&q](Exchange& ex) {
                auto answers = read_answers(ex.body);
                if (!answers) return refused(answers.error(), ex);
                return answer(domain::start_application(q, ex.who(), ex.param("category_id"),
                                                        std::move(*answers)),
                              ex, 201, write_application);
              }});
  router.add({http::verb::get, "/v1/applications", "listOwnApplications", providers, "",
              [&q](Exchange& ex) {
                return answer_list(domain::list_own_applications(q, ex.who()), ex,
                                   write_application);
              }});
  router.add({http::verb::get, "/v1/applications/{application_id}", "readApplication",
              Guard::signed_in(), "", [&q](Exchange& ex) {
                return answer(domain::read_application(q, ex.who(), ex.param("application_id")), ex,
                              200, write_application);
              }});
  router.add({http::verb::put, "/v1/applications/{application_id}/answers", "saveAnswers",
              providers, "answers.request", [&q](Exchange& ex) {
                auto answers = read_answers(ex.body);
                if (!answers) return refused(answers.error(), ex);
                return answer(domain::save_answers(q, ex.who(), ex.param("application_id"),
                                                   std::move(*answers)),
                              ex, 200, write_application);
              }});
  router.add({http::verb::post, "/v1/applications/{application_id}/submission", "submitApplication",
              providers, "", [&q](Exchange& ex) {
                return answer(domain::submit_application(q, ex.who(), ex.param("application_id")),
                              ex, 200, write_application);
              }});
  router.add({http::verb::post, "/v1/applications/{application_id}/withdrawal",
              "withdrawApplication", providers, "", [&q](Exchange& ex) {
                return answer(domain::withdraw_application(q, ex.who(), ex.param("application_id")),
                              ex, 200, write_application);
              }});
  router.add({http::verb::post, "/v1/applications/{application_id}/clarification-answer",
              "answerClarification", providers, "clarification-answer.request", [&q](Exchange& ex) {
                std::optional<std::vector<domain::Answer>> answers;
                if (ex.body.HasMember("answers")) {
                  auto read = read_answers(ex.body);
                  if (!read) return refused(read.error(), ex);
                  answers = std::move(*read);
                }
                return answer(
                    domain::answer_clarification(q, ex.who(), ex.param("application_id"),
                                                 text(ex.body, "message"), std::move(answers)),
                    ex, 200, write_application);
              }});

  // ---- documents ----
  Route upload{http::verb::post,
               "/v1/applications/{application_id}/attachments",
               "attachDocument",
               providers,
               "",
               [&q](Exchange& ex) {
                 const auto type = ex.request[http::field::content_type];
                 return answer(
                     domain::attach_document(q, ex.who(), ex.param("application_id"),
                                             upload_filename(ex.request),
                                             {type.data(), type.size()}, ex.request.body()),
                     ex, 201, write_attachment);
               }};
  upload.takes_upload = true;
  router.add(std::move(upload));
  router.add({http::verb::get, "/v1/applications/{application_id}/attachments", "listAttachments",
              Guard::signed_in(), "", [&q](Exchange& ex) {
                return answer_list(
                    domain::list_attachments(q, ex.who(), ex.param("application_id")), ex,
                    write_attachment);
              }});
  router.add({http::verb::get, "/v1/attachments/{attachment_id}/content", "readDocument",
              Guard::signed_in(), "", [&q](Exchange& ex) {
                auto doc = domain::read_document(q, ex.who(), ex.param("attachment_id"));
                if (!doc) return refused(doc.error(), ex);
                Reply r{200,
                        std::move(doc->bytes),
                        std::string(domain::to_string(doc->attachment.media_type)),
                        {}};
                // Always a download, never rendered in the API's origin.
                r.headers.emplace_back("Content-Disposition",
                                       "attachment; filename=\"" + doc->attachment.filename + "\"");
                r.headers.emplace_back("X-Content-SHA256", doc->attachment.sha256);
                // A PDF may carry script, or be a polyglot a browser could take for a page; even
                // opened in a tab it runs sandboxed, in no origin, with nothing to load.
                r.headers.emplace_back("Content-Security-Policy",
                                       "sandbox; default-src 'none'; frame-ancestors 'none'");
                return r;
              }});

  // ---- review (officer side) ----
  router.add({http::verb::get, "/v1/dps/{dps_id}/applications", "reviewQueue",
              Guard::only({Role::officer, Role::auditor, Role::admin}), "", [&q](Exchange& ex) {
                return answer_list(domain::review_queue(q, ex.who(), ex.param("dps_id")), ex,
                                   write_application);
              }});
  router.add({http::verb::post, "/v1/applications/{application_id}/clarification-request",
              "requestClarification", officers, "clarification.request", [&q](Exchange& ex) {
                return answer(domain::request_clarification(q, ex.who(), ex.param("application_id"),
                                                            text(ex.body, "message")),
                              ex, 200, write_application);
              }});
  router.add({http::verb::post, "/v1/applications/{application_id}/deadline-extension",
              "extendDecisionDeadline", officers, "deadline-extension.request", [&q](Exchange& ex) {
                return answer(domain::extend_decision_deadline(
                                  q, ex.who(), ex.param("application_id"), text(ex.body, "reason")),
                              ex, 200, write_application);
              }});
  router.add({http::verb::post, "/v1/applications/{application_id}/decision", "decideApplication",
              officers, "decision.request", [&q](Exchange& ex) {
                return answer(domain::decide_application(q, ex.who(), ex.param("application_id"),
                                                         text(ex.body, "decision") == "admit",
                                                         text(ex.body, "reason")),
                              ex, 200, write_application);
              }});

  // ---- messages (both parties) ----
  router.add({http::verb::get, "/v1/applications/{application_id}/messages", "listMessages",
              Guard::signed_in(), "", [&q](Exchange& ex) {
                return answer_list(domain::list_messages(q, ex.who(), ex.param("application_id")),
                                   ex, write_message);
              }});
  router.add({http::verb::post, "/v1/applications/{application_id}/messages", "postMessage",
              Guard::signed_in(), "message.request", [&q](Exchange& ex) {
                return answer(domain::post_message(q, ex.who(), ex.param("application_id"),
                                                   text(ex.body, "body")),
                              ex, 201, write_message);
              }});
}

}  // namespace tarjotin::server
