#pragma once
// What the domain needs from the outside world. storage/ and crypto/ implement these; the
// domain never learns whether it runs on SQLite, PostgreSQL or an in-memory test double.

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "domain/identity.hpp"
#include "domain/result.hpp"
#include "domain/sign_in_throttle.hpp"
#include "domain/time.hpp"

namespace tarjotin::domain {

// One row of the append-only audit trail. `before` and `after` are short summaries (a state
// name, a changed field), never secrets or personal data beyond ids.
struct AuditEvent {
  Timestamp at{};
  std::string actor_user_id;  // empty for the system itself (background jobs, self sign-up)
  std::string actor_organisation_id;
  std::string action;  // "<object>.<verb>", e.g. "user.created"
  std::string object_type;
  std::string object_id;
  std::string before;
  std::string after;
};

// An event done by `actor`, or by the system itself (background jobs, bootstrap) when null.
inline AuditEvent audit_event(Timestamp at, const Actor* actor, std::string action,
                              std::string object_type, std::string object_id, std::string before,
                              std::string after) {
  return AuditEvent{at,
                    actor ? actor->user_id : std::string(),
                    actor ? actor->organisation_id : std::string(),
                    std::move(action),
                    std::move(object_type),
                    std::move(object_id),
                    std::move(before),
                    std::move(after)};
}

struct SessionRecord {
  std::string token_hash;  // only the hash of the bearer token is ever stored
  std::string user_id;
  Timestamp created_at{};
  Timestamp expires_at{};
  std::optional<Timestamp> revoked_at;
};

class OrganisationRepository {
 public:
  virtual ~OrganisationRepository() = default;
  virtual void add(const Organisation& organisation) = 0;
  virtual std::optional<Organisation> find(const std::string& id) = 0;
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

// Counters of failed sign-ins (domain/sign_in_throttle.hpp), by the hash of what is counted.
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

// An event as the trail holds it: its place in the chain with it.
struct RecordedEvent {
  long long seq = 0;
  AuditEvent event;
};

class AuditTrail {
 public:
  virtual ~AuditTrail() = default;
  virtual void append(const AuditEvent& event) = 0;
  // At most `limit` events after `seq`, in chain order. The chain's order is commit order
  // (every writer holds its head until it commits), so a reader who goes on from the last
  // event it saw never misses one committed later.
  virtual std::vector<RecordedEvent> after(long long seq, std::size_t limit) = 0;
};

class DpsRepository;
class CategoryRepository;
class ApplicationRepository;
class AdmissionRepository;
class MessageRepository;
class AttachmentRepository;
class DocumentStore;
class ReconfirmationRepository;
class OfferingRepository;
class CustomerRepository;
class ChoiceSetRepository;
class OrderRepository;
class CompetitionRepository;
class NotificationRepository;

// The repositories as seen inside one database transaction.
class Transaction {
 public:
  virtual ~Transaction() = default;
  virtual OrganisationRepository& organisations() = 0;
  virtual UserRepository& users() = 0;
  virtual SessionRepository& sessions() = 0;
  virtual SignInFailureRepository& sign_in_failures() = 0;
  virtual AuditTrail& audit() = 0;
  virtual DpsRepository& dpss() = 0;
  virtual CategoryRepository& categories() = 0;
  virtual ApplicationRepository& applications() = 0;
  virtual AdmissionRepository& admissions() = 0;
  virtual MessageRepository& messages() = 0;
  virtual AttachmentRepository& attachments() = 0;
  virtual DocumentStore& documents() = 0;
  virtual ReconfirmationRepository& reconfirmations() = 0;
  virtual OfferingRepository& offerings() = 0;
  virtual CustomerRepository& customers() = 0;
  virtual ChoiceSetRepository& choice_sets() = 0;
  virtual OrderRepository& orders() = 0;
  virtual CompetitionRepository& competitions() = 0;
  virtual NotificationRepository& notifications() = 0;
};

enum class Access { read, write };

// The database cannot serve this now: its disk is full, it does not answer, it reported an I/O
// error. Unlike other failures it is expected to pass: the request may be sent again (a write
// whose commit was cut off has an unknown outcome, which an Idempotency-Key resolves).
class StorageUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Database {
 public:
  virtual ~Database() = default;
  // Runs `work` in one transaction and commits it when `work` returns true, rolls it back when
  // it returns false or throws. An implementation may run `work` again after a transient
  // conflict, so `work` must have no effects outside the transaction.
  virtual void run(Access access, const std::function<bool(Transaction&)>& work) = 0;
};

// A use case's transaction: committed when the result is a value, rolled back on an Error, so a
// refused request changes nothing.
template <class T, class Work>
Result<T> transact(Database& db, Access access, Work&& work) {
  std::optional<Result<T>> outcome;
  db.run(access, [&](Transaction& tx) {
    outcome.emplace(work(tx));
    return outcome->ok();
  });
  return std::move(*outcome);
}

class PasswordHasher {
 public:
  virtual ~PasswordHasher() = default;
  virtual std::string hash(std::string_view password) const = 0;
  // An empty or malformed `encoded` still costs one full derivation before answering false, so
  // signing in as an unknown user takes as long as a wrong password for a known one.
  virtual bool verify(std::string_view password, std::string_view encoded) const = 0;
};

struct IssuedToken {
  std::string token;  // handed to the client once
  std::string hash;   // what storage keeps
};

class Secrets {
 public:
  virtual ~Secrets() = default;
  virtual std::string new_id() = 0;  // unguessable object id (UUID v4)
  virtual IssuedToken new_token() = 0;
  virtual std::string hash_token(std::string_view token) const = 0;
  virtual std::uint64_t new_seed() = 0;  // unpredictable, for shuffles nobody may steer
};

}  // namespace tarjotin::domain
