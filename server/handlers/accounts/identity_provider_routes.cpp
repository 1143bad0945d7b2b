#include "server/handlers/accounts/identity_provider_routes.hpp"

#include "crypto/crypto.hpp"
#include "domain/accounts/federated_sign_in.hpp"
#include "server/browser_session.hpp"
#include "server/handlers/accounts/json.hpp"
#include "server/handlers/accounts/sign_in_page.hpp"
#include "server/handlers/public_origin.hpp"
#include "server/handlers/reply.hpp"

namespace tarjotin::server {
namespace {

// Binds the way back to the browser that went out: the provider's redirect carries the state,
// and only the browser that started the sign-in holds it in this cookie, so a callback link
// planted in another browser signs no one in there. SameSite=Lax, because the way back is a
// navigation from the provider's site.
constexpr std::string_view kSignInCookie = "__Host-tarjotin-sign-in";

std::string sign_in_cookie_header(const std::string& state) {
  return std::string(kSignInCookie) + "=" + state +
         "; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=" +
         std::to_string(std::chrono::seconds(domain::kPendingSignInLifetime).count());
}

std::string cleared_sign_in_cookie_header() {
  return std::string(kSignInCookie) + "=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0";
}

// Where the provider sends the browser back (the provider accepts only the redirect URIs
// registered with it).
std::optional<std::string> callback_uri(const Services& s, const Request& request) {
  const auto origin = public_origin(s.public_url, request);
  if (!origin) return std::nullopt;
  return *origin + "/v1/identity-providers/callback";
}

Reply start(Services& s, const Exchange& ex) {
  const auto redirect_uri = callback_uri(s, ex.request);
  if (!redirect_uri)
    return to_reply(problem(400, "bad-host", "the request names no host to come back to"),
                    ex.request_id);
  auto started =
      domain::start_federated_sign_in(s.accounts, ex.param("identity_provider_id"), *redirect_uri,
                                      ex.query_param("lang").value_or(""));
  if (!started) return refused(started.error(), ex);
  return Reply{
      302,
      "",
      "text/plain; charset=utf-8",
      {{"Location", started->location}, {"Set-Cookie", sign_in_cookie_header(started->state)}}};
}

// The provider's redirect back: code and state, or its error. Every way it ends is a page
// (sign_in_page.hpp); a refusal is logged with why, never with the code or the state.
Reply finish(Services& s, const Exchange& ex) {
  const auto end = [&](SignInOutcome outcome, const std::string& language, const std::string& why) {
    s.log.warn("identity provider sign-in refused",
               {{"request_id", ex.request_id}, {"reason", why}});
    Reply page = sign_in_page(outcome, language);
    page.headers.emplace_back("Set-Cookie", cleared_sign_in_cookie_header());
    return page;
  };
  const auto state = ex.query_param("state");
  const auto bound = cookie_value(ex.request, kSignInCookie);
  if (!state || !bound || !crypto::constant_time_equal(*bound, *state))
    return end(SignInOutcome::unknown, language_of(ex.request),
               "the state is not the one this browser's sign-in started with");
  auto pending = domain::take_pending_sign_in(s.accounts, *state);
  if (!pending)
    return end(
        pending.error().code == "sign-in-expired" ? SignInOutcome::expired : SignInOutcome::unknown,
        language_of(ex.request), pending.error().detail);
  if (const auto error = ex.query_param("error")) {
    std::string code = error->substr(0, 40);
    for (char& c : code)
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') c = '?';
    return end(SignInOutcome::refused, pending->language, "the identity provider answered " + code);
  }
  auto in =
      domain::finish_federated_sign_in(s.accounts, *pending, ex.query_param("code").value_or(""));
  if (!in)
    return end(in.error().code == "identity-not-a-user" ? SignInOutcome::not_a_user
                                                        : SignInOutcome::failed,
               pending->language, in.error().detail);
  s.log.info("signed in through an identity provider",
             {{"request_id", ex.request_id},
              {"identity_provider", pending->identity_provider_id},
              {"user_id", in->user.id}});
  Reply page = sign_in_page(SignInOutcome::signed_in, pending->language);
  page.headers.emplace_back("Set-Cookie",
                            session_cookie_header(in->token, s.clock.now(), in->expires_at));
  return page;
}

}  // namespace

void add_identity_provider_routes(Router& router, Services& s) {
  router.add({http::verb::get, "/v1/identity-providers", "listIdentityProviders", Guard::open(), "",
              [&s](Exchange& ex) {
                return answer_list(domain::Result<std::vector<domain::IdentityProviderListing>>(
                                       domain::list_identity_providers(s.accounts)),
                                   ex);
              }});
  router.add({http::verb::get, "/v1/identity-providers/{identity_provider_id}/sign-in",
              "startIdentityProviderSignIn", Guard::open(), "",
              [&s](Exchange& ex) { return start(s, ex); }});
  router.add({http::verb::get, "/v1/identity-providers/callback", "finishIdentityProviderSignIn",
              Guard::open(), "", [&s](Exchange& ex) { return finish(s, ex); }});
}

}  // namespace tarjotin::server
