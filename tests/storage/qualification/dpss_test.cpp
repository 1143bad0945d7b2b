// DPSs, categories and their versioned criteria against real storage, on the backend under test:
// each comes back whole, so a field its table's mapping forgets fails here.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/storage/qualification/storage_world.hpp"

namespace tarjotin {
namespace {

using namespace domain;
using testing::at;
using testing::day;
using testing::QualificationStorage;

TEST_F(QualificationStorage, ADpsComesBackWholeAndItsOwnerAndBirthNeverChange) {
  const Dps d = open_dps("dps-2", "authority");
  write([&](Transaction& tx) { tx.dpss().add(d); });
  const auto find = [&] { return read([](Transaction& tx) { return tx.dpss().find("dps-2"); }); };
  EXPECT_EQ(find(), d);

  Dps edited = d;
  edited.title = "Uusi otsikko";
  edited.description = "";
  edited.notice_reference = "2026-999";
  edited.valid_from = day(4);
  edited.valid_until = day(1200);
  edited.state = DpsState::suspended;
  edited.updated_at = at(9);
  Dps attempted = edited;
  attempted.authority_id = "other-authority";
  attempted.created_at = at(99);
  write([&](Transaction& tx) { tx.dpss().update(attempted); });
  EXPECT_EQ(find(), edited);
  EXPECT_FALSE(read([](Transaction& tx) { return tx.dpss().find("dps-none"); }));
}

TEST_F(QualificationStorage, DraftsAreListedOnlyForTheirAuthority) {
  write([&](Transaction& tx) {
    tx.dpss().add(open_dps("dps-open", "other-authority"));
    auto draft = open_dps("dps-draft", "other-authority");
    draft.state = DpsState::draft;
    tx.dpss().add(draft);
  });
  const auto ids = [&](const std::string& authority) {
    std::vector<std::string> out;
    for (const auto& d : read([&](Transaction& tx) { return tx.dpss().list_visible(authority); }))
      out.push_back(d.id);
    return out;
  };
  // dps-1 is the world's draft of "authority", made first.
  EXPECT_EQ(ids("other-authority"), (std::vector<std::string>{"dps-open", "dps-draft"}));
  EXPECT_EQ(ids("authority"), (std::vector<std::string>{"dps-1", "dps-open"}));
  EXPECT_EQ(ids("-"), (std::vector<std::string>{"dps-open"}));
}

TEST_F(QualificationStorage, ACategoryComesBackWholeWithItsPriceModel) {
  const Category c = full_category("cat-2");
  write([&](Transaction& tx) { tx.categories().add(c); });
  const auto find = [&] {
    return read([](Transaction& tx) { return tx.categories().find("cat-2"); });
  };
  EXPECT_EQ(find(), c);

  // Every detail may change but the DPS it was made in and when it was made.
  Category edited = c;
  edited.name = {"Valmennus", "", ""};
  edited.description = "Muutettu";
  edited.characteristics = {};
  edited.regions = {"091"};
  edited.languages = {"en"};
  edited.price.unit = "service";
  edited.price.unit_price_ceiling_cents.reset();
  edited.price.outcome_bonus_cents = {{"studies", 30'000}};
  edited.award_method = AwardMethod::customer_choice;
  edited.state = CategoryState::closed;
  edited.criteria_version = 4;
  edited.updated_at = at(20);
  Category attempted = edited;
  attempted.created_at = at(99);
  write([&](Transaction& tx) {
    dps(tx, "dps-2");
    attempted.dps_id = "dps-2";
    tx.categories().update(attempted);
  });
  EXPECT_EQ(find(), edited);
  const auto listed = read([](Transaction& tx) { return tx.categories().list_for_dps("dps-1"); });
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].id, "cat-1");
  EXPECT_EQ(listed[1], edited);
  EXPECT_TRUE(read([](Transaction& tx) { return tx.categories().list_for_dps("dps-2"); }).empty());
}

TEST_F(QualificationStorage, CriteriaAreKeptPerVersionInTheirOrder) {
  const std::vector<Criterion> first = {
      {"tax-certificate", "Verovelkatodistus?", CriterionType::date_within_days,
       CriterionKind::exclusion_ground, 0, 90, true},
      {"staff", "Henkilöstön määrä?", CriterionType::number_at_least, CriterionKind::selection, 2.5,
       0, false},
      {"insured", "Vastuuvakuutus?", CriterionType::yes_no, CriterionKind::selection, 0, 0, false},
      {"references", "Referenssit?", CriterionType::text, CriterionKind::selection, 0, 0, false},
      {"policy", "Vakuutuskirja", CriterionType::attachment, CriterionKind::selection, 0, 0, true},
  };
  const std::vector<Criterion> second = {first[2]};
  write([&](Transaction& tx) {
    tx.categories().put_criteria("cat-1", 1, first);
    tx.categories().put_criteria("cat-1", 2, second);
  });
  const auto version = [&](int v) {
    return read([&](Transaction& tx) { return tx.categories().criteria("cat-1", v); });
  };
  EXPECT_EQ(version(1), first);
  EXPECT_EQ(version(2), second);
  EXPECT_TRUE(version(3).empty());

  // Setting a version again replaces it, and only it.
  write([&](Transaction& tx) { tx.categories().put_criteria("cat-1", 1, {first[1], first[0]}); });
  EXPECT_EQ(version(1), (std::vector<Criterion>{first[1], first[0]}));
  EXPECT_EQ(version(2), second);
}

}  // namespace
}  // namespace tarjotin
