#pragma once
// Re-confirmation: an officer asks every provider admitted to a category to confirm by a date
// that the criteria still hold; a provider that does not is suspended by a background job.
// Criteria "can be re-verified at any time" (DOMAIN.md); this is how, at scale.

#include <string>
#include <vector>

#include "domain/identity.hpp"
#include "domain/qualification/entities.hpp"
#include "domain/qualification/services.hpp"
#include "domain/result.hpp"

namespace tarjotin::domain {

struct ReconfirmationInput {
  Date due{};  // the last day to confirm
  std::string message;
};

struct ReconfirmationView {
  ReconfirmationRequest request;
  std::vector<Reconfirmation> providers;
  bool operator==(const ReconfirmationView&) const = default;
};

Result<ReconfirmationView> request_reconfirmation(QualificationServices& s, const Actor& actor,
                                                  const std::string& category_id,
                                                  ReconfirmationInput input);
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
