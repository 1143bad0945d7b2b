#pragma once
// A browser's sign-in through an identity provider between leaving for the provider and coming
// back: what the callback needs to finish it (the nonce the ID token must carry, the PKCE code
// verifier, the redirect URI the code was issued for) under the hash of the `state` the browser
// brings back. Kept in the database, so whichever replica the callback reaches can finish it;
// it serves once and only for a few minutes.

#include <chrono>
#include <optional>
#include <string>

#include "domain/time.hpp"

namespace tarjotin::domain {

// Long enough to type a password and answer a second factor at the provider.
inline constexpr std::chrono::minutes kPendingSignInLifetime{10};

struct PendingSignIn {
  std::string state_hash;  // the state itself is only ever in the browser and the provider
  std::string identity_provider_id;
  std::string nonce;
  std::string code_verifier;
  std::string redirect_uri;
  std::string language;  // the page the browser comes back to speaks it: fi, sv or en
  Timestamp created_at{};
  Timestamp expires_at{};
  bool operator==(const PendingSignIn&) const = default;

  bool expired(Timestamp now) const { return expires_at <= now; }
};

class PendingSignInRepository {
 public:
  virtual ~PendingSignInRepository() = default;
  virtual void add(const PendingSignIn& pending) = 0;
  // The pending sign-in whose state hashes to `state_hash`, removed in the same transaction so
  // that it serves once; none when there is no such one (never made, or already taken).
  virtual std::optional<PendingSignIn> take(const std::string& state_hash) = 0;
  // Removes those that expired at or before `now`; returns how many.
  virtual long long purge_expired(Timestamp now) = 0;
};

}  // namespace tarjotin::domain
