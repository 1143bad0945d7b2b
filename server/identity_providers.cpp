#include "server/identity_providers.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "server/json.hpp"

namespace tarjotin::server {
namespace {

std::string file_text(const std::string& path, const std::string& what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::invalid_argument("cannot read " + what + " " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::vector<crypto::OidcIssuer> load_identity_providers(const std::string& path) {
  rapidjson::Document doc;
  if (const auto error = parse_json(file_text(path, "the OIDC issuers file"), doc))
    throw std::invalid_argument(path + ": " + error->detail);
  if (!doc.IsObject() || !doc.HasMember("issuers") || !doc["issuers"].IsArray())
    throw std::invalid_argument(path + ": expected {\"issuers\": [...]}");
  std::vector<crypto::OidcIssuer> out;
  for (const auto& entry : doc["issuers"].GetArray()) {
    const auto text = [&](const char* key, bool required) -> std::string {
      const auto value = string_member(entry, key);
      if (required && (!value || value->empty()))
        throw std::invalid_argument(path + ": an issuer without \"" + key + "\"");
      return value.value_or("");
    };
    crypto::OidcIssuer issuer;
    issuer.issuer = text("issuer", true);
    issuer.audience = text("audience", true);
    issuer.organisation_id = text("organisation_id", true);
    issuer.jwks = file_text(text("jwks_file", true), "the key set of " + issuer.issuer);
    if (const auto claim = text("subject_claim", false); !claim.empty())
      issuer.subject_claim = claim;
    if (const auto role = text("provision_role", false); !role.empty()) {
      issuer.provision_role = domain::parse_role(role);
      if (!issuer.provision_role)
        throw std::invalid_argument(path + ": \"" + role + "\" is not a role");
    }
    if (entry.IsObject() && entry.HasMember("clock_skew_seconds")) {
      const auto& skew = entry["clock_skew_seconds"];
      if (!skew.IsInt() || skew.GetInt() < 0 || skew.GetInt() > 600)
        throw std::invalid_argument(path + ": clock_skew_seconds must be 0 to 600");
      issuer.clock_skew = std::chrono::seconds{skew.GetInt()};
    }
    out.push_back(std::move(issuer));
  }
  return out;
}

}  // namespace tarjotin::server
