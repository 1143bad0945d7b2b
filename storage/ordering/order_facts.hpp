#pragma once
// Orders as scorecards and reports see them: each with its latest confirmed outcome and its
// latest customer and coach scores, read in one query.
#include <soci/soci.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/ordering/ports.hpp"
#include "storage/table.hpp"

namespace tarjotin::storage::order_facts {

// Calls `each` for every order matching the query, newest first; `head` selects the order's
// columns (over orders o, to be joined to categories c), then those `extra` lists.
using EachOrder = std::function<void(domain::Order, const std::vector<Cell>&)>;
void each_order(soci::session& sql, const std::string& head, const domain::OrderQuery& query,
                const std::vector<Cell::Kind>& extra, const EachOrder& each);

// Calls `each` with the facts of every order matching the query, newest first.
void each_fact(soci::session& sql, const domain::OrderQuery& query,
               const std::function<void(domain::OrderFacts)>& each);

// One stored order's facts; none when there is no such order.
std::optional<domain::OrderFacts> of_order(soci::session& sql, const std::string& order_id);

// The latest score an order got from one source, as a correlated subquery over orders o.
std::string latest_score_sql(domain::FeedbackSource source);

}  // namespace tarjotin::storage::order_facts
