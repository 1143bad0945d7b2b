#pragma once
// What the accounts use cases need from storage and crypto: organisations, users, sessions,
// failed sign-in counters, and password hashing.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/accounts/sign_in_throttle.hpp"
#include "domain/identity.hpp"
#include "domain/time.hpp"

namespace tarjotin::domain {

struct SessionRecord {
  std::string token_hash;  // only the hash of the bearer token is ever stored
  std::string user_id;
  Timestamp created_at{};
  Timestamp expires_at{};
  std::optional<Timestamp> revoked_at;
  bool operator==(const SessionRecord&) const = default;
};

class OrganisationRepository {
 public:
  virtual ~OrganisationRepository() = default;
  virtual void add(const Organisation& organisation) = 0;
  virtual std::optional<Organisation> find(const std::string& id) = 0;
  // Those of `ids` that exist, in no particular order: one read for a list's many names.
  virtual std::vector<Organisation> find_many(const std::vector<std::string>& ids) = 0;
  virtual std::optional<Organisation> find_by_business_id(const std::string& country,
                                                          const std::string& business_id) = 0;
};

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  virtual void add(const User& user) = 0;
  virtual std::optional<User> find(const std::string& id) = 0;
  virtual std::optional<User> find_by_email(const std::string& email) = 0;
  virtual std::vector<User> list_for_organisation(const std::string& organisation_id) = 0;
  virtual void set_active(const std::string& id, bool active) = 0;
  virtual void set_password(const std::string& id, const std::string& hash,
                            bool change_required) = 0;
  // Whether any administrator exists: an installation is initialised once.
  virtual bool any_administrator() = 0;
};

class SessionRepository {
 public:
  virtual ~SessionRepository() = default;
  virtual void add(const SessionRecord& session) = 0;
  virtual std::optional<SessionRecord> find(const std::string& token_hash) = 0;
  virtual void revoke(const std::string& token_hash, Timestamp at) = 0;
  virtual void revoke_all_for_user(const std::string& user_id, Timestamp at) = 0;
  // Every session of the user but the one whose token hashes to `keep`.
  virtual void revoke_others_of_user(const std::string& user_id, const std::string& keep,
                                     Timestamp at) = 0;
  // Removes the sessions that expired or were revoked at or before `now`; returns how many.
  virtual long long purge_ended(Timestamp now) = 0;
};

// Counters of failed sign-ins (domain/accounts/sign_in_throttle.hpp), by the hash of what is
// counted.
class SignInFailureRepository {
 public:
  virtual ~SignInFailureRepository() = default;
  virtual FailureCount find(const std::string& key_hash) = 0;  // zero failures when none
  // One more failure at `at`; a counter whose last failure was at or before `forget_before` starts
  // again from one.
  virtual void record(const std::string& key_hash, Timestamp at, Timestamp forget_before) = 0;
  virtual void clear(const std::string& key_hash) = 0;
  // Removes the counters whose last failure was at or before `forget_before`; returns how many.
  virtual long long purge_forgotten(Timestamp forget_before) = 0;
};

class PasswordHasher {
 public:
  virtual ~PasswordHasher() = default;
  virtual std::string hash(std::string_view password) const = 0;
  // An empty or malformed `encoded` still costs one full derivation before answering false, so
  // signing in as an unknown user takes as long as a wrong password for a known one.
  virtual bool verify(std::string_view password, std::string_view encoded) const = 0;
};

}  // namespace tarjotin::domain
