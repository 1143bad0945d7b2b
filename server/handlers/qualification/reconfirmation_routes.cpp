// Re-confirmation of criteria by admitted providers over HTTP.
#include "domain/qualification/reconfirmation.hpp"
#include "server/api.hpp"
#include "server/handlers/qualification/json.hpp"
#include "server/handlers/reply.hpp"

namespace tarjotin::server {

using domain::Role;

void add_reconfirmation_routes(Router& router, Services& s) {
  auto& q = s.qualification;
  router.add({http::verb::post, "/v1/categories/{category_id}/reconfirmations",
              "requestReconfirmation", Guard::only({Role::officer}), "reconfirmation.request",
              [&q](Exchange& ex) {
                return answer_body<domain::ReconfirmationInput>(ex, 201, [&](auto in) {
                  return domain::request_reconfirmation(q, ex.who(), ex.param("category_id"), in);
                });
              }});
  router.add({http::verb::get, "/v1/reconfirmations", "listPendingReconfirmations",
              Guard::only({Role::provider}), "", [&q](Exchange& ex) {
                return answer_list(domain::pending_reconfirmations(q, ex.who()), ex);
              }});
  router.add({http::verb::get, "/v1/reconfirmations/{request_id}", "readReconfirmation",
              Guard::only({Role::officer, Role::admin, Role::auditor, Role::provider}), "",
              [&q](Exchange& ex) {
                return answer(domain::read_reconfirmation(q, ex.who(), ex.param("request_id")), ex,
                              200);
              }});
  router.add({http::verb::post, "/v1/reconfirmations/{request_id}/confirmation", "confirmCriteria",
              Guard::only({Role::provider}), "", [&q](Exchange& ex) {
                return answer(domain::confirm_criteria(q, ex.who(), ex.param("request_id")), ex,
                              200);
              }});
}

}  // namespace tarjotin::server
