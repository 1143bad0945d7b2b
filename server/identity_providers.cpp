#include "server/identity_providers.hpp"

#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include "server/json.hpp"
#include "server/https_fetch.hpp"

namespace tarjotin::server {
namespace {

std::string file_text(const std::string& path, const std::string& what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::invalid_argument("cannot read " + what + " " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Ids go into URLs of ours as they are.
bool plausible_id(const std::string& id) {
  if (id.empty() || id.size() > 40) return false;
  for (const char c : id)
    if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '-') return false;
  return true;
}

}  // namespace

std::vector<IdentityProviderConfig> load_identity_providers(const std::string& path) {
  rapidjson::Document doc;
  if (const auto error = parse_json(file_text(path, "the OIDC issuers file"), doc))
    throw std::invalid_argument(path + ": " + error->detail);
  if (!doc.IsObject() || !doc.HasMember("issuers") || !doc["issuers"].IsArray())
    throw std::invalid_argument(path + ": expected {\"issuers\": [...]}");
  std::vector<IdentityProviderConfig> out;
  std::set<std::string> ids;
  for (const auto& entry : doc["issuers"].GetArray()) {
    const auto text = [&](const char* key, bool required) -> std::string {
      const auto value = string_member(entry, key);
      if (required && (!value || value->empty()))
        throw std::invalid_argument(path + ": an issuer without \"" + key + "\"");
      return value.value_or("");
    };
    const auto wrong = [&](const std::string& what) {
      return std::invalid_argument(path + ": " + what);
    };
    IdentityProviderConfig p;
    crypto::OidcIssuer& issuer = p.tokens;
    issuer.issuer = text("issuer", true);
    p.client_id = text("client_id", false);
    issuer.audience = text("audience", p.client_id.empty());
    if (issuer.audience.empty()) issuer.audience = p.client_id;
    issuer.organisation_id = text("organisation_id", true);
    p.id = text("id", false);
    if (p.id.empty()) p.id = std::to_string(out.size() + 1);
    if (!plausible_id(p.id)) throw wrong("the id \"" + p.id + "\" is not 1-40 of a-z, 0-9 and -");
    if (!ids.insert(p.id).second) throw wrong("two issuers have the id \"" + p.id + "\"");
    p.display_name = text("display_name", false);
    if (p.display_name.empty()) p.display_name = issuer.issuer;
    p.discovery = text("discovery", false);
    p.ca_file = text("ca_file", false);
    const std::string jwks_file = text("jwks_file", false);
    if (p.discovery.empty() == jwks_file.empty())
      throw wrong(issuer.issuer + " needs either \"discovery\" or \"jwks_file\", not both");
    if (!p.discovery.empty() && !parse_https_url(p.discovery))
      throw wrong(issuer.issuer + ": \"discovery\" must be an https URL");
    if (!jwks_file.empty()) issuer.jwks = file_text(jwks_file, "the key set of " + issuer.issuer);
    p.authorization_endpoint = text("authorization_endpoint", false);
    p.token_endpoint = text("token_endpoint", false);
    if (!p.discovery.empty() && (!p.authorization_endpoint.empty() || !p.token_endpoint.empty()))
      throw wrong(issuer.issuer + ": the endpoints come from \"discovery\"");
    for (const auto* endpoint : {&p.authorization_endpoint, &p.token_endpoint})
      if (!endpoint->empty() && !parse_https_url(*endpoint))
        throw wrong(issuer.issuer + ": an endpoint must be an https URL");
    if (p.authorization_endpoint.empty() != p.token_endpoint.empty())
      throw wrong(issuer.issuer + ": give both \"authorization_endpoint\" and \"token_endpoint\"");
    if (const auto secret_file = text("client_secret_file", false); !secret_file.empty()) {
      p.client_secret = file_text(secret_file, "the client secret of " + issuer.issuer);
      while (!p.client_secret.empty() &&
             (p.client_secret.back() == '\n' || p.client_secret.back() == '\r'))
        p.client_secret.pop_back();
      if (p.client_secret.empty()) throw wrong(secret_file + " holds no client secret");
    }
    if (const auto claim = text("subject_claim", false); !claim.empty())
      issuer.subject_claim = claim;
    if (const auto role = text("provision_role", false); !role.empty()) {
      issuer.provision_role = domain::parse_role(role);
      if (!issuer.provision_role) throw wrong("\"" + role + "\" is not a role");
    }
    if (entry.IsObject() && entry.HasMember("clock_skew_seconds")) {
      const auto& skew = entry["clock_skew_seconds"];
      if (!skew.IsInt() || skew.GetInt() < 0 || skew.GetInt() > 600)
        throw wrong("clock_skew_seconds must be 0 to 600");
      issuer.clock_skew = std::chrono::seconds{skew.GetInt()};
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace tarjotin::server
