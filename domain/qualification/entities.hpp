#pragma once
// What qualification is made of: the DPS, its categories and criteria, providers' applications
// and the documents attached to them, admissions, messages and re-confirmations. The names of
// states and kinds are stored and sent over the API, so they are declared with their enums.
// What the capability decides about them is in rules.hpp, what it needs from storage in
// ports.hpp.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/time.hpp"

namespace tarjotin::domain {

enum class DpsState { draft, open, suspended, closed };
enum class DpsAct { edit, publish, suspend, resume, close };
constexpr int kDpsStateCount = 4;

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
  bool operator==(const Dps&) const = default;
};

std::string_view to_string(DpsState s);
std::string_view to_string(DpsAct a);
std::optional<DpsAct> parse_dps_act(std::string_view text);

enum class AwardMethod { customer_choice, mini_competition };
enum class CategoryState { draft, open, closed };
enum class CategoryAct { edit, open, close };
constexpr int kAwardMethodCount = 2;
constexpr int kCategoryStateCount = 3;

struct LocalisedText {
  std::string fi, sv, en;
  bool operator==(const LocalisedText&) const = default;
};

struct PriceModel {
  std::string unit = "service";                          // what one unit price buys
  std::optional<long long> unit_price_ceiling_cents;     // none: no ceiling
  std::map<std::string, long long> outcome_bonus_cents;  // outcome type -> bonus
  bool operator==(const PriceModel&) const = default;
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
  bool operator==(const Category&) const = default;
};

std::string_view to_string(CategoryState s);
std::string_view to_string(CategoryAct a);
std::string_view to_string(AwardMethod m);
std::optional<AwardMethod> parse_award_method(std::string_view text);
std::optional<CategoryAct> parse_category_act(std::string_view text);

enum class CriterionType {
  yes_no,            // qualifies when answered yes
  number_at_least,   // qualifies when the number >= threshold
  date_within_days,  // qualifies when the date is at most max_age_days before the evaluation day
  text,              // free text; always for the officer to judge
  attachment,        // a document must be attached; the officer judges its content
};
enum class CriterionKind { exclusion_ground, selection };
constexpr int kCriterionTypeCount = 5;
constexpr int kCriterionKindCount = 2;

struct Criterion {
  std::string key;  // stable within the category, e.g. "tax-certificate"
  std::string question;
  CriterionType type = CriterionType::yes_no;
  CriterionKind kind = CriterionKind::selection;
  double threshold = 0;  // number_at_least
  int max_age_days = 0;  // date_within_days
  bool attachment_required = false;
  bool operator==(const Criterion&) const = default;
};

struct Answer {
  std::string key;
  std::optional<bool> yes;
  std::optional<double> number;
  std::optional<Date> date;
  std::string text;
  std::string attachment_id;
  bool operator==(const Answer&) const = default;
};

// What the domain can tell automatically. The decision stays the officer's.
enum class Verdict { meets, fails, missing, officer_judges };

struct Evaluation {
  std::string key;
  Verdict verdict = Verdict::missing;
  std::string reason;
  bool operator==(const Evaluation&) const = default;
};

std::string_view to_string(CriterionType t);
std::string_view to_string(CriterionKind k);
std::string_view to_string(Verdict v);
std::optional<CriterionType> parse_criterion_type(std::string_view text);
std::optional<CriterionKind> parse_criterion_kind(std::string_view text);

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
constexpr int kApplicationStateCount = 6;

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
  bool operator==(const Application&) const = default;
};

std::string_view to_string(ApplicationState s);
std::string_view to_string(ApplicationAct a);

// Documents a provider attaches to an application (tax certificates, insurance policies, staff
// qualifications). Their bytes are kept by SHA-256 in a DocumentStore, in the same transaction
// as the record of who attached what, when, to which application.
enum class MediaType { pdf, png, jpeg };

struct Attachment {
  std::string id;
  std::string application_id;
  std::string provider_id;
  std::string filename;
  MediaType media_type = MediaType::pdf;
  long long size_bytes = 0;
  std::string sha256;
  std::string uploaded_by;
  Timestamp uploaded_at{};
  bool operator==(const Attachment&) const = default;
};

std::string_view to_string(MediaType t);  // "application/pdf", ...
// The media type a Content-Type header names, whatever its letter case and parameters.
std::optional<MediaType> parse_media_type(std::string_view content_type);

enum class AdmissionState { admitted, suspended, excluded };
enum class AdmissionAct { suspend, reinstate, exclude };
constexpr int kAdmissionStateCount = 3;

struct Admission {
  std::string provider_id;
  std::string category_id;
  std::string application_id;
  AdmissionState state = AdmissionState::admitted;
  Timestamp admitted_at{};
  std::string reason;  // of the latest suspension or exclusion
  Timestamp updated_at{};
  bool operator==(const Admission&) const = default;
};

std::string_view to_string(AdmissionState s);
std::string_view to_string(AdmissionAct a);
std::optional<AdmissionAct> parse_admission_act(std::string_view text);
std::optional<AdmissionState> parse_admission_state(std::string_view text);

struct Message {
  std::string id;
  std::string application_id;
  std::string author_user_id;
  std::string author_organisation_id;
  std::string body;
  Timestamp sent_at{};
  bool operator==(const Message&) const = default;
};

// Re-confirmation: an officer asks every provider admitted to a category to confirm by a date
// that the criteria still hold; a provider that does not is suspended by a background job.
enum class ReconfirmationState { pending, confirmed, lapsed };
constexpr int kReconfirmationStateCount = 3;

struct ReconfirmationRequest {
  std::string id;
  std::string category_id;
  int criteria_version = 1;
  Date due{};  // the last day to confirm (Helsinki date)
  std::string message;
  std::string requested_by;
  Timestamp requested_at{};
  bool operator==(const ReconfirmationRequest&) const = default;
};

struct Reconfirmation {
  std::string request_id;
  std::string provider_id;
  ReconfirmationState state = ReconfirmationState::pending;
  std::optional<Timestamp> answered_at;  // confirmed, or lapsed by the job
  bool operator==(const Reconfirmation&) const = default;
};

std::string_view to_string(ReconfirmationState s);

}  // namespace tarjotin::domain
