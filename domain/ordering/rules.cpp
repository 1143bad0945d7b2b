#include "domain/ordering/rules.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <random>

#include "domain/identifiers.hpp"
#include "domain/input_rules.hpp"
#include "domain/ordering/customers.hpp"
#include "domain/ordering/offerings.hpp"
#include "domain/ordering/orders.hpp"
#include "domain/ordering/reports.hpp"

namespace tarjotin::domain {
namespace {

using S = OrderState;
using A = OrderAct;
constexpr std::array<Transition<S, A>, 7> kOrderTransitions{{
    {S::placed, A::accept, S::accepted},
    {S::placed, A::decline, S::declined},
    {S::placed, A::cancel, S::cancelled},
    {S::accepted, A::start, S::started},
    {S::accepted, A::cancel, S::cancelled},
    {S::started, A::complete, S::completed},
    {S::started, A::interrupt, S::interrupted},
}};

bool listed(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

bool visible_ascii(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x21 && u <= 0x7e;
  });
}

}  // namespace

bool is_positive(OutcomeType t) {
  switch (t) {
    case OutcomeType::employed_permanent_full_time:
    case OutcomeType::employed_permanent_part_time:
    case OutcomeType::employed_fixed_term_full_time:
    case OutcomeType::employed_fixed_term_part_time:
    case OutcomeType::subsidised_employment:
    case OutcomeType::studies:
      return true;
    default:
      return false;
  }
}

std::string_view bonus_class(OutcomeType t) {
  switch (t) {
    case OutcomeType::employed_permanent_full_time:
    case OutcomeType::employed_permanent_part_time:
    case OutcomeType::employed_fixed_term_full_time:
    case OutcomeType::employed_fixed_term_part_time:
      return "employment_open_market";
    case OutcomeType::unknown:
      return "";
    default:
      return to_string(t);
  }
}

std::optional<OutcomeType> latest_confirmed(const std::vector<OutcomeRecord>& records) {
  std::optional<OutcomeType> latest;
  for (const auto& r : records)
    if (r.confirmed) latest = r.type;
  return latest;
}

std::vector<Ineligibility> ineligibility(const Offering& o, const Customer& customer,
                                         std::optional<Date> start_by, const Admission* admission) {
  std::vector<Ineligibility> why;
  if (!admission || admission->state != AdmissionState::admitted)
    why.push_back(Ineligibility::not_admitted);
  if (!o.active) why.push_back(Ineligibility::inactive);
  if (o.free_places <= 0) why.push_back(Ineligibility::no_free_places);
  if (!o.regions.empty() && !listed(o.regions, customer.region))
    why.push_back(Ineligibility::region);
  if (!customer.languages.empty() &&
      std::none_of(customer.languages.begin(), customer.languages.end(),
                   [&](const std::string& l) { return listed(o.languages, l); }))
    why.push_back(Ineligibility::language);
  if (start_by && o.earliest_start > *start_by) why.push_back(Ineligibility::start);
  return why;
}

std::vector<std::size_t> shuffled_positions(std::size_t count, std::uint64_t seed) {
  std::vector<std::size_t> order(count);
  for (std::size_t i = 0; i < count; ++i) order[i] = i;
  // std::shuffle and std::uniform_int_distribution are implementation-defined; mt19937_64's
  // output is not, so the draws below replay identically everywhere.
  std::mt19937_64 engine(seed);
  for (std::size_t i = count; i > 1; --i) {
    const std::uint64_t bound = i;
    const std::uint64_t limit = UINT64_MAX - (UINT64_MAX % bound);  // reject the biased tail
    std::uint64_t draw = engine();
    while (draw >= limit) draw = engine();
    std::swap(order[i - 1], order[static_cast<std::size_t>(draw % bound)]);
  }
  return order;
}

std::vector<ChoiceEntry> choice_entries(std::vector<Offering> eligible,
                                        const std::vector<ChoiceRecordCounts>& records,
                                        std::uint64_t seed) {
  std::map<std::string, const ChoiceRecordCounts*> by_provider;
  for (const auto& r : records) by_provider.emplace(r.provider_id, &r);
  std::sort(eligible.begin(), eligible.end(),
            [](const Offering& a, const Offering& b) { return a.id < b.id; });
  const auto positions = shuffled_positions(eligible.size(), seed);
  std::vector<ChoiceEntry> entries;
  for (std::size_t i = 0; i < positions.size(); ++i) {
    const Offering& o = eligible[positions[i]];
    ChoiceEntry e;
    e.position = static_cast<int>(i);
    e.offering_id = o.id;
    e.provider_id = o.provider_id;
    e.unit_price_cents = o.unit_price_cents;
    if (const auto record = by_provider.find(o.provider_id); record != by_provider.end())
      summarise(e, *record->second);
    entries.push_back(std::move(e));
  }
  return entries;
}

