#pragma once
// Re-confirmation: an officer asks every provider admitted to a category to confirm by a date
// that the criteria still hold; a provider that does not is suspended by a background job.
// Criteria "can be re-verified at any time" (DOMAIN.md); this is how, at scale.

#include <optional>
#include <string>
#include <vector>

#include "domain/identity.hpp"
#include "domain/qualification/entities.hpp"
#include "domain/qualification/use_cases.hpp"
#include "domain/result.hpp"

namespace tarjotin::domain {

enum class ReconfirmationState { pending, confirmed, lapsed };
std::string_view to_string(ReconfirmationState s);

struct ReconfirmationRequest {
  std::string id;
  std::string category_id;
  int criteria_version = 1;
  Date due{};  // the last day to confirm (Helsinki date)
  std::string message;
  std::string requested_by;
  Timestamp requested_at{};
};

struct Reconfirmation {
  std::string request_id;
  std::string provider_id;
  ReconfirmationState state = ReconfirmationState::pending;
  std::optional<Timestamp> answered_at;  // confirmed, or lapsed by the job
};

class ReconfirmationRepository {
 public:
  virtual ~ReconfirmationRepository() = default;
  virtual void add_request(const ReconfirmationRequest& request) = 0;
  virtual std::optional<ReconfirmationRequest> find_request(const std::string& id) = 0;
  virtual void put(const Reconfirmation& r) = 0;  // insert or replace
  virtual std::optional<Reconfirmation> find(const std::string& request_id,
                                             const std::string& provider_id) = 0;
  virtual std::vector<Reconfirmation> list_for_request(const std::string& request_id) = 0;
  virtual std::vector<Reconfirmation> list_pending_for_provider(const std::string& provider_id) = 0;
  // Pending re-confirmations whose request was due before `day`.
  virtual std::vector<Reconfirmation> list_lapsing(Date day, std::size_t limit) = 0;
};

struct ReconfirmationView {
  ReconfirmationRequest request;
  std::vector<Reconfirmation> providers;
};

Result<ReconfirmationView> request_reconfirmation(QualificationServices& s, const Actor& actor,
                                                  const std::string& category_id, Date due,
                                                  const std::string& message);
Result<ReconfirmationView> read_reconfirmation(QualificationServices& s, const Actor& actor,
                                               const std::string& request_id);
// The provider's open requests, with their due dates.
Result<std::vector<ReconfirmationRequest>> pending_reconfirmations(QualificationServices& s,
                                                                   const Actor& actor);
Result<Reconfirmation> confirm_criteria(QualificationServices& s, const Actor& actor,
                                        const std::string& request_id);

// The background job: suspends the admission of every provider whose re-confirmation lapsed.
// Each lapse is its own write transaction that re-reads the row, and write transactions are
// totally ordered (SQLite's single writer; the audit head lock on PostgreSQL), so replicas
// running the job at the same moment suspend each provider exactly once. Returns how many
// lapsed in this run.
int lapse_overdue_reconfirmations(QualificationServices& s);

}  // namespace tarjotin::domain
