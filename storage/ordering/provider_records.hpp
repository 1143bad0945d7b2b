#pragma once
#include <soci/soci.h>

#include <string>
#include <vector>

#include "domain/ordering/ports.hpp"

// Each provider's record in a category, kept as weekly counts beside the orders, so a choice set
// sums a year of weeks per provider instead of visiting every order of the year. The repository
// changes them in the same transaction as the order or feedback they count, so they cannot drift
// from what the full scorecards compute; a storage test compares the two.
namespace tarjotin::storage::provider_records {

// Weeks since the epoch, by the order's placing time; the table's `week` column.
inline constexpr long long kWeekMicros = 7LL * 24 * 3600 * 1'000'000;

// What one order adds to its provider's week.
struct Contribution {
  std::string category_id, provider_id;
  long long week = 0;
  int orders = 1, ended = 0, completed = 0, promoters = 0, passives = 0, detractors = 0;
  bool operator==(const Contribution&) const = default;
};

// A new order's, before any feedback.
Contribution of(const domain::Order& order);
// A stored order's, with its latest customer score.
Contribution of(const domain::OrderFacts& facts);
// Adds (sign 1) or takes away (sign -1) one order's contribution.
void count(soci::session& sql, const Contribution& c, int sign);

// Per provider with orders in the category placed at or after `placed_from`, by provider id:
// whole weeks from the table, the first (partial) week counted from its orders.
std::vector<domain::ChoiceRecordCounts> sum(soci::session& sql, const std::string& category_id,
                                            domain::Timestamp placed_from);

}  // namespace tarjotin::storage::provider_records
