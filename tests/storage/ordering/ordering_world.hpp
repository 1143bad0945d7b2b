#pragma once
// The ordering repositories' tests start from here: the organisations, users, DPSs and
// categories orders need, and builders of offerings, customers and orders with every field set.

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "domain/ordering/ports.hpp"
#include "domain/ordering/scorecard.hpp"
#include "domain/qualification/ports.hpp"
#include "tests/support/stored_world.hpp"

namespace tarjotin::testing {

using namespace domain;

// An OrderQuery built field by field: Query().provider("p").until(t).
struct Query : OrderQuery {
  Query& provider(std::string v) { return provider_id = std::move(v), *this; }
  Query& unit(std::string v) { return coaching_unit_id = std::move(v), *this; }
  Query& category(std::string v) { return category_id = std::move(v), *this; }
  Query& dps(std::string v) { return dps_id = std::move(v), *this; }
  Query& customer(std::string v) { return customer_id = std::move(v), *this; }
  Query& from(Timestamp t) { return placed_from = t, *this; }
  Query& until(Timestamp t) { return placed_until = t, *this; }
};

// Tallies summed per category, month, provider and customer cell: the same for any two lists of
// tallies that count the same orders, however each list groups them.
using TallyGroups =
    std::map<std::tuple<std::string, std::string, std::string, UnemploymentBand, AgeBand>,
             OrderTally>;
inline TallyGroups grouped(const std::vector<OrderTally>& tallies) {
  TallyGroups out;
  for (const auto& t : tallies) {
    auto [at, added] =
        out.try_emplace({t.category_id, t.month, t.provider_id, t.unemployment, t.age}, t);
    if (!added) add_counts(at->second, t);
  }
  return out;
}
inline TallyGroups grouped(const std::vector<OrderFacts>& facts) {
  std::vector<OrderTally> tallies;
  for (const auto& f : facts) tallies.push_back(tally_of(f));
  return grouped(tallies);
}

class Ordering : public StoredWorld {
 protected:
  void SetUp() override {
    write([](Transaction& tx) {
      organisation(tx, "authority", OrganisationKind::contracting_authority);
      organisation(tx, "provider-a", OrganisationKind::provider);
      organisation(tx, "provider-b", OrganisationKind::provider);
      organisation(tx, "unit-a", OrganisationKind::coaching_unit);
      organisation(tx, "unit-b", OrganisationKind::coaching_unit);
      user(tx, "coach-a", "unit-a", Role::coach);
      user(tx, "coach-b", "unit-b", Role::coach);
      user(tx, "seller-a", "provider-a", Role::provider);
      for (const std::string n : {"1", "2"}) {
        dps(tx, "dps-" + n);
        category(tx, "cat-" + n, "dps-" + n);
      }
    });
  }

  static Offering offering(const std::string& id, const std::string& provider,
                           const std::string& category, int places) {
    Offering o;
    o.id = id;
    o.provider_id = provider;
    o.category_id = category;
    o.description = {"Kuvaus", "Beskrivning", "Description"};
    o.unit_price_cents = 150'000;
    o.outcome_bonus_cents = {{"employed_permanent_full_time", 50'000}, {"studies", 20'000}};
    o.free_places = places;
    o.regions = {"297", "091"};
    o.languages = {"fi", "sv"};
    o.earliest_start = day(10);
    o.typical_duration_days = 90;
    o.active = true;
    o.created_at = at(1);
    o.updated_at = at(2);
    return o;
  }

  static Customer customer(const std::string& id, const std::string& unit,
                           const std::string& reference) {
    Customer c;
    c.id = id;
    c.coaching_unit_id = unit;
    c.reference = reference;
    c.region = "297";
    c.languages = {"fi", "en"};
    c.unemployment = UnemploymentBand::from_12_to_24_months;
    c.age = AgeBand::under_25;
    c.created_by = unit == "unit-a" ? "coach-a" : "coach-b";
    c.created_at = at(3);
    c.updated_at = at(4);
    return c;
  }

  static Order order(const std::string& id, const std::string& offering_id,
                     const std::string& provider, const std::string& category,
                     const std::string& customer_id, const std::string& unit, Timestamp placed) {
    Order o;
    o.id = id;
    o.offering_id = offering_id;
    o.provider_id = provider;
    o.category_id = category;
    o.customer_id = customer_id;
    o.coaching_unit_id = unit;
    o.ordered_by = unit == "unit-a" ? "coach-a" : "coach-b";
    o.unit_price_cents = 150'000;
    o.placed_at = placed;
    o.updated_at = placed;
    o.request_fingerprint = "fp-" + id;
    return o;
  }

  // A choice set of customer a, made in unit a, without entries.
  static ChoiceSet choice_set(const std::string& id) {
    ChoiceSet s;
    s.id = id;
    s.category_id = "cat-1";
    s.customer_id = "cust-a";
    s.coaching_unit_id = "unit-a";
    s.requested_by = "coach-a";
    return s;
  }

  // Two offerings (provider a in category 1, provider b in category 2), a customer in each
  // unit, and a third customer in unit a.
  void add_basics() {
    write([](Transaction& tx) {
      tx.offerings().add(offering("off-a", "provider-a", "cat-1", 5));
      tx.offerings().add(offering("off-b", "provider-b", "cat-2", 5));
      tx.customers().add(customer("cust-a", "unit-a", "A-1"));
      tx.customers().add(customer("cust-b", "unit-b", "B-1"));
      auto older = customer("cust-c", "unit-a", "A-2");
      older.unemployment = UnemploymentBand::over_24_months;
      older.age = AgeBand::over_54;
      tx.customers().add(older);
    });
  }

  std::vector<std::string> list_ids(const OrderQuery& query) {
    std::vector<std::string> ids;
    write([&](Transaction& tx) {
      for (const auto& o : tx.orders().list(query)) ids.push_back(o.id);
    });
    return ids;
  }
};

}  // namespace tarjotin::testing
