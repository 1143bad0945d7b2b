#pragma once
// What ordering decides, as functions of plain data that the use cases call and the unit tests
// check: which offerings a customer may choose from and in what order they are shown, who acts on
// an order and what an act does to it, what a provider is owed, what a provider may see of its
// customers' earlier services and of its own feedback, and the checks of what coaches and
// providers write that the JSON schemas cannot express.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/ordering/entities.hpp"
#include "domain/ordering/ports.hpp"
#include "domain/ordering/scorecard.hpp"
#include "domain/result.hpp"
#include "domain/state_machine.hpp"

namespace tarjotin::domain {

// The use cases' inputs, declared beside their use cases (offerings.hpp, customers.hpp,
// orders.hpp, feedback.hpp, reports.hpp).
struct OfferingInput;
struct CustomerInput;
struct OrderInput;
struct ClosingReportInput;
struct OutcomeInput;
struct Period;

constexpr std::size_t kMaxReference = 64;
constexpr std::size_t kMaxComment = 2'000;
constexpr std::size_t kMaxIdempotencyKey = 200;
// Below this many answers a provider does not see its scores: it knows whom it served and when.
constexpr int kMinimumAnswers = 5;
constexpr auto kProviderMinimumPeriod = std::chrono::days(90);

// What counts as a good result when providers are compared: any employment, or studies.
bool is_positive(OutcomeType t);
// The key a price model's outcome bonuses use: the four open-market employment types share
// "employment_open_market"; the others are their own names; `unknown` earns no bonus ("").
std::string_view bonus_class(OutcomeType t);
// Of an order's outcome records, oldest first, the type of the latest one a coach confirmed: a
// provider's proposal is not an outcome until then.
std::optional<OutcomeType> latest_confirmed(const std::vector<OutcomeRecord>& records);

// Every reason the offering is not eligible for the customer's choice now (empty: it is): the
// provider admitted to the category, the offering active with a free place, serving the
// customer's region and a language of theirs, and able to start by `start_by`.
std::vector<Ineligibility> ineligibility(const Offering& o, const Customer& customer,
                                         std::optional<Date> start_by, const Admission* admission);

// The order offerings are shown in: a Fisher–Yates shuffle driven by mt19937_64(seed), with
// unbiased bounded draws, so the same seed gives the same order on every platform and the
// position on the list favours no provider.
std::vector<std::size_t> shuffled_positions(std::size_t count, std::uint64_t seed);

// A choice set's entries: the eligible offerings in the order `seed` shuffles them into, each at
// its price now with its provider's record (`records`, by provider; none: no orders yet).
// Listed by id before the shuffle, so the order shown does not depend on the order given.
std::vector<ChoiceEntry> choice_entries(std::vector<Offering> eligible,
                                        const std::vector<ChoiceRecordCounts>& records,
                                        std::uint64_t seed);

std::span<const Transition<OrderState, OrderAct>> order_transitions();
// Which side does an act: the provider accepts, declines, starts, completes and interrupts; the
// coach cancels.
bool provider_acts(OrderAct a);
// Acts that must say why.
bool needs_reason(OrderAct a);
// Completed, or interrupted after the start: the service was delivered, at least in part.
bool delivered(OrderState s);
// A place is held from ordering to the end of the service; an order that never starts frees it.
bool returns_place(OrderAct a);
// Moves `order` on by `act` at `at`, as the transition table allows: its new state, when it
// changed, the times it was accepted, started and ended, and the reason of an act that needs
// one. A conflict, and `order` unchanged, when the act is not possible in its state.
Status act_on(Order& order, OrderAct act, const std::string& reason, Timestamp at);

// What the provider is owed for an order: the base price once the service was delivered
// (completed, or interrupted after starting), plus the bonus for the outcome when the order's
// price fixed one for it. Nothing for orders that never started.
long long payable_cents(const Order& order, std::optional<OutcomeType> outcome);

// Whether the customer's consent to `scope` stands for `provider_id`: given and not withdrawn.
bool consent_stands(const std::vector<Consent>& consents, const std::string& provider_id,
                    ConsentScope scope);

// Feedback as anyone but the order's own parties sees it: nothing that leads back to the
// customer, so no order and only the month (Helsinki) it was given.
Feedback without_order(Feedback feedback);

// A provider's own scorecard as the provider sees it: the customers' and coaches' scores are
// withheld while fewer than kMinimumAnswers stand behind them, for a handful of answers in a
// short period would tell the provider who scored what.
Scorecard as_seen_by_provider(Scorecard card);

// The checks of what is written, each refusal naming its field.
Status check_description(const LocalisedText& description);
// The offering within its category's price model, languages and regions.
Status check_offering(const OfferingInput& in, const Category& category);
// The offering as the provider's input describes it; its ids and times stay.
void apply(Offering& offering, const OfferingInput& in);
// The free places after an edit that asks for `asked` while `free_now` are free. An edit made
// from the current version sets them. One that names no version may lower them but not raise
// them: it cannot tell places that orders took after its read from places it means to add, and
// giving the former back would overbook the provider.
int free_places_after_edit(int free_now, int asked, bool made_from_current_version);
// A one-line reference that is not a personal identity code, a region and clean languages.
Status check_customer(const CustomerInput& in);
// The idempotency key visible ASCII of at most kMaxIdempotencyKey bytes, the reason not too long.
Status check_order_input(const OrderInput& in);
// What an idempotency key stands for: a retry with the same key must ask for the same order.
std::string request_fingerprint(const OrderInput& in);
Status check_closing_report(const ClosingReportInput& in);
// An outcome has happened by `today`, and its note is not too long.
Status check_outcome(const OutcomeInput& in, Date today);
// A score of 0 to 10 with a comment of at most kMaxComment bytes.
Status check_score(int score, const std::string& comment);
Status check_period(const Period& period);
// A provider's scorecard covers at least kProviderMinimumPeriod, for the same reason its small
// samples are withheld.
Status check_scorecard_period(const Period& period, bool for_provider);
// "YYYY-MM" of the Helsinki day `t` falls on.
std::string month_of(Timestamp t);

}  // namespace tarjotin::domain