std::span<const Transition<OrderState, OrderAct>> order_transitions() { return kOrderTransitions; }

bool provider_acts(OrderAct a) { return a != OrderAct::cancel; }

bool needs_reason(OrderAct a) {
  return a == OrderAct::decline || a == OrderAct::interrupt || a == OrderAct::cancel;
}

bool delivered(OrderState s) { return s == OrderState::completed || s == OrderState::interrupted; }

bool returns_place(OrderAct a) { return a == OrderAct::decline || a == OrderAct::cancel; }

Status act_on(Order& o, OrderAct act, const std::string& reason, Timestamp at) {
  const auto next = next_state(order_transitions(), o.state, act);
  if (!next)
    return Error::conflict("invalid-transition", "'" + std::string(to_string(act)) +
                                                     "' is not possible for an order that is " +
                                                     std::string(to_string(o.state)));
  o.state = *next;
  o.updated_at = at;
  if (needs_reason(act)) o.reason = reason;
  if (act == OrderAct::accept) o.accepted_at = at;
  if (act == OrderAct::start) o.started_at = at;
  if (*next != OrderState::accepted && *next != OrderState::started) o.ended_at = at;
  return Done{};
}

long long payable_cents(const Order& order, std::optional<OutcomeType> outcome) {
  // An interruption comes only after the start, so the service was at least partly delivered;
  // pro-rata terms would be a contract's matter, not the system's.
  if (!delivered(order.state)) return 0;
  long long total = order.unit_price_cents;
  if (outcome) {
    const auto bonus = order.outcome_bonus_cents.find(std::string(bonus_class(*outcome)));
    if (bonus != order.outcome_bonus_cents.end()) total += bonus->second;
  }
  return total;
}

bool consent_stands(const std::vector<Consent>& consents, const std::string& provider_id,
                    ConsentScope scope) {
  return std::any_of(consents.begin(), consents.end(), [&](const Consent& c) {
    return c.provider_id == provider_id && c.scope == scope && !c.withdrawn_at;
  });
}

Feedback without_order(Feedback f) {
  f.order_id.clear();
  const std::chrono::year_month_day ymd{helsinki_date(f.given_at)};
  f.given_at = helsinki_midnight(std::chrono::sys_days{ymd.year() / ymd.month() / 1});
  return f;
}

Scorecard as_seen_by_provider(Scorecard card) {
  if (card.customer_nps.responses < kMinimumAnswers) card.customer_nps = NetPromoterScore{};
  if (card.coach_ratings < kMinimumAnswers) {
    card.coach_ratings = 0;
    card.coach_average.reset();
  }
  return card;
}

Status check_description(const LocalisedText& d) {
  if (auto r = required_text(d.fi, "/description/fi", "a Finnish description"); !r) return r;
  for (const auto* text : {&d.sv, &d.en})
    if (text->size() > kMaxText)
      return Error::invalid(text == &d.sv ? "/description/sv" : "/description/en", "maxLength",
                            "the description is too long");
  return Done{};
}

Status check_offering(const OfferingInput& in, const Category& category) {
  if (auto r = check_description(in.description); !r) return r;
  if (auto r = check_list(in.regions, "/regions"); !r) return r;
  if (auto r = check_list(in.languages, "/languages"); !r) return r;
  if (in.unit_price_cents <= 0)
    return Error::invalid("/unit_price_cents", "minimum", "a unit price is positive");
  if (category.price.unit_price_ceiling_cents &&
      in.unit_price_cents > *category.price.unit_price_ceiling_cents)
    return Error::invalid("/unit_price_cents", "price-ceiling",
                          "the unit price is above the category's ceiling of " +
                              std::to_string(*category.price.unit_price_ceiling_cents) + " cents");
  for (const auto& [outcome, cents] : in.outcome_bonus_cents) {
    const auto allowed = category.price.outcome_bonus_cents.find(outcome);
    const std::string pointer = "/outcome_bonus_cents/" + outcome;
    if (allowed == category.price.outcome_bonus_cents.end())
      return Error::invalid(pointer, "price-model",
                            "the category's price model has no bonus for this outcome");
    if (cents < 0 || cents > allowed->second)
      return Error::invalid(
          pointer, "price-model",
          "the bonus is above the category's " + std::to_string(allowed->second) + " cents");
  }
  for (std::size_t i = 0; i < in.languages.size(); ++i)
    if (!listed(category.languages, in.languages[i]))
      return Error::invalid("/languages/" + std::to_string(i), "category-languages",
                            "the category is not bought in this language");
  for (std::size_t i = 0; i < in.regions.size(); ++i)
    if (!category.regions.empty() && !listed(category.regions, in.regions[i]))
      return Error::invalid("/regions/" + std::to_string(i), "category-regions",
                            "the category does not cover this region");
  if (in.free_places < 0)
    return Error::invalid("/free_places", "minimum", "free places cannot be negative");
  if (in.typical_duration_days <= 0)
    return Error::invalid("/typical_duration_days", "minimum", "a duration is at least one day");
  return Done{};
}

