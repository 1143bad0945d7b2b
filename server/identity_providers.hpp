#pragma once
// The identity providers an installation trusts, read from the --oidc-issuers-file:
//   {"issuers": [{"issuer": "https://login.example.fi/realms/kunta",
//                 "audience": "tarjotin", "jwks_file": "/etc/tarjotin/kunta-jwks.json",
//                 "organisation_id": "...", "subject_claim": "email",
//                 "provision_role": "coach", "clock_skew_seconds": 60}]}
// `subject_claim` (default email), `provision_role` (default none: unknown users are refused)
// and `clock_skew_seconds` (default 60) may be left out. The key set is a file, as an offline
// installation has it; fetch it from the issuer's jwks_uri when keys rotate.

#include <string>
#include <vector>

#include "crypto/oidc_tokens.hpp"

namespace tarjotin::server {

// Throws std::invalid_argument naming the file and what is wrong in it.
std::vector<crypto::OidcIssuer> load_identity_providers(const std::string& path);

}  // namespace tarjotin::server
