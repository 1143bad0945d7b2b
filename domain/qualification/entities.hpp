#pragma once
// The DPS, its categories and criteria, providers' applications, and admissions: the part of a
// dynamic purchasing system that keeps it open to every provider that qualifies, at any time.

#include <chrono>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.hpp"
#include "domain/state_machine.hpp"
#include "domain/time.hpp"

namespace tarjotin::domain {

// ---- DPS ------------------------------------------------------------------------------------

enum class DpsState { draft, open, suspended, closed };
enum class DpsAct { edit, publish, suspend, resume, close };

struct Dps {
  std::string id;
  std::string authority_id;  // the contracting authority that owns it
  std::string title;
  std::string description;
  std::string notice_reference;  // e.g. the HILMA / TED notice number
  Date valid_from{};
  Date valid_until{};  // inclusive
  DpsState state = DpsState::draft;
  Timestamp created_at{};
  Timestamp updated_at{};
};

std::span<const Transition<DpsState, DpsAct>> dps_transitions();
std::string_view to_string(DpsState s);
std::string_view to_string(DpsAct a);
std::optional<DpsAct> parse_dps_act(std::string_view text);

// A DPS takes applications and orders only while open and within its validity (Helsinki dates).
bool dps_is_in_force(const Dps& dps, Date today);

// ---- Category -------------------------------------------------------------------------------

enum class AwardMethod { customer_choice, mini_competition };
enum class CategoryState { draft, open, closed };
enum class CategoryAct { edit, open, close };

struct LocalisedText {
  std::string fi, sv, en;
  bool operator==(const LocalisedText&) const = default;
};

struct PriceModel {
  std::string unit = "service";                          // what one unit price buys
  std::optional<long long> unit_price_ceiling_cents;     // none: no ceiling
  std::map<std::string, long long> outcome_bonus_cents;  // outcome type -> bonus
};

struct Category {
  std::string id;
  std::string dps_id;
  LocalisedText name;
  std::string description;
  std::vector<std::string> characteristics;
  std::vector<std::string> regions;    // municipality / area codes, e.g. "297" (Kuopio)
  std::vector<std::string> languages;  // ISO 639-1, e.g. "fi", "sv", "en"
  PriceModel price;
  AwardMethod award_method = AwardMethod::customer_choice;
  CategoryState state = CategoryState::draft;
  int criteria_version = 1;
  Timestamp created_at{};
  Timestamp updated_at{};
};

std::span<const Transition<CategoryState, CategoryAct>> category_transitions();
std::string_view to_string(CategoryState s);
std::string_view to_string(AwardMethod m);
std::optional<AwardMethod> parse_award_method(std::string_view text);
std::optional<CategoryAct> parse_category_act(std::string_view text);

// ---- Criteria -------------------------------------------------------------------------------

enum class CriterionType {
  yes_no,            // qualifies when answered yes
  number_at_least,   // qualifies when the number >= threshold
  date_within_days,  // qualifies when the date is at most max_age_days before the evaluation day
  text,              // free text; always for the officer to judge
  attachment,        // a document must be attached; the officer judges its content
};
enum class CriterionKind { exclusion_ground, selection };

struct Criterion {
  std::string key;  // stable within the category, e.g. "tax-certificate"
  std::string question;
  CriterionType type = CriterionType::yes_no;
  CriterionKind kind = CriterionKind::selection;
  double threshold = 0;  // number_at_least
  int max_age_days = 0;  // date_within_days
  bool attachment_required = false;
};

struct Answer {
  std::string key;
  std::optional<bool> yes;
  std::optional<double> number;
  std::optional<Date> date;
  std::string text;
  std::string attachment_id;
};

// What the domain can tell automatically. The decision stays the officer's.
enum class Verdict { meets, fails, missing, officer_judges };

struct Evaluation {
  std::string key;
  Verdict verdict = Verdict::missing;
  std::string reason;
};

std::string_view to_string(CriterionType t);
std::string_view to_string(CriterionKind k);
std::string_view to_string(Verdict v);
std::optional<CriterionType> parse_criterion_type(std::string_view text);
std::optional<CriterionKind> parse_criterion_kind(std::string_view text);

// One evaluation per criterion, in the criteria's order; answers to unknown keys are ignored.
std::vector<Evaluation> evaluate(std::span<const Criterion> criteria,
                                 std::span<const Answer> answers, Date today);

// Checks a criteria set for an officer's mistakes (duplicate keys, thresholds that make no
// sense); field pointers are "/criteria/<index>/<field>".
Status validate_criteria(std::span<const Criterion> criteria);

// ---- Application ----------------------------------------------------------------------------

enum class ApplicationState {
  draft,
  submitted,
  clarification_requested,
  admitted,
  rejected,
  withdrawn,
};
enum class ApplicationAct {
  edit,
  submit,
  request_clarification,
  answer_clarification,
  admit,
  reject,
  withdraw,
  extend_deadline,
};

struct Application {
  std::string id;
  std::string provider_id;
  std::string category_id;
  int criteria_version = 1;
  ApplicationState state = ApplicationState::draft;
  std::vector<Answer> answers;
  std::optional<Timestamp> received_at;  // exact time of receipt
  std::optional<Date> decision_due;      // the last day of the legal time limit
  std::string extension_reason;          // non-empty once extended to 15 working days
  std::string decision_reason;
  std::optional<Timestamp> decided_at;
  Timestamp created_at{};
  Timestamp updated_at{};
};

std::span<const Transition<ApplicationState, ApplicationAct>> application_transitions();
std::string_view to_string(ApplicationState s);
std::string_view to_string(ApplicationAct a);
// Submitted or awaiting clarification: the authority still owes a decision.
bool awaits_decision(ApplicationState s);

// ---- Admission ------------------------------------------------------------------------------

enum class AdmissionState { admitted, suspended, excluded };
enum class AdmissionAct { suspend, reinstate, exclude };

struct Admission {
  std::string provider_id;
  std::string category_id;
  std::string application_id;
  AdmissionState state = AdmissionState::admitted;
  Timestamp admitted_at{};
  std::string reason;  // of the latest suspension or exclusion
  Timestamp updated_at{};
};

std::span<const Transition<AdmissionState, AdmissionAct>> admission_transitions();
std::string_view to_string(AdmissionState s);
std::optional<AdmissionAct> parse_admission_act(std::string_view text);
std::optional<AdmissionState> parse_admission_state(std::string_view text);

// ---- Messages -------------------------------------------------------------------------------

struct Message {
  std::string id;
  std::string application_id;
  std::string author_user_id;
  std::string author_organisation_id;
  std::string body;
  Timestamp sent_at{};
};

}  // namespace tarjotin::domain
