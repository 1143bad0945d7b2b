#pragma once
// Providers keep their offerings in a customer-choice category current: price within the
// category's model, free places, regions, languages and when they can start.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/identity.hpp"
#include "domain/ordering/entities.hpp"
#include "domain/ordering/services.hpp"
#include "domain/result.hpp"

namespace tarjotin::domain {

struct OfferingInput {
  LocalisedText description;
  long long unit_price_cents = 0;
  std::map<std::string, long long> outcome_bonus_cents;
  int free_places = 0;
  std::vector<std::string> regions;
  std::vector<std::string> languages;
  Date earliest_start{};
  int typical_duration_days = 0;
  bool active = true;
};

// The versions of an offering an edit says it was made from (HTTP If-Match); the edit proceeds
// only from one of them. None when the editor names no version, or any ("*").
using MadeFrom = std::optional<std::vector<long long>>;

Result<Offering> create_offering(OrderingServices& s, const Actor& actor,
                                 const std::string& category_id, OfferingInput input);
// The provider keeps its offering current, free places included: refused as stale when made
// from another version than the stored one. An edit that names no version keeps the places
// orders took since (free_places_after_edit).
Result<Offering> edit_offering(OrderingServices& s, const Actor& actor,
                               const std::string& offering_id, OfferingInput input,
                               const MadeFrom& made_from = std::nullopt);
Result<Offering> read_offering(OrderingServices& s, const Actor& actor,
                               const std::string& offering_id);
// A provider sees its own; officers, coaches, auditors and admins see every one.
Result<std::vector<Offering>> list_offerings(OrderingServices& s, const Actor& actor,
                                             const std::string& category_id);

}  // namespace tarjotin::domain
