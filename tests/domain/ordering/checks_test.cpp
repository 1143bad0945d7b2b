// The checks of what providers and coaches write, each refusal naming its field and rule.
#include <gtest/gtest.h>

#include "domain/ordering/customers.hpp"
#include "domain/ordering/offerings.hpp"
#include "domain/ordering/orders.hpp"
#include "domain/ordering/reports.hpp"
#include "domain/ordering/rules.hpp"

namespace tarjotin::domain {
namespace {

// The field and rule a refusal names, or "" when there was none.
std::string refusal(const Status& s) {
  if (s) return "";
  if (s.error().fields.empty()) return "(no field) " + s.error().code;
  return s.error().fields[0].pointer + " " + s.error().fields[0].rule;
}

Category category() {
  Category c;
  c.regions = {"297", "091"};
  c.languages = {"fi", "sv"};
  c.price.unit_price_ceiling_cents = 200'000;
  c.price.outcome_bonus_cents = {{"employment_open_market", 50'000}};
  return c;
}

OfferingInput offering() {
  OfferingInput in;
  in.description = {"Työhönvalmennusta", "", ""};
  in.unit_price_cents = 150'000;
  in.outcome_bonus_cents = {{"employment_open_market", 50'000}};
  in.free_places = 0;
  in.regions = {"091"};
  in.languages = {"sv"};
  in.typical_duration_days = 1;
  return in;
}

TEST(CheckOffering, TakesAnOfferingWithinTheCategory) {
  EXPECT_EQ(refusal(check_offering(offering(), category())), "");
  auto anywhere = offering();
  anywhere.regions.clear();
  EXPECT_EQ(refusal(check_offering(anywhere, category())), "");
}

TEST(CheckOffering, NamesTheFieldOutsideThePriceModel) {
  auto in = offering();
  in.unit_price_cents = 200'001;
  EXPECT_EQ(refusal(check_offering(in, category())), "/unit_price_cents price-ceiling");
  in.unit_price_cents = 0;
  EXPECT_EQ(refusal(check_offering(in, category())), "/unit_price_cents minimum");
  in = offering();
  in.outcome_bonus_cents["employment_open_market"] = 50'001;
  EXPECT_EQ(refusal(check_offering(in, category())),
            "/outcome_bonus_cents/employment_open_market price-model");
  in.outcome_bonus_cents = {{"studies", 1}};
  EXPECT_EQ(refusal(check_offering(in, category())), "/outcome_bonus_cents/studies price-model");
}

TEST(CheckOffering, NamesTheLanguageAndRegionTheCategoryDoesNotBuy) {
  auto in = offering();
  in.languages = {"fi", "en"};
  EXPECT_EQ(refusal(check_offering(in, category())), "/languages/1 category-languages");
  in = offering();
  in.regions = {"297", "049"};
  EXPECT_EQ(refusal(check_offering(in, category())), "/regions/1 category-regions");
  auto everywhere = category();
  everywhere.regions.clear();
  EXPECT_EQ(refusal(check_offering(in, everywhere)), "");
}

TEST(CheckOffering, NamesDescriptionPlacesAndDuration) {
  auto in = offering();
  in.description.fi = " ";
  EXPECT_EQ(refusal(check_offering(in, category())), "/description/fi required");
  in = offering();
  in.description.en = std::string(10'001, 'x');
  EXPECT_EQ(refusal(check_offering(in, category())), "/description/en maxLength");
  in = offering();
  in.free_places = -1;
  EXPECT_EQ(refusal(check_offering(in, category())), "/free_places minimum");
  in = offering();
  in.typical_duration_days = 0;
  EXPECT_EQ(refusal(check_offering(in, category())), "/typical_duration_days minimum");
  in = offering();
  in.regions = {"09\n1"};
  EXPECT_EQ(refusal(check_offering(in, category())), "/regions/0 pattern");
}

TEST(ApplyOffering, TakesEveryFieldOfTheInputAndKeepsIdsAndTimes) {
  Offering o;
  o.id = "o";
  o.provider_id = "p";
  o.category_id = "c";
  o.created_at = o.updated_at = Timestamp{std::chrono::microseconds{7}};
  auto in = offering();
  in.earliest_start = Date{std::chrono::days{9}};
  in.active = false;
  apply(o, in);
  Offering expected = o;
  expected.description = in.description;
  expected.unit_price_cents = in.unit_price_cents;
  expected.outcome_bonus_cents = in.outcome_bonus_cents;
  expected.free_places = in.free_places;
  expected.regions = in.regions;
  expected.languages = in.languages;
  expected.earliest_start = in.earliest_start;
  expected.typical_duration_days = in.typical_duration_days;
  expected.active = false;
  EXPECT_EQ(o, expected);
  EXPECT_EQ(o.id, "o");
  EXPECT_EQ(o.unit_price_cents, 150'000);
  EXPECT_EQ(o.earliest_start, Date{std::chrono::days{9}});
  EXPECT_FALSE(o.active);
}

TEST(CheckCustomer, RefusesAnIdentityCodeAsAReference) {
  CustomerInput in{"ASIAKAS-7", "297", {"fi"}, UnemploymentBand::under_3_months, AgeBand::under_25};
  EXPECT_EQ(refusal(check_customer(in)), "");
  in.reference = "case 010190-123A";
  EXPECT_EQ(refusal(check_customer(in)), "/reference pseudonymous");
  in.reference = std::string(65, 'x');
  EXPECT_EQ(refusal(check_customer(in)), "/reference maxLength");
  in.reference = "two\nlines";
  EXPECT_EQ(refusal(check_customer(in)), "/reference maxLength");
  in.reference = "";
  EXPECT_EQ(refusal(check_customer(in)), "/reference required");
  in.reference = "ASIAKAS-7";
  in.region = "";
  EXPECT_EQ(refusal(check_customer(in)), "/region required");
  in.region = "297";
  in.languages = {"fi", ""};
  EXPECT_EQ(refusal(check_customer(in)), "/languages/1 pattern");
}

TEST(CheckOrderInput, TakesAVisibleAsciiKeyOfAtMostTwoHundredBytes) {
  OrderInput in{"set", "offering", true, "lähellä kotia", ""};
  EXPECT_EQ(refusal(check_order_input(in)), "");
  in.idempotency_key = std::string(200, '~');
  EXPECT_EQ(refusal(check_order_input(in)), "");
  in.idempotency_key += "!";
  EXPECT_EQ(refusal(check_order_input(in)), "/Idempotency-Key maxLength");
  for (const std::string& key :
       std::vector<std::string>{"a b", "tab\t", "\x7f", "avain-ä", std::string("\0k", 2)}) {
    in.idempotency_key = key;
    EXPECT_EQ(refusal(check_order_input(in)), "/Idempotency-Key pattern") << key;
  }
}

TEST(CheckOrderInput, NamesTheKeysFormBeforeTheReasonsLength) {
  OrderInput in{"set", "offering", true, std::string(2'001, 'x'), "a b"};
  EXPECT_EQ(refusal(check_order_input(in)), "/Idempotency-Key pattern");
  in.idempotency_key = "k";
  EXPECT_EQ(refusal(check_order_input(in)), "/choice_reason maxLength");
}

TEST(RequestFingerprint, DiffersWithEveryFieldButTheKey) {
  const OrderInput in{"set", "offering", true, "reason", "key-1"};
  const auto fp = request_fingerprint(in);
  EXPECT_EQ(request_fingerprint({"set", "offering", true, "reason", "key-2"}), fp);
  EXPECT_NE(request_fingerprint({"set2", "offering", true, "reason", "key-1"}), fp);
  EXPECT_NE(request_fingerprint({"set", "offering2", true, "reason", "key-1"}), fp);
  EXPECT_NE(request_fingerprint({"set", "offering", false, "reason", "key-1"}), fp);
  EXPECT_NE(request_fingerprint({"set", "offering", true, "reason.", "key-1"}), fp);
}

TEST(CheckClosingReport, NeedsWhatWasDoneAndTheResults) {
  ClosingReportInput in{"CV", "Two interviews", "", false, ""};
  EXPECT_EQ(refusal(check_closing_report(in)), "");
  in.work_done = "";
  EXPECT_EQ(refusal(check_closing_report(in)), "/work_done required");
  in.work_done = "CV";
  in.results = "\n";
  EXPECT_EQ(refusal(check_closing_report(in)), "/results required");
  in.results = "ok";
  in.further_support = std::string(10'001, 'x');
  EXPECT_EQ(refusal(check_closing_report(in)), "/further_support maxLength");
}

TEST(CheckOutcome, AnOutcomeHasHappenedByToday) {
  const Date today{std::chrono::days{100}};
  EXPECT_EQ(refusal(check_outcome({OutcomeType::studies, today, ""}, today)), "");
  EXPECT_EQ(refusal(check_outcome({OutcomeType::studies, today + std::chrono::days(1), ""}, today)),
            "/date not-future");
  EXPECT_EQ(refusal(check_outcome({OutcomeType::studies, today, std::string(2'001, 'x')}, today)),
            "/note maxLength");
}

TEST(CheckScore, IsZeroToTenWithAShortComment) {
  EXPECT_EQ(refusal(check_score(0, "")), "");
  EXPECT_EQ(refusal(check_score(10, std::string(2'000, 'x'))), "");
  EXPECT_EQ(refusal(check_score(-1, "")), "/score range");
  EXPECT_EQ(refusal(check_score(11, "")), "/score range");
  EXPECT_EQ(refusal(check_score(5, std::string(2'001, 'x'))), "/comment maxLength");
}

TEST(CheckPeriod, IsNotEmptyAndAProvidersCoversNinetyDays) {
  const Timestamp from = Timestamp{} + std::chrono::days(1000);
  EXPECT_EQ(refusal(check_period({from, from})), "/to after-from");
  EXPECT_EQ(refusal(check_period({from, from + std::chrono::microseconds(1)})), "");
  const Period short_one{from, from + std::chrono::days(89)};
  EXPECT_EQ(refusal(check_scorecard_period(short_one, false)), "");
  EXPECT_EQ(refusal(check_scorecard_period(short_one, true)), "/from minimum-period");
  EXPECT_EQ(refusal(check_scorecard_period({from, from + std::chrono::days(90)}, true)), "");
  EXPECT_EQ(refusal(check_scorecard_period({from, from}, true)), "/to after-from");
}

TEST(MonthOf, IsTheHelsinkiMonth) {
  // 2026-01-31 22:30 UTC is 2026-02-01 00:30 in Helsinki (UTC+2 in winter).
  const auto t = std::chrono::sys_days{std::chrono::year{2026} / 1 / 31} + std::chrono::hours(22) +
                 std::chrono::minutes(30);
  EXPECT_EQ(month_of(std::chrono::time_point_cast<std::chrono::microseconds>(t)), "2026-02");
  EXPECT_EQ(
      month_of(std::chrono::time_point_cast<std::chrono::microseconds>(t - std::chrono::hours(1))),
      "2026-01");
}

}  // namespace
}  // namespace tarjotin::domain
