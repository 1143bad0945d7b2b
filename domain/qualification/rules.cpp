#include "domain/qualification/entities.hpp"

#include "domain/name_table.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <string>
#include <utility>

namespace tarjotin::domain {

using namespace std::chrono;

namespace {

// ---- Names ----------------------------------------------------------------------------------

constexpr NameTable<DpsState, 4> kDpsStates{{
    {DpsState::draft, "draft"},
    {DpsState::open, "open"},
    {DpsState::suspended, "suspended"},
    {DpsState::closed, "closed"},
}};

constexpr NameTable<DpsAct, 5> kDpsActs{{
    {DpsAct::edit, "edit"},
    {DpsAct::publish, "publish"},
    {DpsAct::suspend, "suspend"},
    {DpsAct::resume, "resume"},
    {DpsAct::close, "close"},
}};

constexpr NameTable<AwardMethod, 2> kAwardMethods{{
    {AwardMethod::customer_choice, "customer_choice"},
    {AwardMethod::mini_competition, "mini_competition"},
}};

constexpr NameTable<CategoryState, 3> kCategoryStates{{
    {CategoryState::draft, "draft"},
    {CategoryState::open, "open"},
    {CategoryState::closed, "closed"},
}};

constexpr NameTable<CategoryAct, 3> kCategoryActs{{
    {CategoryAct::edit, "edit"},
    {CategoryAct::open, "open"},
    {CategoryAct::close, "close"},
}};

constexpr NameTable<CriterionType, 5> kCriterionTypes{{
    {CriterionType::yes_no, "yes_no"},
    {CriterionType::number_at_least, "number_at_least"},
    {CriterionType::date_within_days, "date_within_days"},
    {CriterionType::text, "text"},
    {CriterionType::attachment, "attachment"},
}};

constexpr NameTable<CriterionKind, 2> kCriterionKinds{{
    {CriterionKind::exclusion_ground, "exclusion_ground"},
    {CriterionKind::selection, "selection"},
}};

constexpr NameTable<Verdict, 4> kVerdicts{{
    {Verdict::meets, "meets"},
    {Verdict::fails, "fails"},
    {Verdict::missing, "missing"},
    {Verdict::officer_judges, "officer_judges"},
}};

constexpr NameTable<ApplicationState, 6> kApplicationStates{{
    {ApplicationState::draft, "draft"},
    {ApplicationState::submitted, "submitted"},
    {ApplicationState::clarification_requested, "clarification_requested"},
    {ApplicationState::admitted, "admitted"},
    {ApplicationState::rejected, "rejected"},
    {ApplicationState::withdrawn, "withdrawn"},
}};

constexpr NameTable<ApplicationAct, 8> kApplicationActs{{
    {ApplicationAct::edit, "edit"},
    {ApplicationAct::submit, "submit"},
    {ApplicationAct::request_clarification, "request_clarification"},
    {ApplicationAct::answer_clarification, "answer_clarification"},
    {ApplicationAct::admit, "admit"},
    {ApplicationAct::reject, "reject"},
    {ApplicationAct::withdraw, "withdraw"},
    {ApplicationAct::extend_deadline, "extend_deadline"},
}};

constexpr NameTable<AdmissionState, 3> kAdmissionStates{{
    {AdmissionState::admitted, "admitted"},
    {AdmissionState::suspended, "suspended"},
    {AdmissionState::excluded, "excluded"},
}};

constexpr NameTable<AdmissionAct, 3> kAdmissionActs{{
    {AdmissionAct::suspend, "suspend"},
    {AdmissionAct::reinstate, "reinstate"},
    {AdmissionAct::exclude, "exclude"},
}};

// ---- Criteria -------------------------------------------------------------------------------

// Shortest text that reads back as the same double, so a reason never shows "2.4999999".
std::string number_text(double value) {
  std::array<char, 32> buf{};
  const auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), value);
  if (ec != std::errc{}) return "?";
  return std::string(buf.data(), end);
}

const Answer* answer_for(std::span<const Answer> answers, std::string_view key) {
  const auto it =
      std::find_if(answers.begin(), answers.end(), [&](const Answer& a) { return a.key == key; });
  return it == answers.end() ? nullptr : &*it;
}

struct Judgement {
  Verdict verdict;
  std::string reason;
};

