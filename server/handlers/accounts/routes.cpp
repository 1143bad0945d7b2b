// Organisations, users and sign-in sessions over HTTP: each route one use case, its body read
// and its answer written by type (server/handlers/accounts/json.hpp).
#include "server/api.hpp"
#include "server/browser_session.hpp"
#include "server/handlers/accounts/identity_provider_routes.hpp"
#include "server/handlers/accounts/json.hpp"
#include "server/handlers/reply.hpp"

namespace tarjotin::server {

using domain::Role;

namespace {

// A refused sign-in is logged (without what was sent) before it is answered.
template <class T>
const domain::Result<T>& logged(const domain::Result<T>& result, const Services& s,
                                const Exchange& ex) {
  if (!result) s.log.warn("sign-in refused", {{"request_id", ex.request_id}});
  return result;
}

Reply no_content(const domain::Status& result, const Exchange& ex,
                 std::vector<std::pair<std::string, std::string>> headers = {}) {
  if (!result) return refused(result.error(), ex);
  return Reply{204, "", "", std::move(headers)};
}

void add_session_routes(Router& router, Services& s) {
  router.add({http::verb::post, "/v1/sessions", "signIn", Guard::open(), "session.request",
              [&s](Exchange& ex) {
                return answer_body<domain::Credentials>(ex, 201, [&](auto c) {
                  return logged(domain::sign_in(s.accounts, c.email, c.password, ex.client_address),
                                s, ex);
                });
              }});

  // The browser's sign-in: the token goes into an HttpOnly cookie and never into the answer,
  // so no script on the page can read it; the answer carries the CSRF token instead.
  router.add({http::verb::post, "/v1/browser-sessions", "signInBrowser", Guard::open(),
              "browser-session.request", [&s](Exchange& ex) {
                domain::Credentials c;
                (void)read_json(JsonBody{ex.body}, c);
                auto in = logged(
                    domain::sign_in(s.accounts, c.email, c.password, ex.client_address), s, ex);
                if (!in) return refused(in.error(), ex);
                Reply reply = answer(domain::Result<BrowserSession>(BrowserSession{
                                         csrf_token_for(in->token), in->expires_at, in->user}),
                                     ex, 201);
                reply.headers.emplace_back(
                    "Set-Cookie", session_cookie_header(in->token, s.clock.now(), in->expires_at));
                return reply;
              }});

  router.add({http::verb::get, "/v1/sessions/current", "readCurrentSession", Guard::own_session(),
              "", [&s](Exchange& ex) {
                auto org =
                    domain::read_organisation(s.accounts, ex.who(), ex.who().organisation_id);
                if (!org) return refused(org.error(), ex);
                return answer(
                    domain::Result<CurrentSession>(CurrentSession{ex.who(), *org, ex.csrf_token}),
                    ex, 200);
              }});

  router.add({http::verb::delete_, "/v1/sessions/current", "signOut", Guard::own_session(), "",
              [&s](Exchange& ex) {
                return no_content(domain::sign_out(s.accounts, ex.who()), ex,
                                  {{"Set-Cookie", cleared_session_cookie_header()}});
              }});

  router.add({http::verb::put, "/v1/sessions/current/password", "changePassword",
              Guard::own_session(), "password-change.request", [&s](Exchange& ex) {
                domain::PasswordChange c;
                (void)read_json(JsonBody{ex.body}, c);
                return no_content(domain::change_own_password(s.accounts, ex.who(),
                                                              c.current_password, c.new_password),
                                  ex);
              }});
}

void add_organisation_routes(Router& router, Services& s) {
  const Guard managers = Guard::only({Role::admin, Role::officer, Role::provider});
  router.add({http::verb::post, "/v1/provider-registrations", "registerProvider", Guard::open(),
              "provider-registration.request", [&s](Exchange& ex) {
                return answer_body<domain::ProviderRegistration>(ex, 201, [&](auto r) {
                  return domain::register_provider(s.accounts, r.organisation, r.user);
                });
              }});
  router.add({http::verb::post, "/v1/organisations", "createOrganisation",
              Guard::only({Role::admin}), "organisation.request", [&s](Exchange& ex) {
                return answer_body<domain::NewOrganisation>(ex, 201, [&](auto o) {
                  return domain::create_organisation(s.accounts, ex.who(), o);
                });
              }});
  router.add({http::verb::get, "/v1/organisations/{organisation_id}", "readOrganisation",
              Guard::signed_in(), "", [&s](Exchange& ex) {
                return answer(
                    domain::read_organisation(s.accounts, ex.who(), ex.param("organisation_id")),
                    ex, 200);
              }});
  router.add({http::verb::post, "/v1/organisations/{organisation_id}/users", "createUser", managers,
              "user.request", [&s](Exchange& ex) {
                return answer_body<domain::NewUser>(ex, 201, [&](auto u) {
                  return domain::create_user(s.accounts, ex.who(), ex.param("organisation_id"), u);
                });
              }});
  router.add({http::verb::get, "/v1/organisations/{organisation_id}/users", "listUsers",
              Guard::signed_in(), "", [&s](Exchange& ex) {
                return answer_list(
                    domain::list_users(s.accounts, ex.who(), ex.param("organisation_id")), ex);
              }});
  router.add({http::verb::patch, "/v1/users/{user_id}", "updateUser", managers,
              "user-update.request", [&s](Exchange& ex) {
                return answer_body<domain::UserActivity>(ex, 200, [&](auto a) {
                  return domain::set_user_active(s.accounts, ex.who(), ex.param("user_id"),
                                                 a.active);
                });
              }});
  router.add({http::verb::post, "/v1/users/{user_id}/password-reset", "resetPassword", managers, "",
              [&s](Exchange& ex) {
                return answer(domain::reset_password(s.accounts, ex.who(), ex.param("user_id")), ex,
                              200);
              }});
}

}  // namespace

void add_account_routes(Router& router, Services& s) {
  add_organisation_routes(router, s);
  add_session_routes(router, s);
  add_identity_provider_routes(router, s);
}

}  // namespace tarjotin::server
