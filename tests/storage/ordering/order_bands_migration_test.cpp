// Migration 0008 moves the customer's bands onto each order: orders placed before it take the
// bands their customer has at migration time, once; later edits of the customer leave them be.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include "domain/ordering/ports.hpp"
#include "domain/qualification/ports.hpp"
#include "tests/support/stored_world.hpp"

namespace tarjotin {
namespace {

using namespace domain;
using testing::at;
using testing::day;

TEST(OrderBandsMigration, EarlierOrdersTakeTheirCustomersBandsOnce) {
  testing::TestDatabase t(7);  // the schema before the bands moved onto orders
  t.db().run(Access::write, [](Transaction& tx) {
    tx.organisations().add(
        {"authority", OrganisationKind::contracting_authority, "A", "FI", "", at(0)});
    tx.organisations().add({"provider", OrganisationKind::provider, "P", "FI", "", at(0)});
    tx.organisations().add({"unit", OrganisationKind::coaching_unit, "U", "FI", "", at(0)});
    return true;
  });
  t.db().with_session([](soci::session& sql) {
    // The users table of that schema has fewer columns than today's repository writes.
    sql << "INSERT INTO users (id, organisation_id, email, display_name, role, password_hash, "
           "active, created_at) VALUES ('coach', 'unit', 'coach@example.fi', 'Coach', 'coach', "
           "'x', 1, 0)";
  });
  t.db().run(Access::write, [](Transaction& tx) {
    Dps d;
    d.id = "dps";
    d.authority_id = "authority";
    d.title = "DPS";
    d.valid_from = day(0);
    d.valid_until = day(100);
    tx.dpss().add(d);
    Category c;
    c.id = "cat";
    c.dps_id = "dps";
    c.name = {"Valmennus", "", ""};
    tx.categories().add(c);
    Customer hard;
    hard.id = "hard";
    hard.coaching_unit_id = "unit";
    hard.reference = "H-1";
    hard.region = "297";
    hard.unemployment = UnemploymentBand::over_24_months;
    hard.age = AgeBand::over_54;
    hard.created_by = "coach";
    tx.customers().add(hard);
    Customer easy = hard;
    easy.id = "easy";
    easy.reference = "E-1";
    easy.unemployment = UnemploymentBand::under_3_months;
    easy.age = AgeBand::under_25;
    tx.customers().add(easy);
    return true;
  });
  t.db().with_session([](soci::session& sql) {
    // The offerings table of that schema has no version yet, which today's repository writes.
    sql << "INSERT INTO offerings (id, provider_id, category_id, description_fi, description_sv, "
           "description_en, unit_price_cents, outcome_bonus_cents, free_places, regions, "
           "languages, earliest_start, typical_duration_days, active, created_at, updated_at) "
           "VALUES ('off', 'provider', 'cat', 'Kuvaus', '', '', 100, '', 1, '', '', 0, 0, 1, 0, 0)";
    for (const std::string customer : {"hard", "easy"})
      sql << "INSERT INTO orders (id, offering_id, provider_id, category_id, customer_id, "
             "coaching_unit_id, ordered_by, unit_price_cents, outcome_bonus_cents, "
             "chosen_by_customer, choice_reason, state, reason, placed_at, updated_at, "
             "request_fingerprint) VALUES (:id, 'off', 'provider', 'cat', :customer, 'unit', "
             "'coach', 100, '', 1, '', 'declined', '', 1, 1, '')",
          soci::use(customer), soci::use(customer);
  });

  ASSERT_EQ(t.db().migrate(), t.db().migration_status().latest - 7);
  t.db().run(Access::write, [](Transaction& tx) {
    const auto hard = tx.orders().find("hard");
    const auto easy = tx.orders().find("easy");
    EXPECT_TRUE(hard && easy);
    if (!hard || !easy) return false;
    EXPECT_EQ(hard->customer_unemployment, UnemploymentBand::over_24_months);
    EXPECT_EQ(hard->customer_age, AgeBand::over_54);
    EXPECT_EQ(easy->customer_unemployment, UnemploymentBand::under_3_months);
    EXPECT_EQ(easy->customer_age, AgeBand::under_25);
    auto customer = tx.customers().find("hard");
    customer->unemployment = UnemploymentBand::from_3_to_12_months;
    tx.customers().update(*customer);
    return true;
  });
  t.db().run(Access::read, [](Transaction& tx) {
    EXPECT_EQ(tx.orders().find("hard")->customer_unemployment, UnemploymentBand::over_24_months);
    return false;
  });
}

}  // namespace
}  // namespace tarjotin
