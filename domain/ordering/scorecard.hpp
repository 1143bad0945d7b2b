#pragma once
// Provider scorecards: how services have gone, per provider, in one category over a period.
// Pure functions of plain data, so the maths can be checked by hand.

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/interval.hpp"
#include "domain/ordering/entities.hpp"
#include "domain/ordering/ports.hpp"

namespace tarjotin::domain {

// Wilson score interval for a proportion (95 % with z = 1.96). Well behaved for small samples
// and rates near 0 or 1, where the textbook Wald interval collapses to a point.
std::optional<Interval> wilson_interval(int successes, int n, double z = 1.96);

// Net promoter score from 0–10 scores: promoters 9–10, passives 7–8, detractors 0–6,
// NPS = 100 × (promoters − detractors) / n.
struct NetPromoterScore {
  int responses = 0;
  int promoters = 0;
  int passives = 0;
  int detractors = 0;
  std::optional<double> score;       // -100..100; none without responses
  std::optional<Interval> interval;  // 95 %, adjusted Wald (see scorecard.cpp), -100..100
  bool operator==(const NetPromoterScore&) const = default;
};
NetPromoterScore net_promoter_score(std::span<const int> scores, double z = 1.96);
// The same from the three groups' counts.
NetPromoterScore net_promoter_score(int promoters, int passives, int detractors, double z = 1.96);

// What a choice set's entry shows of a provider, from its counts: the same figures as the
// provider's full scorecard over the same orders.
void summarise(ChoiceEntry& entry, const ChoiceRecordCounts& counts);

struct RateByBand {
  std::string band;  // the band's name, e.g. "over_24_months"
  int decided = 0;   // orders accepted or declined
  int declined = 0;
  std::optional<double> decline_rate;
  bool operator==(const RateByBand&) const = default;
};

struct Scorecard {
  std::string provider_id;
  int orders = 0;
  int accepted = 0;  // orders the provider accepted (whatever happened after)
  int declined = 0;
  std::optional<double> acceptance_rate;  // accepted / (accepted + declined)
  std::optional<Interval> acceptance_interval;
  int ended = 0;  // completed + interrupted
  int completed = 0;
  std::optional<double> completion_rate;  // completed / ended
  std::optional<Interval> completion_interval;
  std::map<OutcomeType, int> outcomes;  // latest confirmed outcome per order
  int with_outcome = 0;                 // orders with a known outcome (not `unknown`)
  int positive = 0;                     // of those, positive (is_positive)
  std::optional<double> positive_rate;
  // Indirect standardisation: each order's expected chance of a positive outcome is the
  // pooled rate, over every provider in the input, of its customer's band cell (unemployment ×
  // age). expected_positive_rate is their mean over this provider's orders with a known
  // outcome; observed/expected > 1 means better than the customers' profiles predict.
  std::optional<double> expected_positive_rate;
  std::optional<double> observed_to_expected;
  NetPromoterScore customer_nps;
  int coach_ratings = 0;
  std::optional<double> coach_average;              // 0..10
  std::optional<double> average_days_to_start;      // placed_at -> started_at, in days
  std::vector<RateByBand> decline_by_unemployment;  // one row per band, in enum order
  std::vector<RateByBand> decline_by_age;
  bool operator==(const Scorecard&) const = default;
};

// One order's tally: what it adds to its provider's, month's and customer cell's counts.
OrderTally tally_of(const OrderFacts& facts);
// Adds `part`'s counts to `total`'s (sign 1) or takes them away (sign -1); keys stay.
void add_counts(OrderTally& total, const OrderTally& part, int sign = 1);

// One scorecard per provider in `tallies`, sorted by provider id. `tallies` are the orders of
// one category in one period, in any grouping (the same order never in two); the pooled baseline
// for the difficulty adjustment comes from all of them.
std::vector<Scorecard> scorecards_from(std::span<const OrderTally> tallies);
// The same from the orders themselves: their tallies' scorecards.
std::vector<Scorecard> compute_scorecards(std::span<const OrderFacts> facts);

}  // namespace tarjotin::domain
