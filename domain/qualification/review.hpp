#pragma once
// The authority reviews applications within the legal time limit: its queue, questions to the
// applicant, one extension of the time limit with a reason, and the decision to admit or reject.

#include <string>
#include <vector>

#include "domain/identity.hpp"
#include "domain/qualification/applications.hpp"
#include "domain/qualification/services.hpp"
#include "domain/result.hpp"

namespace tarjotin::domain {

// The officer's question to the applicant.
struct ClarificationRequest {
  std::string question;
};

// Why the time limit is extended to 15 working days.
struct DeadlineExtension {
  std::string reason;
};

struct Decision {
  bool admit = false;
  std::string reason;  // required for a rejection
};

// The officer's queue: applications to a DPS that await a decision, soonest due first.
Result<std::vector<ApplicationView>> review_queue(QualificationServices& s, const Actor& actor,
                                                  const std::string& dps_id);
// The decision clock keeps running while the applicant answers.
Result<ApplicationView> request_clarification(QualificationServices& s, const Actor& actor,
                                              const std::string& application_id,
                                              const std::string& question);
Result<ApplicationView> extend_decision_deadline(QualificationServices& s, const Actor& actor,
                                                 const std::string& application_id,
                                                 const std::string& reason);
// Admitting stores the admission (admissions.hpp) in the same transaction.
Result<ApplicationView> decide_application(QualificationServices& s, const Actor& actor,
                                           const std::string& application_id, Decision decision);

// Applications whose decision is overdue, and those due within `soon` working days.
struct DeadlineCounts {
  long long overdue = 0;
  long long due_soon = 0;
};
DeadlineCounts decision_deadline_counts(QualificationServices& s, int soon = 2);

}  // namespace tarjotin::domain
