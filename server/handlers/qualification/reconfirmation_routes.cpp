// Re-confirmation of criteria by admitted providers.
#include "domain/qualification/reconfirmation.hpp"
#include "server/api.hpp"
#include "server/handlers/reply.hpp"
#include "server/time_format.hpp"

namespace tarjotin::server {
namespace {

using domain::Role;

void write_request(JsonWriter& w, const domain::ReconfirmationRequest& q) {
  write_field(w, "id", q.id);
  write_field(w, "category_id", q.category_id);
  w.Key("criteria_version");
  w.Int(q.criteria_version);
  write_field(w, "due", format_date(q.due));
  write_field(w, "message", q.message);
  write_field(w, "requested_at", format_timestamp(q.requested_at));
}

void write_one(JsonWriter& w, const domain::Reconfirmation& r) {
  w.StartObject();
  write_field(w, "request_id", r.request_id);
  write_field(w, "provider_id", r.provider_id);
  write_field(w, "state", domain::to_string(r.state));
  w.Key("answered_at");
  if (r.answered_at)
    write_string(w, format_timestamp(*r.answered_at));
  else
    w.Null();
  w.EndObject();
}

void write_view(JsonWriter& w, const domain::ReconfirmationView& v) {
  w.StartObject();
  write_request(w, v.request);
  w.Key("providers");
  w.StartArray();
  for (const auto& r : v.providers) write_one(w, r);
  w.EndArray();
  w.EndObject();
}

}  // namespace

void add_reconfirmation_routes(Router& router, Services& s) {
  auto& q = s.qualification;
  router.add(
      {http::verb::post, "/v1/categories/{category_id}/reconfirmations", "requestReconfirmation",
       Guard::only({Role::officer}), "reconfirmation.request", [&q](Exchange& ex) {
         const auto due = parse_date(string_member(ex.body, "due").value_or(""));
         if (!due)
           return to_reply(invalid_input({{"/due", "date", "not a calendar date"}}), ex.request_id);
         return answer(
             domain::request_reconfirmation(q, ex.who(), ex.param("category_id"), *due,
                                            string_member(ex.body, "message").value_or("")),
             ex, 201, write_view);
       }});
  router.add({http::verb::get, "/v1/reconfirmations", "listPendingReconfirmations",
              Guard::only({Role::provider}), "", [&q](Exchange& ex) {
                return answer_list(domain::pending_reconfirmations(q, ex.who()), ex,
                                   [](JsonWriter& w, const domain::ReconfirmationRequest& r) {
                                     w.StartObject();
                                     write_request(w, r);
                                     w.EndObject();
                                   });
              }});
  router.add({http::verb::get, "/v1/reconfirmations/{request_id}", "readReconfirmation",
              Guard::only({Role::officer, Role::admin, Role::auditor, Role::provider}), "",
              [&q](Exchange& ex) {
                return answer(domain::read_reconfirmation(q, ex.who(), ex.param("request_id")), ex,
                              200, write_view);
              }});
  router.add({http::verb::post, "/v1/reconfirmations/{request_id}/confirmation", "confirmCriteria",
              Guard::only({Role::provider}), "", [&q](Exchange& ex) {
                return answer(domain::confirm_criteria(q, ex.who(), ex.param("request_id")), ex,
                              200, write_one);
              }});
}

}  // namespace tarjotin::server
