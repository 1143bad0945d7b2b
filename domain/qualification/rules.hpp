#pragma once
// What qualification decides, without storage or a clock: the lives of DPSs, categories,
// applications and admissions; who reads and writes what; how answers are judged against the
// criteria; the legal time limit of a decision; which details, answers and documents are
// accepted; and what a provider is told when its admission changes.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/identity.hpp"
#include "domain/qualification/entities.hpp"
#include "domain/result.hpp"
#include "domain/state_machine.hpp"
#include "domain/working_day_calendar.hpp"

namespace tarjotin::domain {

// Defined with the use cases that take them (dpss.hpp).
struct DpsInput;
struct CategoryInput;

std::span<const Transition<DpsState, DpsAct>> dps_transitions();
std::span<const Transition<CategoryState, CategoryAct>> category_transitions();
std::span<const Transition<ApplicationState, ApplicationAct>> application_transitions();
std::span<const Transition<AdmissionState, AdmissionAct>> admission_transitions();

// The refusal of an act the object's state does not allow, naming both.
Error refused_transition(std::string_view object, std::string_view state, std::string_view act);

// A DPS takes applications and orders only while open and within its validity (Helsinki dates).
bool dps_is_in_force(const Dps& dps, Date today);

// Applications are taken while the DPS is in force and the category open.
Status takes_applications(const Category& category, const Dps& dps, Date today);

// A DPS's details: a title, and a validity that does not end before it starts.
Status check_dps(const DpsInput& in);
// A category's details: a Finnish name, list items on one line each, at least one service
// language, and a price ceiling, if any, above zero.
Status check_category(const CategoryInput& in);

// One evaluation per criterion, in the criteria's order; answers to unknown keys are ignored.
std::vector<Evaluation> evaluate(std::span<const Criterion> criteria,
                                 std::span<const Answer> answers, Date today);

// Checks a criteria set for an officer's mistakes (duplicate keys, thresholds that make no
// sense); field pointers are "/criteria/<index>/<field>".
Status validate_criteria(std::span<const Criterion> criteria);

// Each answer names its criterion once and its text is not too long; field pointers are
// "/answers/<index>/<field>".
Status check_answers(std::span<const Answer> answers);

// The applicant reads its own applications; the authority's officers those to their DPSs;
// admins and auditors every one.
bool reads_application(const Actor& actor, const Application& application, const Dps& dps);

// The parties talk: the applicant and the authority's officers, not readers like auditors.
bool writes_messages(const Actor& actor, const Dps& dps);

// The application after `act` at `at`, or the refusal its state gives.
Result<Application> moved(const Application& application, ApplicationAct act, Timestamp at);

// Submitted or awaiting clarification: the authority still owes a decision.
bool awaits_decision(ApplicationState s);

// The applicant changes its answers and attaches documents while drafting, and while the
// authority has asked for clarification.
bool applicant_edits(ApplicationState s);

// The last day of the legal time limit of a decision on an application received at
// `received_at`: 10 working days, or 15 once extended for a stated reason (Directive 2014/24/EU
// art. 34(5); Act 1397/2016 § 51).
Date decision_due(const WorkingDayCalendar& calendar, Timestamp received_at, bool extended);

// How the time limit stands on `today`: working days left until the decision is due, negative
// once it is overdue; nothing for an application that awaits no decision.
struct DecisionClock {
  std::optional<int> working_days_left;
  bool overdue = false;
};
DecisionClock decision_clock(const WorkingDayCalendar& calendar, const Application& application,
                             Date today);

// The day an application's answers are judged on: the day it was received, and while it is a
// draft, today.
Date judged_on(const Application& application, Date today);

// A rejection gives its reason; an admission may.
Status check_decision_reason(bool admit, const std::string& reason);

// Suspending and excluding give a reason; reinstating need not.
bool needs_reason(AdmissionAct act);

// What a provider is told when its admission moves from `before` to `after` in the category
// named `category_name`: the notification's kind and its text, with the reason of a suspension
// or exclusion; nothing when it stays admitted.
struct AdmissionNotice {
  std::string kind;
  std::string text;
};
std::optional<AdmissionNotice> admission_notice(AdmissionState before, const Admission& after,
                                                std::string_view category_name);

// What the bytes really are, by their signature; nullopt for anything not accepted.
std::optional<MediaType> sniff_media_type(std::string_view bytes);
// The media type of a document whose request says `declared_type`: PDF, PNG or JPEG, not empty,
// at most `max_bytes`, and its content what its type says.
Result<MediaType> check_document(std::string_view declared_type, std::string_view bytes,
                                 std::size_t max_bytes);
// A file name safe to show and to send back in Content-Disposition: no path, no control or
// quote characters, at most 200 bytes; "document" when nothing is left.
std::string safe_filename(std::string_view name);

// A re-confirmation request tells the providers what to confirm, by a day after `today`.
Status check_reconfirmation_request(const std::string& message, Date due, Date today);

}  // namespace tarjotin::domain