Judgement judge_answer(const Criterion& c, const Answer& a, Date today) {
  switch (c.type) {
    case CriterionType::yes_no:
      if (!a.yes) return {Verdict::missing, "not answered"};
      return *a.yes ? Judgement{Verdict::meets, "answered yes"}
                    : Judgement{Verdict::fails, "answered no"};
    case CriterionType::number_at_least: {
      if (!a.number) return {Verdict::missing, "no number given"};
      const bool enough = *a.number >= c.threshold;
      return {enough ? Verdict::meets : Verdict::fails,
              number_text(*a.number) + (enough ? " is at least" : " is below") + " the threshold " +
                  number_text(c.threshold)};
    }
    case CriterionType::date_within_days: {
      if (!a.date) return {Verdict::missing, "no date given"};
      if (*a.date > today) return {Verdict::fails, "dated in the future"};
      const auto age = (today - *a.date).count();
      const bool recent = age <= c.max_age_days;
      return {recent ? Verdict::meets : Verdict::fails,
              std::to_string(age) + " days old; the limit is " + std::to_string(c.max_age_days)};
    }
    case CriterionType::text:
      if (a.text.empty()) return {Verdict::missing, "not answered"};
      return {Verdict::officer_judges, "free text; the officer judges it"};
    case CriterionType::attachment:
      if (a.attachment_id.empty()) return {Verdict::missing, "no attachment"};
      return {Verdict::officer_judges, "attached; the officer judges its content"};
  }
  return {Verdict::missing, "unknown criterion type"};
}

Judgement judge(const Criterion& c, const Answer* a, Date today) {
  if (a == nullptr) return {Verdict::missing, "not answered"};
  Judgement j = judge_answer(c, *a, today);
  // A required document is part of the evidence: without it the answer cannot count yet. A
  // definite failure stays a failure, because attaching a document would not change it.
  if (c.attachment_required && a->attachment_id.empty() && j.verdict != Verdict::fails)
    return {Verdict::missing, "attachment required"};
  return j;
}

constexpr std::size_t kMaxKeyLength = 64;
constexpr int kMaxAgeDaysLimit = 3650;  // ten years; beyond that a "recent" document means nothing

bool is_valid_key(std::string_view key) {
  if (key.empty() || key.size() > kMaxKeyLength) return false;
  return std::all_of(key.begin(), key.end(), [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-';
  });
}

std::string field_pointer(std::size_t index, std::string_view field) {
  return "/criteria/" + std::to_string(index) + "/" + std::string(field);
}

}  // namespace

// ---- Transitions ----------------------------------------------------------------------------

std::span<const Transition<DpsState, DpsAct>> dps_transitions() {
  using S = DpsState;
  using A = DpsAct;
  static constexpr std::array<Transition<S, A>, 6> kTable{{
      {S::draft, A::edit, S::draft},
      {S::draft, A::publish, S::open},
      {S::open, A::suspend, S::suspended},
      {S::suspended, A::resume, S::open},
      {S::open, A::close, S::closed},
      {S::suspended, A::close, S::closed},
  }};
  return kTable;
}

std::span<const Transition<CategoryState, CategoryAct>> category_transitions() {
  using S = CategoryState;
  using A = CategoryAct;
  static constexpr std::array<Transition<S, A>, 3> kTable{{
      {S::draft, A::edit, S::draft},
      {S::draft, A::open, S::open},
      {S::open, A::close, S::closed},
  }};
  return kTable;
}

std::span<const Transition<ApplicationState, ApplicationAct>> application_transitions() {
  using S = ApplicationState;
  using A = ApplicationAct;
  // Extending the deadline keeps the state: it only moves decision_due (10 -> 15 working days).
  static constexpr std::array<Transition<S, A>, 13> kTable{{
      {S::draft, A::edit, S::draft},
      {S::draft, A::submit, S::submitted},
      {S::draft, A::withdraw, S::withdrawn},
      {S::submitted, A::request_clarification, S::clarification_requested},
      {S::clarification_requested, A::answer_clarification, S::submitted},
      {S::submitted, A::admit, S::admitted},
      {S::submitted, A::reject, S::rejected},
      {S::clarification_requested, A::admit, S::admitted},
      {S::clarification_requested, A::reject, S::rejected},
      {S::submitted, A::extend_deadline, S::submitted},
      {S::clarification_requested, A::extend_deadline, S::clarification_requested},
      {S::submitted, A::withdraw, S::withdrawn},
      {S::clarification_requested, A::withdraw, S::withdrawn},
  }};
  return kTable;
}

