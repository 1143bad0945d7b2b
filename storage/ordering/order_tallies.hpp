#pragma once
// The officer's reports' counts, kept per Helsinki day and per month beside the orders: per
// category, provider, month (and day) and customer cell, what domain::OrderTally counts. The
// order repository changes them in the same transaction as the order, outcome or feedback they
// count, so a report over years reads a row per provider, cell and month (and per day for the
// months it begins or ends in) instead of visiting every order with its outcome and scores; a
// storage test compares them with the orders counted one by one.
#include <soci/soci.h>

#include <vector>

#include "domain/ordering/ports.hpp"
#include "storage/ordering/tables.hpp"

namespace tarjotin::storage::order_tallies {

// One order's row and what it adds to it.
ordering_tables::TallyRow of(const domain::OrderFacts& facts);
// Adds (sign 1) or takes away (sign -1) one order's counts.
void count(soci::session& sql, const ordering_tables::TallyRow& row, int sign);
// Summed per category, month, provider and cell over the query's whole days (a month may come
// in more than one tally).
std::vector<domain::OrderTally> read(soci::session& sql, const domain::TallyQuery& query);
// Counts every order stored, for a schema that had no tallies before.
void fill(soci::session& sql);

}  // namespace tarjotin::storage::order_tallies
