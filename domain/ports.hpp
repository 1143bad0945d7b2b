#pragma once
// What the domain needs from the outside world. storage/ and crypto/ implement these; the
// domain never learns whether it runs on SQLite, PostgreSQL or an in-memory test double. Each
// capability's own repositories are declared in its folder (domain/<capability>/ports.hpp); here
// are the transaction that reaches them all, the database that runs it, and the secrets.

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "domain/audit/trail.hpp"
#include "domain/identity.hpp"
#include "domain/result.hpp"
#include "domain/time.hpp"

namespace tarjotin::domain {

class OrganisationRepository;
class UserRepository;
class SessionRepository;
class SignInFailureRepository;
class PendingSignInRepository;
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
  virtual PendingSignInRepository& pending_sign_ins() = 0;
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
