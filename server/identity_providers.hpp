#pragma once
// The identity providers an installation trusts, read from the --oidc-issuers-file:
//   {"issuers": [{"id": "kuopio", "display_name": "Kuopion kaupunki",
//                 "issuer": "https://login.example.fi/realms/kuopio", "audience": "tarjotin",
//                 "discovery":
//                   "https://login.example.fi/realms/kuopio/.well-known/openid-configuration",
//                 "ca_file": "/etc/tarjotin/kuopio-ca.pem",
//                 "client_id": "tarjotin", "client_secret_file": "/etc/tarjotin/kuopio-secret",
//                 "organisation_id": "...", "subject_claim": "email",
//                 "provision_role": "coach", "clock_skew_seconds": 60}]}
// The keys come from the issuer's metadata (`discovery`, fetched over HTTPS and verified against
// the system's certificates or `ca_file`) or, in an offline installation, from a file
// (`jwks_file` instead of `discovery`, with `authorization_endpoint` and `token_endpoint` for
// browsers). `client_id` lets browsers sign in through the issuer (authorization code with
// PKCE); `client_secret_file` makes Tarjotin a confidential client. `audience` defaults to
// `client_id`; `id` (in URLs) to the issuer's place in the list, `display_name` (on the sign-in
// button) to the issuer; `subject_claim` to email; `provision_role` to none (unknown users are
// refused); `clock_skew_seconds` to 60.

#include <string>
#include <vector>

#include "crypto/oidc_tokens.hpp"

namespace tarjotin::server {

struct IdentityProviderConfig {
  crypto::OidcIssuer tokens;  // what its tokens must hold; the key set when it is a file
  std::string id;
  std::string display_name;
  std::string discovery;  // the metadata's URL; empty in an offline installation
  std::string ca_file;    // empty: the system's certificate store
  std::string client_id;  // empty: no browser signs in through it
  std::string client_secret;
  std::string authorization_endpoint;  // offline; else from the metadata
  std::string token_endpoint;
};

// Throws std::invalid_argument naming the file and what is wrong in it.
std::vector<IdentityProviderConfig> load_identity_providers(const std::string& path);

}  // namespace tarjotin::server
