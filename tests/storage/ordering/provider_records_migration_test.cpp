// Migrations that count what was stored before them: 0015 fills the providers' weekly records, so
// a choice set made afterwards shows the same counts the full scorecards compute, and 0020 the
// reports' day tallies, so the reports count every order stored before.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include "domain/ordering/ports.hpp"
#include "domain/ordering/scorecard.hpp"
#include "domain/qualification/ports.hpp"
#include "tests/storage/ordering/ordering_world.hpp"

namespace tarjotin {
namespace {

using namespace domain;
using testing::at;
using testing::day;

// Thirty orders of two providers over ninety days in the schema of version 14 (before the weekly
// records), with states, outcomes and both sources' scores.
void store_orders_the_old_way(testing::TestDatabase& t) {
  t.db().run(Access::write, [](Transaction& tx) {
    tx.organisations().add(
        {"authority", OrganisationKind::contracting_authority, "A", "FI", "", at(0)});
    for (const std::string p : {"provider-a", "provider-b"})
      tx.organisations().add({p, OrganisationKind::provider, p, "FI", "", at(0)});
    tx.organisations().add({"unit", OrganisationKind::coaching_unit, "U", "FI", "", at(0)});
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
    return true;
  });
  t.db().with_session([](soci::session& sql) {
    // The offerings table of that schema has no version yet, which today's repository writes.
    for (const std::string p : {"provider-a", "provider-b"}) {
      const std::string id = "off-" + p;
      sql << "INSERT INTO offerings (id, provider_id, category_id, description_fi, "
             "description_sv, description_en, unit_price_cents, outcome_bonus_cents, free_places, "
             "regions, languages, earliest_start, typical_duration_days, active, created_at, "
             "updated_at) VALUES (:id, :p, 'cat', 'Kuvaus', '', '', 100, '', 1, '', '', 0, 0, 1, "
             "0, 0)",
          soci::use(id), soci::use(p);
    }
    sql << "INSERT INTO users (id, organisation_id, email, display_name, role, password_hash, "
           "active, created_at) VALUES ('coach', 'unit', 'coach@example.fi', 'Coach', 'coach', "
           "'x', 1, 0)";
    sql << "INSERT INTO customers (id, coaching_unit_id, reference, region, languages, "
           "unemployment, age, created_by, created_at, updated_at) VALUES ('cust', 'unit', "
           "'C-1', '297', 'fi', 'under_3_months', 'under_25', 'coach', 0, 0)";
    const char* states[] = {"placed", "completed", "interrupted", "declined", "completed"};
    for (int i = 0; i < 30; ++i) {
      const std::string id = "o" + std::to_string(i);
      const std::string provider = i % 3 == 0 ? "provider-b" : "provider-a";
      const std::string offering = "off-" + provider;
      const std::string state = states[i % 5];
      const long long placed = to_micros(at(i * 3 * 86'400));
      sql << "INSERT INTO orders (id, offering_id, provider_id, category_id, customer_id, "
             "coaching_unit_id, ordered_by, unit_price_cents, outcome_bonus_cents, "
             "chosen_by_customer, choice_reason, state, reason, placed_at, updated_at, "
             "request_fingerprint, customer_unemployment, customer_age, started_at) VALUES (:id, "
             ":offering, :provider, 'cat', 'cust', 'unit', 'coach', 100, '', 1, '', :state, '', "
             ":placed, :placed2, '', 'under_3_months', 'under_25', :started)",
          soci::use(id), soci::use(offering), soci::use(provider), soci::use(state),
          soci::use(placed), soci::use(placed), soci::use(placed + 86'400'000'000LL * (i % 4));
      if (i % 2 == 0) {
        const std::string xid = "x" + id;
        const std::string type = i % 4 == 0 ? "studies" : "no_change";
        const long long recorded = placed + 5;
        sql << "INSERT INTO outcomes (id, order_id, outcome_type, outcome_date, confirmed, note, "
               "recorded_by, recorded_at) VALUES (:id, :order, :type, 0, :confirmed, '', "
               "'coach', :at)",
            soci::use(xid), soci::use(id), soci::use(type), soci::use(i % 6 == 0 ? 0 : 1),
            soci::use(recorded);
      }
      if (i % 5 == 1) {
        const std::string cid = "c" + id;
        const int score = i % 11;
        sql << "INSERT INTO feedback (id, order_id, provider_id, category_id, source, score, "
               "comment, language, given_at) VALUES (:id, :order, :provider, 'cat', 'coach', "
               ":score, '', 'fi', :given)",
            soci::use(cid), soci::use(id), soci::use(provider), soci::use(score), soci::use(placed);
      }
      for (int answer = 0; answer < i % 3; ++answer) {  // none, one or two; the latest counts
        const std::string fid = id + "-" + std::to_string(answer);
        const int score = (i * 7 + answer * 5) % 11;
        const long long given = placed + answer;
        sql << "INSERT INTO feedback (id, order_id, provider_id, category_id, source, score, "
               "comment, language, given_at) VALUES (:id, :order, :provider, 'cat', 'customer', "
               ":score, '', 'fi', :given)",
            soci::use(fid), soci::use(id), soci::use(provider), soci::use(score), soci::use(given);
      }
    }
  });
}

TEST(ProviderRecordsMigration, OrdersStoredBeforeItCountInTheRecords) {
  testing::TestDatabase t(14);
  store_orders_the_old_way(t);
  ASSERT_EQ(t.db().migrate(), t.db().migration_status().latest - 14);
  t.db().run(Access::read, [](Transaction& tx) {
    const auto from = at(20 * 86'400);  // inside a week: part from the table, part counted
    const auto counts = tx.orders().choice_record_counts("cat", from);
    OrderQuery window;
    window.category_id = "cat";
    window.placed_from = from;
    const auto cards = compute_scorecards(tx.orders().facts(window));
    EXPECT_EQ(counts.size(), 2u);
    EXPECT_EQ(counts.size(), cards.size());
    for (std::size_t i = 0; i < std::min(counts.size(), cards.size()); ++i) {
      const auto& c = cards[i];
      EXPECT_EQ(counts[i], (ChoiceRecordCounts{c.provider_id, c.orders, c.ended, c.completed,
                                               c.customer_nps.promoters, c.customer_nps.passives,
                                               c.customer_nps.detractors}));
    }
    return false;
  });
}

TEST(OrderTalliesMigration, OrdersStoredBeforeItCountInTheTallies) {
  testing::TestDatabase t(14);
  store_orders_the_old_way(t);
  t.db().migrate();
  t.db().run(Access::read, [](Transaction& tx) {
    TallyQuery all;
    all.category_id = "cat";
    all.first_day = helsinki_date(at(-86'400));
    all.end_day = helsinki_date(at(100 * 86'400));
    const auto kept = testing::grouped(tx.orders().tallies(all));
    const auto counted = testing::grouped(tx.orders().facts({}));
    EXPECT_EQ(kept, counted);
    OrderTally sum;
    for (const auto& [key, tally] : counted) add_counts(sum, tally);
    EXPECT_EQ(sum.orders, 30);
    EXPECT_GT(sum.coach_ratings, 0);
    EXPECT_GT(sum.outcomes[static_cast<std::size_t>(OutcomeType::studies)], 0);
    EXPECT_GT(sum.micros_to_start, 0);
    return false;
  });
}

}  // namespace
}  // namespace tarjotin
