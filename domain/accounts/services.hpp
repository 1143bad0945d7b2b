#pragma once
// What the accounts use cases run with.
#include <chrono>
#include "domain/accounts/federated_identity.hpp"
#include "domain/accounts/ports.hpp"
#include "domain/ports.hpp"

namespace tarjotin::domain {

struct AccountServices {
  Database& db;
  const Clock& clock;
  const PasswordHasher& passwords;
  Secrets& secrets;
  std::chrono::seconds session_lifetime{std::chrono::hours{12}};
  // Set when identity providers are configured: their tokens are accepted as bearer tokens.
  const IdentityTokenVerifier* identity_tokens = nullptr;
};

}  // namespace tarjotin::domain
