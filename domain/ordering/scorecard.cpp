#include "domain/ordering/scorecard.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>

#include "domain/ordering/rules.hpp"

namespace tarjotin::domain {
namespace {

constexpr double kMicrosPerDay = 86400e6;

std::optional<double> ratio(long long part, long long whole) {
  if (whole <= 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

Interval clamped(double low, double high, double floor, double ceiling) {
  return {std::clamp(low, floor, ceiling), std::clamp(high, floor, ceiling)};
}

// accepted_at survives whatever happens next, so an order cancelled after acceptance still
// counts as accepted: the provider did say yes.
bool was_accepted(const Order& order) { return order.accepted_at.has_value(); }
bool was_declined(const Order& order) { return order.state == OrderState::declined; }
// Orders still waiting for an answer say nothing yet about the provider's willingness.
bool was_decided(const Order& order) { return was_accepted(order) || was_declined(order); }

// Orders whose latest outcome is of a type `counted` takes.
template <class Counted>
int outcomes_where(const OrderTally& t, Counted counted) {
  int n = 0;
  for (int i = 0; i < kOutcomeTypeCount; ++i)
    if (counted(static_cast<OutcomeType>(i))) n += t.outcomes[static_cast<std::size_t>(i)];
  return n;
}
// `unknown` tells nothing about the result, so rates treat it like no outcome at all.
int known_outcomes(const OrderTally& t) {
  return outcomes_where(t, [](OutcomeType o) { return o != OutcomeType::unknown; });
}
int positive_outcomes(const OrderTally& t) { return outcomes_where(t, is_positive); }

// A provider's orders summed per customer cell (unemployment × age), and over all cells.
struct ProviderCells {
  std::array<std::array<OrderTally, kAgeBandCount>, kUnemploymentBandCount> cells{};
  OrderTally all;
};

void add_in_cell(ProviderCells& p, const OrderTally& t) {
  add_counts(p.cells[static_cast<std::size_t>(t.unemployment)][static_cast<std::size_t>(t.age)], t);
  add_counts(p.all, t);
}

// Positive-outcome rates of each unemployment × age cell, pooled over every provider, so a
// provider is compared with what its own mix of customers would predict.
class PooledBaseline {
 public:
  void add(const OrderTally& t) {
    auto& c = cells_[static_cast<std::size_t>(t.unemployment)][static_cast<std::size_t>(t.age)];
    c.known += known_outcomes(t);
    c.positive += positive_outcomes(t);
  }
  double rate(std::size_t unemployment, std::size_t age) const {
    const auto& c = cells_[unemployment][age];
    return c.known > 0 ? static_cast<double>(c.positive) / c.known : 0.0;
  }

 private:
  struct Cell {
    int known = 0;
    int positive = 0;
  };
  std::array<std::array<Cell, kAgeBandCount>, kUnemploymentBandCount> cells_{};
};

void count_decisions(Scorecard& card, const OrderTally& all) {
  card.accepted = all.accepted;
  card.declined = all.declined;
  const int decided = card.accepted + card.declined;
  card.acceptance_rate = ratio(card.accepted, decided);
  card.acceptance_interval = wilson_interval(card.accepted, decided);
}

// Only services that have run their course can have completed; those still running or never
// started would dilute the rate.
void count_endings(Scorecard& card, const OrderTally& all) {
  card.completed = all.completed;
  card.ended = all.ended;
  card.completion_rate = ratio(card.completed, card.ended);
  card.completion_interval = wilson_interval(card.completed, card.ended);
}

void count_outcomes(Scorecard& card, const OrderTally& all) {
  for (int i = 0; i < kOutcomeTypeCount; ++i)
    if (all.outcomes[i] > 0) card.outcomes[static_cast<OutcomeType>(i)] = all.outcomes[i];
  card.with_outcome = known_outcomes(all);
  card.positive = positive_outcomes(all);
  card.positive_rate = ratio(card.positive, card.with_outcome);
}

// Indirect standardisation: observed positives against what the pooled cell rates predict for
// exactly these customers.
void adjust_for_difficulty(Scorecard& card, const ProviderCells& p,
                           const PooledBaseline& baseline) {
  if (card.with_outcome == 0) return;
  double expected_sum = 0;
  for (std::size_t u = 0; u < kUnemploymentBandCount; ++u)
    for (std::size_t a = 0; a < kAgeBandCount; ++a)
      expected_sum += known_outcomes(p.cells[u][a]) * baseline.rate(u, a);
  const double expected = expected_sum / card.with_outcome;
  card.expected_positive_rate = expected;
  // A zero expectation means nobody in these cells succeeded; no ratio is meaningful then.
  if (expected > 0) card.observed_to_expected = *card.positive_rate / expected;
}

void collect_feedback(Scorecard& card, const OrderTally& all) {
  card.customer_nps = net_promoter_score(all.promoters, all.passives, all.detractors);
  card.coach_ratings = all.coach_ratings;
  card.coach_average = ratio(all.coach_total, all.coach_ratings);
}

void measure_time_to_start(Scorecard& card, const OrderTally& all) {
  if (all.started > 0)
    card.average_days_to_start =
        static_cast<double>(all.micros_to_start) / kMicrosPerDay / all.started;
}

// Every band gets a row, even an empty one, so declines that fall on some customers and not
// others show up side by side.
template <class Band, int kBandCount, class CellsOf>
std::vector<RateByBand> declines_by(CellsOf cells_of) {
  std::vector<RateByBand> rows(kBandCount);
  for (int i = 0; i < kBandCount; ++i) {
    auto& row = rows[static_cast<std::size_t>(i)];
    row.band = std::string(to_string(static_cast<Band>(i)));
    for (const OrderTally* cell : cells_of(static_cast<std::size_t>(i))) {
      row.decided += cell->decided;
      row.declined += cell->declined;
    }
    row.decline_rate = ratio(row.declined, row.decided);
  }
  return rows;
}

Scorecard scorecard_for(const std::string& provider_id, const ProviderCells& p,
                        const PooledBaseline& baseline) {
  Scorecard card;
  card.provider_id = provider_id;
  card.orders = p.all.orders;
  count_decisions(card, p.all);
  count_endings(card, p.all);
  count_outcomes(card, p.all);
  adjust_for_difficulty(card, p, baseline);
  collect_feedback(card, p.all);
  measure_time_to_start(card, p.all);
  card.decline_by_unemployment =
      declines_by<UnemploymentBand, kUnemploymentBandCount>([&](std::size_t u) {
        std::vector<const OrderTally*> row;
        for (const auto& cell : p.cells[u]) row.push_back(&cell);
        return row;
      });
  card.decline_by_age = declines_by<AgeBand, kAgeBandCount>([&](std::size_t a) {
    std::vector<const OrderTally*> column;
    for (const auto& cells : p.cells) column.push_back(&cells[a]);
    return column;
  });
  return card;
}

}  // namespace

// Wilson score interval: centre (p + z²/2n) / (1 + z²/n), half-width
// z / (1 + z²/n) × √(p(1−p)/n + z²/4n²), clamped to [0, 1] against rounding at the edges.
std::optional<Interval> wilson_interval(int successes, int n, double z) {
  if (n <= 0) return std::nullopt;
  const double p = static_cast<double>(successes) / n;
  const double z2 = z * z;
  const double denominator = 1 + z2 / n;
  const double centre = (p + z2 / (2.0 * n)) / denominator;
  const double half = z / denominator * std::sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
  return clamped(centre - half, centre + half, 0, 1);
}

// The interval is the adjusted Wald interval for NPS (Rocks 2016; Sauro & Lewis): add 3
// pseudo-responses, ¾ each to promoters and detractors, then a Wald interval on the adjusted
// difference. It is centred on the adjusted NPS rather than the raw score, which is what keeps
// it honest for small n and for scores near ±100.
NetPromoterScore net_promoter_score(std::span<const int> scores, double z) {
  int promoters = 0, passives = 0, detractors = 0;
  for (int s : scores) {
    if (s < 0 || s > 10) continue;  // not a 0–10 answer; counting it would skew n
    if (s >= 9)
      ++promoters;
    else if (s >= 7)
      ++passives;
    else
      ++detractors;
  }
  return net_promoter_score(promoters, passives, detractors, z);
}

NetPromoterScore net_promoter_score(int promoters, int passives, int detractors, double z) {
  NetPromoterScore nps;
  nps.promoters = promoters;
  nps.passives = passives;
  nps.detractors = detractors;
  nps.responses = nps.promoters + nps.passives + nps.detractors;
  if (nps.responses == 0) return nps;

  const double n = nps.responses;
  nps.score = 100.0 * (nps.promoters - nps.detractors) / n;

  const double n_adj = n + 3;
  const double p_adj = (nps.promoters + 0.75) / n_adj;
  const double d_adj = (nps.detractors + 0.75) / n_adj;
  const double nps_adj = p_adj - d_adj;
  const double variance = (p_adj + d_adj - nps_adj * nps_adj) / n_adj;
  const double margin = z * std::sqrt(variance);
  nps.interval = clamped(100 * (nps_adj - margin), 100 * (nps_adj + margin), -100, 100);
  return nps;
}

void summarise(ChoiceEntry& entry, const ChoiceRecordCounts& counts) {
  entry.orders = counts.orders;
  entry.ended = counts.ended;
  entry.completion_rate = ratio(counts.completed, counts.ended);
  entry.completion_interval = wilson_interval(counts.completed, counts.ended);
  const auto nps = net_promoter_score(counts.promoters, counts.passives, counts.detractors);
  entry.net_promoter_score = nps.score;
  entry.nps_interval = nps.interval;
  entry.nps_responses = nps.responses;
}

OrderTally tally_of(const OrderFacts& f) {
  const Order& o = f.order;
  OrderTally t;
  t.category_id = o.category_id;
  t.provider_id = o.provider_id;
  t.month = month_of(o.placed_at);
  t.unemployment = o.customer_unemployment;
  t.age = o.customer_age;
  t.orders = 1;
  t.accepted = was_accepted(o) ? 1 : 0;
  t.declined = was_declined(o) ? 1 : 0;
  t.decided = was_decided(o) ? 1 : 0;
  t.ended = delivered(o.state) ? 1 : 0;
  t.completed = o.state == OrderState::completed ? 1 : 0;
  if (f.outcome) t.outcomes[static_cast<std::size_t>(*f.outcome)] = 1;
  if (f.customer_score && *f.customer_score >= 0 && *f.customer_score <= 10) {
    // Anything else is not a 0–10 answer; counting it would skew n.
    if (*f.customer_score >= 9)
      t.promoters = 1;
    else if (*f.customer_score >= 7)
      t.passives = 1;
    else
      t.detractors = 1;
  }
  if (f.coach_score) {
    t.coach_ratings = 1;
    t.coach_total = *f.coach_score;
  }
  if (o.started_at) {
    t.started = 1;
    t.micros_to_start = (*o.started_at - o.placed_at).count();
  }
  t.payable_cents = payable_cents(o, f.outcome);
  return t;
}

void add_counts(OrderTally& total, const OrderTally& part, int sign) {
  total.orders += sign * part.orders;
  total.accepted += sign * part.accepted;
  total.declined += sign * part.declined;
  total.decided += sign * part.decided;
  total.ended += sign * part.ended;
  total.completed += sign * part.completed;
  for (std::size_t i = 0; i < total.outcomes.size(); ++i)
    total.outcomes[i] += sign * part.outcomes[i];
  total.promoters += sign * part.promoters;
  total.passives += sign * part.passives;
  total.detractors += sign * part.detractors;
  total.coach_ratings += sign * part.coach_ratings;
  total.coach_total += sign * part.coach_total;
  total.started += sign * part.started;
  total.micros_to_start += sign * part.micros_to_start;
  total.payable_cents += sign * part.payable_cents;
}

std::vector<Scorecard> scorecards_from(std::span<const OrderTally> tallies) {
  PooledBaseline baseline;
  std::map<std::string, ProviderCells> by_provider;  // ordered, so the output is sorted by id
  for (const auto& t : tallies) {
    baseline.add(t);
    add_in_cell(by_provider[t.provider_id], t);
  }
  std::vector<Scorecard> cards;
  cards.reserve(by_provider.size());
  for (const auto& [provider_id, cells] : by_provider)
    cards.push_back(scorecard_for(provider_id, cells, baseline));
  return cards;
}

std::vector<Scorecard> compute_scorecards(std::span<const OrderFacts> facts) {
  std::vector<OrderTally> tallies;
  tallies.reserve(facts.size());
  for (const auto& f : facts) tallies.push_back(tally_of(f));
  return scorecards_from(tallies);
}

}  // namespace tarjotin::domain
