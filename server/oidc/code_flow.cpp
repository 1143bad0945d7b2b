// The browser's authorization-code flow with PKCE (RFC 6749 4.1, RFC 7636, OpenID Connect Core
// 3.1): where the browser is sent, and the code it brings back exchanged for an ID token.
#include <openssl/evp.h>

#include "server/json.hpp"
#include "server/oidc/trusted_providers.hpp"

namespace tarjotin::server {
namespace {

// client_secret_basic (RFC 6749 2.3.1): the id and secret form-encoded, joined, in base64.
std::string basic_authorization(const std::string& client_id, const std::string& secret) {
  std::string pair = form_encoded({{client_id, secret}});
  pair[pair.find('=')] = ':';
  std::string out(4 * ((pair.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(pair.data()),
                                static_cast<int>(pair.size()));
  out.resize(static_cast<std::size_t>(n));
  return "Basic " + out;
}

// The token endpoint's `error` (RFC 6749 5.2) for the log: a short code of plain characters.
std::string error_code_of(const std::string& body) {
  rapidjson::Document doc;
  if (parse_json(body, doc) || !doc.IsObject()) return "";
  std::string code = string_member(doc, "error").value_or("").substr(0, 40);
  for (const char c : code)
    if (!(c >= 'a' && c <= 'z') && c != '_') return "";
  return code;
}

domain::Error refused(const std::string& why) {
  return domain::Error::unauthenticated("the identity provider did not sign this browser in: " +
                                        why);
}

}  // namespace

domain::Result<std::string> TrustedIdentityProviders::authorization_url(
    const domain::AuthorizationRequest& r) const {
  const Provider* p = browser_provider(r.identity_provider_id);
  if (!p) return domain::Error::not_found("identity provider");
  auto endpoints = this->endpoints(*p);
  if (!endpoints) return endpoints.error();
  const std::string& base = endpoints->authorization;
  if (base.empty()) return domain::Error::not_found("identity provider");
  return base + (base.find('?') == std::string::npos ? "?" : "&") +
         form_encoded({{"response_type", "code"},
                       {"client_id", p->config.client_id},
                       {"redirect_uri", r.redirect_uri},
                       {"scope", "openid email"},
                       {"state", r.state},
                       {"nonce", r.nonce},
                       {"code_challenge", crypto::pkce_challenge(r.code_verifier)},
                       {"code_challenge_method", "S256"}});
}

domain::Result<domain::FederatedIdentity> TrustedIdentityProviders::redeem(
    const domain::CodeRedemption& r, domain::Timestamp now) const {
  const Provider* p = browser_provider(r.identity_provider_id);
  if (!p) return domain::Error::not_found("identity provider");
  auto endpoints = this->endpoints(*p);
  if (!endpoints) return endpoints.error();
  if (endpoints->token.empty()) return refused("it has no token endpoint");
  std::vector<std::pair<std::string, std::string>> form{{"grant_type", "authorization_code"},
                                                        {"code", r.code},
                                                        {"redirect_uri", r.redirect_uri},
                                                        {"code_verifier", r.code_verifier}};
  // A public client names itself; a confidential one authenticates instead (one way only).
  if (p->config.client_secret.empty()) form.emplace_back("client_id", p->config.client_id);
  const auto answer =
      p->fetcher.post_form(endpoints->token, form,
                           p->config.client_secret.empty()
                               ? ""
                               : basic_authorization(p->config.client_id, p->config.client_secret));
  if (answer.status == 0) return refused("its token endpoint did not answer: " + answer.error);
  if (answer.status != 200) {
    const auto code = error_code_of(answer.body);
    return refused("its token endpoint answered HTTP " + std::to_string(answer.status) +
                   (code.empty() ? "" : " " + code));
  }
  rapidjson::Document doc;
  if (parse_json(answer.body, doc) || !doc.IsObject())
    return refused("its token endpoint did not answer JSON");
  const auto id_token = string_member(doc, "id_token");
  if (!id_token || id_token->empty()) return refused("its token endpoint answered no ID token");
  return verifier_->verify_id_token(*id_token, now,
                                    {p->config.tokens.issuer, p->config.client_id, r.nonce});
}

}  // namespace tarjotin::server