std::span<const Transition<AdmissionState, AdmissionAct>> admission_transitions() {
  using S = AdmissionState;
  using A = AdmissionAct;
  static constexpr std::array<Transition<S, A>, 4> kTable{{
      {S::admitted, A::suspend, S::suspended},
      {S::suspended, A::reinstate, S::admitted},
      {S::admitted, A::exclude, S::excluded},
      {S::suspended, A::exclude, S::excluded},
  }};
  return kTable;
}

// ---- Names ----------------------------------------------------------------------------------

std::string_view to_string(DpsState s) { return name_in(kDpsStates, s); }
std::string_view to_string(DpsAct a) { return name_in(kDpsActs, a); }
std::optional<DpsAct> parse_dps_act(std::string_view text) {
  return key_in<DpsAct>(kDpsActs, text);
}

std::string_view to_string(CategoryState s) { return name_in(kCategoryStates, s); }
std::string_view to_string(AwardMethod m) { return name_in(kAwardMethods, m); }
std::optional<AwardMethod> parse_award_method(std::string_view text) {
  return key_in<AwardMethod>(kAwardMethods, text);
}
std::optional<CategoryAct> parse_category_act(std::string_view text) {
  return key_in<CategoryAct>(kCategoryActs, text);
}

std::string_view to_string(CriterionType t) { return name_in(kCriterionTypes, t); }
std::string_view to_string(CriterionKind k) { return name_in(kCriterionKinds, k); }
std::string_view to_string(Verdict v) { return name_in(kVerdicts, v); }
std::optional<CriterionType> parse_criterion_type(std::string_view text) {
  return key_in<CriterionType>(kCriterionTypes, text);
}
std::optional<CriterionKind> parse_criterion_kind(std::string_view text) {
  return key_in<CriterionKind>(kCriterionKinds, text);
}

std::string_view to_string(ApplicationState s) { return name_in(kApplicationStates, s); }
std::string_view to_string(ApplicationAct a) { return name_in(kApplicationActs, a); }

std::string_view to_string(AdmissionState s) { return name_in(kAdmissionStates, s); }
std::optional<AdmissionAct> parse_admission_act(std::string_view text) {
  return key_in<AdmissionAct>(kAdmissionActs, text);
}

std::optional<AdmissionState> parse_admission_state(std::string_view text) {
  return key_in<AdmissionState>(kAdmissionStates, text);
}

// ---- Rules ----------------------------------------------------------------------------------

bool dps_is_in_force(const Dps& dps, Date today) {
  return dps.state == DpsState::open && dps.valid_from <= today && today <= dps.valid_until;
}

bool awaits_decision(ApplicationState s) {
  return s == ApplicationState::submitted || s == ApplicationState::clarification_requested;
}

std::vector<Evaluation> evaluate(std::span<const Criterion> criteria,
                                 std::span<const Answer> answers, Date today) {
  std::vector<Evaluation> out;
  out.reserve(criteria.size());
  for (const Criterion& c : criteria) {
    Judgement j = judge(c, answer_for(answers, c.key), today);
    out.push_back(Evaluation{c.key, j.verdict, std::move(j.reason)});
  }
  return out;
}

Status validate_criteria(std::span<const Criterion> criteria) {
  if (criteria.empty())
    return Error::invalid("/criteria", "minItems", "A category needs at least one criterion.");
  for (std::size_t i = 0; i < criteria.size(); ++i) {
    const Criterion& c = criteria[i];
    if (!is_valid_key(c.key))
      return Error::invalid(field_pointer(i, "key"), "pattern",
                            "A key is 1 to 64 characters of a-z, 0-9 and '-'.");
    const auto earlier = criteria.first(i);
    if (std::any_of(earlier.begin(), earlier.end(),
                    [&](const Criterion& other) { return other.key == c.key; }))
      return Error::invalid(field_pointer(i, "key"), "unique",
                            "The key \"" + c.key + "\" is already used by another criterion.");
    if (c.question.empty())
      return Error::invalid(field_pointer(i, "question"), "required",
                            "Every criterion needs a question.");
    if (c.type == CriterionType::number_at_least &&
        !(std::isfinite(c.threshold) && c.threshold >= 0))
      return Error::invalid(field_pointer(i, "threshold"), "minimum",
                            "The threshold must be a finite number of at least 0.");
    if (c.type == CriterionType::date_within_days &&
        (c.max_age_days < 1 || c.max_age_days > kMaxAgeDaysLimit))
      return Error::invalid(field_pointer(i, "max_age_days"), "range",
                            "The maximum age must be between 1 and 3650 days.");
  }
  return Done{};
}

}  // namespace tarjotin::domain
