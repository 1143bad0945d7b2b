#include "domain/qualification/rules.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <utility>

#include "domain/access.hpp"
#include "domain/input_rules.hpp"
#include "domain/qualification/dpss.hpp"

namespace tarjotin::domain {
namespace {

constexpr int kDecisionDays = 10;
constexpr int kExtendedDecisionDays = 15;  // "in duly justified cases"

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

std::string answer_pointer(std::size_t index, std::string_view field) {
  return "/answers/" + std::to_string(index) + "/" + std::string(field);
}

}  // namespace

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

Error refused_transition(std::string_view object, std::string_view state, std::string_view act) {
  return Error::conflict(
      "invalid-transition",
      std::string(object) + " in state '" + std::string(state) + "' cannot " + std::string(act));
}

bool dps_is_in_force(const Dps& dps, Date today) {
  return dps.state == DpsState::open && dps.valid_from <= today && today <= dps.valid_until;
}

Status takes_applications(const Category& category, const Dps& dps, Date today) {
  if (!dps_is_in_force(dps, today))
    return Error::conflict("dps-not-accepting", "the DPS is not open for applications now");
  if (category.state != CategoryState::open)
    return Error::conflict("category-not-open", "the category is not open for applications");
  return Done{};
}

Status check_dps(const DpsInput& in) {
  if (auto r = required_text(in.title, "/title", "a title"); !r) return r;
  if (in.valid_until < in.valid_from)
    return Error::invalid("/valid_until", "after-valid-from",
                          "the DPS cannot end before it starts");
  return Done{};
}

Status check_category(const CategoryInput& in) {
  if (auto r = required_text(in.name.fi, "/name/fi", "a Finnish name"); !r) return r;
  if (auto r = check_list(in.characteristics, "/characteristics"); !r) return r;
  if (auto r = check_list(in.regions, "/regions"); !r) return r;
  if (auto r = check_list(in.languages, "/languages"); !r) return r;
  if (in.languages.empty())
    return Error::invalid("/languages", "minItems", "a category names its service languages");
  if (in.price.unit_price_ceiling_cents && *in.price.unit_price_ceiling_cents <= 0)
    return Error::invalid("/price/unit_price_ceiling_cents", "minimum",
                          "a price ceiling is positive");
  return Done{};
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

Status check_answers(std::span<const Answer> answers) {
  for (std::size_t i = 0; i < answers.size(); ++i) {
    if (answers[i].key.empty())
      return Error::invalid(answer_pointer(i, "key"), "required",
                            "each answer names its criterion");
    if (answers[i].text.size() > kMaxText)
      return Error::invalid(answer_pointer(i, "text"), "maxLength", "the answer is too long");
    for (std::size_t j = 0; j < i; ++j)
      if (answers[j].key == answers[i].key)
        return Error::invalid(answer_pointer(i, "key"), "unique",
                              "each criterion is answered once");
  }
  return Done{};
}

bool reads_application(const Actor& a, const Application& app, const Dps& dps) {
  if (a.is(Role::provider)) return a.organisation_id == app.provider_id;
  if (a.is(Role::admin) || a.is(Role::auditor)) return true;
  return manages(a, dps);
}

bool writes_messages(const Actor& a, const Dps& dps) {
  return a.is(Role::provider) || manages(a, dps);
}

Result<Application> moved(const Application& app, ApplicationAct act, Timestamp at) {
  const auto next = next_state(application_transitions(), app.state, act);
  if (!next) return refused_transition("an application", to_string(app.state), to_string(act));
  Application changed = app;
  changed.state = *next;
  changed.updated_at = at;
  return changed;
}

bool awaits_decision(ApplicationState s) {
  return s == ApplicationState::submitted || s == ApplicationState::clarification_requested;
}

bool applicant_edits(ApplicationState s) {
  return s == ApplicationState::draft || s == ApplicationState::clarification_requested;
}

Date decision_due(const WorkingDayCalendar& calendar, Timestamp received_at, bool extended) {
  return calendar.add_working_days(helsinki_date(received_at),
                                   extended ? kExtendedDecisionDays : kDecisionDays);
}

DecisionClock decision_clock(const WorkingDayCalendar& calendar, const Application& app,
                             Date today) {
  DecisionClock clock;
  if (!app.decision_due || !awaits_decision(app.state)) return clock;
  const Date due = *app.decision_due;
  clock.overdue = today > due;
  clock.working_days_left = clock.overdue ? -calendar.working_days_between(due, today)
                                          : calendar.working_days_between(today, due);
  return clock;
}

Date judged_on(const Application& app, Date today) {
  return app.received_at ? helsinki_date(*app.received_at) : today;
}

Status check_decision_reason(bool admit, const std::string& reason) {
  if (!admit)
    if (auto ok = required_text(reason, "/reason", "a reason for the rejection"); !ok) return ok;
  if (reason.size() > kMaxText) return Error::invalid("/reason", "maxLength", "too long");
  return Done{};
}

bool needs_reason(AdmissionAct act) { return act != AdmissionAct::reinstate; }

std::optional<AdmissionNotice> admission_notice(AdmissionState before, const Admission& after,
                                                std::string_view category_name) {
  std::string_view kind, lead;
  if (before == after.state) return std::nullopt;
  if (after.state == AdmissionState::suspended) {
    kind = "admission.suspended";
    lead = "Admission suspended: ";
  } else if (after.state == AdmissionState::excluded) {
    kind = "admission.excluded";
    lead = "Excluded: ";
  } else {
    kind = "admission.reinstated";
    lead = "Admission reinstated: ";
  }
  std::string text = std::string(lead) + std::string(category_name);
  if (!after.reason.empty() && after.state != AdmissionState::admitted)
    text += " (" + after.reason + ")";
  return AdmissionNotice{std::string(kind), std::move(text)};
}

std::optional<MediaType> sniff_media_type(std::string_view bytes) {
  // The declared type is only a claim; these signatures are what the formats begin with.
  if (bytes.substr(0, 5) == "%PDF-") return MediaType::pdf;
  if (bytes.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8)) return MediaType::png;
  if (bytes.substr(0, 3) == std::string_view("\xFF\xD8\xFF", 3)) return MediaType::jpeg;
  return std::nullopt;
}

Result<MediaType> check_document(std::string_view declared_type, std::string_view bytes,
                                 std::size_t max_bytes) {
  const auto declared = parse_media_type(declared_type);
  if (!declared) return Error::invalid("", "media-type", "attach PDF, PNG or JPEG documents");
  if (bytes.empty()) return Error::invalid("", "minLength", "the document is empty");
  if (bytes.size() > max_bytes) return Error::invalid("", "maxLength", "the document is too large");
  if (sniff_media_type(bytes) != declared)
    return Error::invalid("", "media-type", "the document's content is not what its type says");
  return *declared;
}

std::string safe_filename(std::string_view name) {
  const auto slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  std::string out;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f || c == '"' || c == '\\') continue;
    out.push_back(c);
  }
  while (!out.empty() && (out.front() == '.' || out.front() == ' ')) out.erase(out.begin());
  if (out.size() > 200) {
    out.resize(200);
    // Do not leave half of a UTF-8 sequence at the end.
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
    if (!out.empty() && (static_cast<unsigned char>(out.back()) & 0x80)) out.pop_back();
  }
  return out.empty() ? "document" : out;
}

Status check_reconfirmation_request(const std::string& message, Date due, Date today) {
  if (is_blank(message))
    return Error::invalid("/message", "required", "tell the providers what to confirm");
  if (due <= today) return Error::invalid("/due", "future", "the due date is after today");
  return Done{};
}

}  // namespace tarjotin::domain
