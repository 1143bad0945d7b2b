#pragma once
// Open data: what anyone may know of a DPS — the DPS as published, its authority, its
// categories, the providers admitted to them (with public organisation data only) and its orders
// as call-offs without anything of the customer — from which Tarjotin publishes OCDS releases
// and eForms-shaped notice data for the notice service.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/competition/entities.hpp"
#include "domain/identity.hpp"
#include "domain/ordering/ports.hpp"
#include "domain/qualification/entities.hpp"
#include "domain/time.hpp"

namespace tarjotin::domain {

// What the trade register says of an organisation anyway: never its users or contacts.
struct PublicOrganisation {
  std::string id;
  std::string name;
  std::string country;      // ISO 3166-1 alpha-2
  std::string business_id;  // empty when it has none
  bool operator==(const PublicOrganisation&) const = default;
};

PublicOrganisation public_part(const Organisation& o);

// An order as a call-off from the DPS: what was bought from whom, when and at what price. The
// customer, the coaching unit, the coach and the choice stay out: an order is public only as a
// purchase.
struct CallOff {
  std::string id;
  std::string category_id;
  std::string provider_id;
  OrderState state = OrderState::placed;
  long long unit_price_cents = 0;
  long long payable_cents = 0;  // once delivered: the price and the bonus its outcome earned
  Timestamp placed_at{};
  std::optional<Timestamp> accepted_at;
  std::optional<Timestamp> started_at;
  std::optional<Timestamp> ended_at;
  bool operator==(const CallOff&) const = default;
};

CallOff call_off_of(const OrderFacts& facts);

// Completed, or interrupted after the start: what the provider is paid for.
bool is_delivered(OrderState s);

// A DPS with what its reader may see around it: for open data, a published DPS with its
// categories that are not drafts.
struct PublicDps {
  Dps dps;
  PublicOrganisation authority;
  std::vector<Category> categories;
  std::vector<Admission> admissions;                    // to those categories, in any state
  std::map<std::string, PublicOrganisation> providers;  // of those admissions, by id
};

// A mini-competition as its readers may know it today: no tender and no count of tenders before
// the opening; the winner and its price once awarded.
struct PublicCompetition {
  Competition competition;
  Dps dps;
  Category category;
  PublicOrganisation authority;
  std::optional<int> tenders;  // submitted tenders, once opened
  std::optional<PublicOrganisation> winner;
  long long winning_price_cents = 0;
};

}  // namespace tarjotin::domain