void apply(Offering& o, const OfferingInput& in) {
  o.description = in.description;
  o.unit_price_cents = in.unit_price_cents;
  o.outcome_bonus_cents = in.outcome_bonus_cents;
  o.free_places = in.free_places;
  o.regions = in.regions;
  o.languages = in.languages;
  o.earliest_start = in.earliest_start;
  o.typical_duration_days = in.typical_duration_days;
  o.active = in.active;
}

int free_places_after_edit(int free_now, int asked, bool made_from_current_version) {
  return made_from_current_version ? asked : std::min(free_now, asked);
}

Status check_customer(const CustomerInput& in) {
  if (auto r = required_text(in.reference, "/reference", "a reference"); !r) return r;
  if (in.reference.size() > kMaxReference || in.reference.find('\n') != std::string::npos)
    return Error::invalid("/reference", "maxLength", "a reference is one line of at most 64 bytes");
  // Customer records are pseudonymous.
  if (looks_like_identity_code(in.reference))
    return Error::invalid("/reference", "pseudonymous",
                          "a reference must not be a personal identity code");
  if (auto r = required_text(in.region, "/region", "a region"); !r) return r;
  return check_list(in.languages, "/languages");
}

Status check_order_input(const OrderInput& in) {
  if (!visible_ascii(in.idempotency_key))
    return Error::invalid("/Idempotency-Key", "pattern", "an idempotency key is visible ASCII");
  if (in.choice_reason.size() > kMaxComment)
    return Error::invalid("/choice_reason", "maxLength", "the reason is too long");
  if (in.idempotency_key.size() > kMaxIdempotencyKey)
    return Error::invalid("/Idempotency-Key", "maxLength", "the idempotency key is too long");
  return Done{};
}

std::string request_fingerprint(const OrderInput& in) {
  return in.choice_set_id + "\n" + in.offering_id + "\n" + (in.chosen_by_customer ? "1" : "0") +
         "\n" + in.choice_reason;
}

Status check_closing_report(const ClosingReportInput& in) {
  if (auto ok = required_text(in.work_done, "/work_done", "what was done"); !ok) return ok;
  if (auto ok = required_text(in.results, "/results", "the results"); !ok) return ok;
  for (const auto* text : {&in.next_steps, &in.further_support})
    if (text->size() > kMaxText)
      return Error::invalid(text == &in.next_steps ? "/next_steps" : "/further_support",
                            "maxLength", "the text is too long");
  return Done{};
}

Status check_outcome(const OutcomeInput& in, Date today) {
  if (in.note.size() > kMaxComment)
    return Error::invalid("/note", "maxLength", "the note is too long");
  if (in.date > today) return Error::invalid("/date", "not-future", "an outcome has happened");
  return Done{};
}

Status check_score(int score, const std::string& comment) {
  if (score < 0 || score > 10) return Error::invalid("/score", "range", "a score is 0 to 10");
  if (comment.size() > kMaxComment)
    return Error::invalid("/comment", "maxLength", "the comment is too long");
  return Done{};
}

Status check_period(const Period& p) {
  if (p.until <= p.from) return Error::invalid("/to", "after-from", "the period is empty");
  return Done{};
}

Status check_scorecard_period(const Period& p, bool for_provider) {
  if (auto ok = check_period(p); !ok) return ok;
  if (for_provider && p.until - p.from < kProviderMinimumPeriod)
    return Error::invalid("/from", "minimum-period",
                          "a provider's scorecard covers at least 90 days");
  return Done{};
}

std::string month_of(Timestamp t) {
  const std::chrono::year_month_day ymd{helsinki_date(t)};
  char text[16];  // room for any year the type can hold
  std::snprintf(text, sizeof text, "%04d-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()));
  return text;
}

}  // namespace tarjotin::domain
