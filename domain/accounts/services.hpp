#pragma once
// What the accounts use cases run with.
#include <chrono>
#include "domain/accounts/federated_identity.hpp"
#include "domain/accounts/ports.hpp"
#include "domain/ports.hpp"

namespace tarjotin::domain {

class IdentityProviders;

struct AccountServices {
  Database& db;
  const Clock& clock;
  const PasswordHasher& passwords;
  Secrets& secrets;
  std::chrono::seconds session_lifetime{std::chrono::hours{12}};
  // Set when identity providers are configured: their tokens are accepted as bearer tokens.
  const IdentityTokenVerifier* identity_tokens = nullptr;
  // Set when some of them take browsers through the authorization-code flow
  // (domain/accounts/federated_sign_in.hpp).
  const IdentityProviders* identity_providers = nullptr;
};

}  // namespace tarjotin::domain
