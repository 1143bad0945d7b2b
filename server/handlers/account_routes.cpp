// Organisations, users and sign-in sessions over HTTP. Each handler reads its validated body,
// calls one use case and writes the answer.
#include "domain/accounts.hpp"
#include "server/api.hpp"
#include "server/browser_session.hpp"
#include "server/handlers/account_json.hpp"
#include "server/handlers/reply.hpp"
#include "server/problem.hpp"
#include "server/time_format.hpp"

namespace tarjotin::server {
namespace {

using domain::Role;

std::string text(const rapidjson::Value& object, const char* name) {
  return string_member(object, name).value_or("");
}

domain::NewOrganisation organisation_input(const rapidjson::Value& body) {
  domain::NewOrganisation o;
  o.kind = domain::parse_organisation_kind(text(body, "kind"))
               .value_or(domain::OrganisationKind::provider);
  o.name = text(body, "name");
  o.country = string_member(body, "country").value_or("FI");
  o.business_id = text(body, "business_id");
  return o;
}

domain::NewUser user_input(const rapidjson::Value& body) {
  domain::NewUser u;
  u.email = text(body, "email");
  u.display_name = text(body, "display_name");
  u.role = domain::parse_role(text(body, "role")).value_or(Role::provider);
  u.password = text(body, "password");
  return u;
}

}  // namespace

void add_account_routes(Router& router, Services& s) {
  const Guard managers = Guard::only({Role::admin, Role::officer, Role::provider});

  router.add({http::verb::post, "/v1/provider-registrations", "registerProvider", Guard::open(),
              "provider-registration.request", [&s](Exchange& ex) {
                const auto& org = ex.body["organisation"];
                auto result = domain::register_provider(s.accounts, organisation_input(org),
                                                        user_input(ex.body["user"]));
                return answer(result, ex, 201, [](JsonWriter& w, const domain::Registration& r) {
                  w.StartObject();
                  w.Key("organisation");
                  write_organisation(w, r.organisation);
                  w.Key("user");
                  write_user(w, r.user);
                  w.EndObject();
                });
              }});

  router.add({http::verb::post, "/v1/sessions", "signIn", Guard::open(), "session.request",
              [&s](Exchange& ex) {
                auto result = domain::sign_in(s.accounts, text(ex.body, "email"),
                                              text(ex.body, "password"), ex.client_address);
                if (!result) s.log.warn("sign-in refused", {{"request_id", ex.request_id}});
                return answer(result, ex, 201, [](JsonWriter& w, const domain::SignedIn& r) {
                  w.StartObject();
                  write_field(w, "token", r.token);
                  write_field(w, "token_type", "Bearer");
                  write_field(w, "expires_at", format_timestamp(r.expires_at));
                  w.Key("user");
                  write_user(w, r.user);
                  w.EndObject();
                });
              }});

  // The browser's sign-in: the token goes into an HttpOnly cookie and never into the answer,
  // so no script on the page can read it; the answer carries the CSRF token instead.
  router.add({http::verb::post, "/v1/browser-sessions", "signInBrowser", Guard::open(),
              "browser-session.request", [&s](Exchange& ex) {
                auto result = domain::sign_in(s.accounts, text(ex.body, "email"),
                                              text(ex.body, "password"), ex.client_address);
                if (!result) {
                  s.log.warn("sign-in refused", {{"request_id", ex.request_id}});
                  return refused(result.error(), ex);
                }
                Reply reply = written(201, [&](JsonWriter& w) {
                  w.StartObject();
                  write_field(w, "csrf_token", csrf_token_for(result->token));
                  write_field(w, "expires_at", format_timestamp(result->expires_at));
                  w.Key("user");
                  write_user(w, result->user);
                  w.EndObject();
                });
                reply.headers.emplace_back(
                    "Set-Cookie",
                    session_cookie_header(result->token, s.clock.now(), result->expires_at));
                return reply;
              }});

  router.add({http::verb::get, "/v1/sessions/current", "readCurrentSession", Guard::own_session(),
              "", [&s](Exchange& ex) {
                auto org =
                    domain::read_organisation(s.accounts, ex.who(), ex.who().organisation_id);
                return answer(org, ex, 200, [&](JsonWriter& w, const domain::Organisation& o) {
                  w.StartObject();
                  write_field(w, "user_id", ex.who().user_id);
                  write_field(w, "role", domain::to_string(ex.who().role));
                  w.Key("password_change_required");
                  w.Bool(ex.who().password_change_required);
                  w.Key("organisation");
                  write_organisation(w, o);
                  if (!ex.csrf_token.empty()) write_field(w, "csrf_token", ex.csrf_token);
                  w.EndObject();
                });
              }});

  router.add({http::verb::delete_, "/v1/sessions/current", "signOut", Guard::own_session(), "",
              [&s](Exchange& ex) {
                auto result = domain::sign_out(s.accounts, ex.who());
                if (!result) return refused(result.error(), ex);
                return Reply{204, "", "", {{"Set-Cookie", cleared_session_cookie_header()}}};
              }});

  router.add({http::verb::put, "/v1/sessions/current/password", "changePassword",
              Guard::own_session(), "password-change.request", [&s](Exchange& ex) {
                auto result = domain::change_own_password(s.accounts, ex.who(),
                                                          text(ex.body, "current_password"),
                                                          text(ex.body, "new_password"));
                if (!result) return refused(result.error(), ex);
                return Reply{204, "", "", {}};
              }});

  router.add({http::verb::post, "/v1/organisations", "createOrganisation",
              Guard::only({Role::admin}), "organisation.request", [&s](Exchange& ex) {
                auto result =
                    domain::create_organisation(s.accounts, ex.who(), organisation_input(ex.body));
                return answer(result, ex, 201, write_organisation);
              }});

  router.add({http::verb::get, "/v1/organisations/{organisation_id}", "readOrganisation",
              Guard::signed_in(), "", [&s](Exchange& ex) {
                auto result =
                    domain::read_organisation(s.accounts, ex.who(), ex.param("organisation_id"));
                return answer(result, ex, 200, write_organisation);
              }});

  router.add({http::verb::post, "/v1/organisations/{organisation_id}/users", "createUser", managers,
              "user.request", [&s](Exchange& ex) {
                auto result = domain::create_user(s.accounts, ex.who(), ex.param("organisation_id"),
                                                  user_input(ex.body));
                return answer(result, ex, 201, write_user);
              }});

  router.add({http::verb::get, "/v1/organisations/{organisation_id}/users", "listUsers",
              Guard::signed_in(), "", [&s](Exchange& ex) {
                auto result = domain::list_users(s.accounts, ex.who(), ex.param("organisation_id"));
                return answer_list(result, ex, write_user);
              }});

  router.add({http::verb::patch, "/v1/users/{user_id}", "updateUser", managers,
              "user-update.request", [&s](Exchange& ex) {
                auto result = domain::set_user_active(s.accounts, ex.who(), ex.param("user_id"),
                                                      ex.body["active"].GetBool());
                return answer(result, ex, 200, write_user);
              }});

  router.add({http::verb::post, "/v1/users/{user_id}/password-reset", "resetPassword", managers, "",
              [&s](Exchange& ex) {
                auto result = domain::reset_password(s.accounts, ex.who(), ex.param("user_id"));
                return answer(result, ex, 200, [](JsonWriter& w, const domain::PasswordReset& r) {
                  w.StartObject();
                  write_field(w, "one_time_password", r.one_time_password);
                  w.Key("user");
                  write_user(w, r.user);
                  w.EndObject();
                });
              }});
}

}  // namespace tarjotin::server
