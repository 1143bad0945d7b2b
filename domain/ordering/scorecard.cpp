#include "domain/ordering/scorecard.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>

#include "domain/ordering/rules.hpp"

namespace tarjotin::domain {
namespace {

using ProviderOrders = std::vector<const OrderFacts*>;

constexpr double kMicrosPerDay = 86400e6;

std::optional<double> ratio(int part, int whole) {
  if (whole <= 0) return std::nullopt;
  return static_cast<double>(part) / whole;
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

// `unknown` tells nothing about the result, so rates treat it like no outcome at all.
bool has_known_outcome(const OrderFacts& facts) {
  return facts.outcome && *facts.outcome != OutcomeType::unknown;
}

// Positive-outcome rates of each unemployment × age cell, pooled over every provider, so a
// provider is compared with what its own mix of customers would predict.
class PooledBaseline {
 public:
  explicit PooledBaseline(std::span<const OrderFacts> facts) {
    for (const auto& f : facts) {
      if (!has_known_outcome(f)) continue;
      auto& c = cell(f);
      ++c.known;
      if (is_positive(*f.outcome)) ++c.positive;
    }
  }

  // Only asked about orders that were themselves counted, so the cell is never empty.
  double rate_for(const OrderFacts& facts) const {
    const auto& c =
        cells_[index(facts.order.customer_unemployment)][index(facts.order.customer_age)];
    return c.known > 0 ? static_cast<double>(c.positive) / c.known : 0.0;
  }

 private:
  struct Cell {
    int known = 0;
    int positive = 0;
  };

  template <class Band>
  static std::size_t index(Band band) {
    return static_cast<std::size_t>(band);
  }
  Cell& cell(const OrderFacts& f) {
    return cells_[index(f.order.customer_unemployment)][index(f.order.customer_age)];
  }

  std::array<std::array<Cell, kAgeBandCount>, kUnemploymentBandCount> cells_{};
};

void count_decisions(Scorecard& card, const ProviderOrders& orders) {
  for (const OrderFacts* f : orders) {
    if (was_accepted(f->order)) ++card.accepted;
    if (was_declined(f->order)) ++card.declined;
  }
  const int decided = card.accepted + card.declined;
  card.acceptance_rate = ratio(card.accepted, decided);
  card.acceptance_interval = wilson_interval(card.accepted, decided);
}

// Only services that have run their course can have completed; those still running or never
// started would dilute the rate.
void count_endings(Scorecard& card, const ProviderOrders& orders) {
  for (const OrderFacts* f : orders) {
    if (f->order.state == OrderState::completed) ++card.completed;
    if (f->order.state == OrderState::completed || f->order.state == OrderState::interrupted)
      ++card.ended;
  }
  card.completion_rate = ratio(card.completed, card.ended);
  card.completion_interval = wilson_interval(card.completed, card.ended);
}

void count_outcomes(Scorecard& card, const ProviderOrders& orders) {
  for (const OrderFacts* f : orders) {
    if (f->outcome) ++card.outcomes[*f->outcome];
    if (!has_known_outcome(*f)) continue;
    ++card.with_outcome;
    if (is_positive(*f->outcome)) ++card.positive;
  }
  card.positive_rate = ratio(card.positive, card.with_outcome);
}

// Indirect standardisation: observed positives against what the pooled cell rates predict for
// exactly these customers.
void adjust_for_difficulty(Scorecard& card, const ProviderOrders& orders,
                           const PooledBaseline& baseline) {
  if (card.with_outcome == 0) return;
  double expected_sum = 0;
  for (const OrderFacts* f : orders)
    if (has_known_outcome(*f)) expected_sum += baseline.rate_for(*f);
  const double expected = expected_sum / card.with_outcome;
  card.expected_positive_rate = expected;
  // A zero expectation means nobody in these cells succeeded; no ratio is meaningful then.
  if (expected > 0) card.observed_to_expected = *card.positive_rate / expected;
}

void collect_feedback(Scorecard& card, const ProviderOrders& orders) {
  std::vector<int> customer_scores;
  int coach_total = 0;
  for (const OrderFacts* f : orders) {
    if (f->customer_score) customer_scores.push_back(*f->customer_score);
    if (f->coach_score) {
      ++card.coach_ratings;
      coach_total += *f->coach_score;
    }
  }
  card.customer_nps = net_promoter_score(customer_scores);
  card.coach_average = ratio(coach_total, card.coach_ratings);
}

void measure_time_to_start(Scorecard& card, const ProviderOrders& orders) {
  double total_days = 0;
  int started = 0;
  for (const OrderFacts* f : orders) {
    if (!f->order.started_at) continue;
    total_days +=
        static_cast<double>((*f->order.started_at - f->order.placed_at).count()) / kMicrosPerDay;
    ++started;
  }
  if (started > 0) card.average_days_to_start = total_days / started;
}

// Every band gets a row, even an empty one, so declines that fall on some customers and not
// others show up side by side.
template <class Band, int kBandCount, class BandOf>
std::vector<RateByBand> declines_by(const ProviderOrders& orders, BandOf band_of) {
  std::vector<RateByBand> rows(kBandCount);
  for (int i = 0; i < kBandCount; ++i) rows[i].band = std::string(to_string(static_cast<Band>(i)));
  for (const OrderFacts* f : orders) {
    if (!was_decided(f->order)) continue;
    auto& row = rows[static_cast<std::size_t>(band_of(*f))];
    ++row.decided;
    if (was_declined(f->order)) ++row.declined;
  }
  for (auto& row : rows) row.decline_rate = ratio(row.declined, row.decided);
  return rows;
}

Scorecard scorecard_for(const std::string& provider_id, const ProviderOrders& orders,
                        const PooledBaseline& baseline) {
  Scorecard card;
  card.provider_id = provider_id;
  card.orders = static_cast<int>(orders.size());
  count_decisions(card, orders);
  count_endings(card, orders);
  count_outcomes(card, orders);
  adjust_for_difficulty(card, orders, baseline);
  collect_feedback(card, orders);
  measure_time_to_start(card, orders);
  card.decline_by_unemployment = declines_by<UnemploymentBand, kUnemploymentBandCount>(
      orders, [](const OrderFacts& f) { return f.order.customer_unemployment; });
  card.decline_by_age = declines_by<AgeBand, kAgeBandCount>(
      orders, [](const OrderFacts& f) { return f.order.customer_age; });
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

std::vector<Scorecard> compute_scorecards(std::span<const OrderFacts> facts) {
  const PooledBaseline baseline(facts);
  std::map<std::string, ProviderOrders> by_provider;  // ordered, so the output is sorted by id
  for (const auto& f : facts) by_provider[f.order.provider_id].push_back(&f);

  std::vector<Scorecard> cards;
  cards.reserve(by_provider.size());
  for (const auto& [provider_id, orders] : by_provider)
    cards.push_back(scorecard_for(provider_id, orders, baseline));
  return cards;
}

}  // namespace tarjotin::domain
