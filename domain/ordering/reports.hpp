#pragma once
// How services have gone: providers' scorecards in a category, and what was ordered under a DPS
// and is payable for it.

#include <optional>
#include <string>
#include <vector>

#include "domain/identity.hpp"
#include "domain/ordering/entities.hpp"
#include "domain/ordering/scorecard.hpp"
#include "domain/ordering/services.hpp"
#include "domain/result.hpp"

namespace tarjotin::domain {

struct Period {
  Timestamp from{};   // inclusive
  Timestamp until{};  // exclusive
};

// Officers, auditors, admins and coaches see every provider; a provider sees its own only.
Result<std::vector<Scorecard>> category_scorecards(OrderingServices& s, const Actor& actor,
                                                   const std::string& category_id, Period period);

struct SpendRow {
  std::string month;  // "YYYY-MM", Helsinki time of placing
  std::string category_id;
  std::string provider_id;
  int orders = 0;
  long long payable_cents = 0;
  LocalisedText category_name;  // so that a report reads without a lookup per row
  std::string provider_name;
};
Result<std::vector<SpendRow>> spend_report(OrderingServices& s, const Actor& actor,
                                           const std::string& dps_id, Period period);

struct PayableOrder {
  Order order;
  std::optional<OutcomeType> outcome;
  long long payable_cents = 0;
};
// Orders under a DPS with the amount payable for each; a provider sees only its own, whatever
// `provider_id` says.
Result<std::vector<PayableOrder>> payables(OrderingServices& s, const Actor& actor,
                                           const std::string& dps_id,
                                           const std::string& provider_id, Period period);

}  // namespace tarjotin::domain
