#pragma once
// Providers apply to a category at any time: an application is drafted, answered, submitted with
// the exact time of receipt, answered again when the authority asks for clarification, or
// withdrawn. The authority's side is in review.hpp.

#include <optional>
#include <string>
#include <vector>

#include "domain/identity.hpp"
#include "domain/qualification/entities.hpp"
#include "domain/qualification/services.hpp"
#include "domain/result.hpp"

namespace tarjotin::domain {

struct ApplicationView {
  Application application;
  std::vector<Evaluation> evaluations;   // against the criteria version it is judged by
  std::optional<int> working_days_left;  // until the decision is due; negative when overdue
  bool overdue = false;
  // What admitting it led to, as it is now: an admitted application's provider may since have
  // been suspended, reinstated or excluded.
  std::optional<Admission> admission;
};

// An application's answers as the provider gives them.
struct AnswersInput {
  std::vector<Answer> answers;
};

// The applicant's answer to the authority's question, with its answers changed if it says so.
struct ClarificationAnswer {
  std::string message;
  std::optional<std::vector<Answer>> answers;  // none: the answers stay as they are
};

Result<ApplicationView> start_application(QualificationServices& s, const Actor& actor,
                                          const std::string& category_id,
                                          std::vector<Answer> answers);
Result<ApplicationView> save_answers(QualificationServices& s, const Actor& actor,
                                     const std::string& application_id,
                                     std::vector<Answer> answers);
Result<ApplicationView> submit_application(QualificationServices& s, const Actor& actor,
                                           const std::string& application_id);
Result<ApplicationView> withdraw_application(QualificationServices& s, const Actor& actor,
                                             const std::string& application_id);
Result<ApplicationView> answer_clarification(QualificationServices& s, const Actor& actor,
                                             const std::string& application_id,
                                             ClarificationAnswer answer);
Result<ApplicationView> read_application(QualificationServices& s, const Actor& actor,
                                         const std::string& application_id);
// A provider's own applications.
Result<std::vector<ApplicationView>> list_own_applications(QualificationServices& s,
                                                           const Actor& actor);

}  // namespace tarjotin::domain
