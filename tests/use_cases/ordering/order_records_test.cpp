// What is kept of a delivered service: the provider's closing report, the outcome the coach
// records (and the provider may propose), and what a later provider may see of them.
#include <gtest/gtest.h>

#include "tests/use_cases/ordering/world.hpp"

namespace tarjotin::testing {
namespace {

using namespace domain;

class OrderRecords : public OrderingWorld {
 protected:
  const ClosingReportInput report{"CV ja haastattelut", "Kaksi haastattelua", "Jatka hakua", false,
                                  ""};
  Date today() const { return helsinki_date(clock.now()); }
};

TEST_F(OrderRecords, OnlyTheProviderWritesTheClosingReportOnceTheServiceEnded) {
  const auto o = offering(provider_a);
  const auto order = this->order(o, "ASIAKAS-1");
  auto early = write_closing_report(ordering, provider_a, order.id, report);
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, "not-ended");
  deliver(provider_a, order.id);
  auto by_coach = write_closing_report(ordering, coach, order.id, report);
  ASSERT_FALSE(by_coach);
  EXPECT_EQ(by_coach.error().kind, ErrorKind::forbidden);
  auto empty = write_closing_report(ordering, provider_a, order.id, {"", "x", "", false, ""});
  ASSERT_FALSE(empty);
  EXPECT_EQ(refusal(empty.error()), "/work_done required");
  const long long before = audit_head();
  const auto written = made(write_closing_report(ordering, provider_a, order.id, report));
  EXPECT_EQ(written.written_by, "seller-a");
  made(write_closing_report(ordering, provider_a, order.id, report));
  EXPECT_EQ(actions_since(before),
            (std::vector<std::string>{"closing_report.written", "closing_report.revised"}));
  EXPECT_EQ(made(read_order(ordering, coach, order.id)).closing_report, written);
  // Between the provider and the ordering coach: the officer's view has none.
  EXPECT_FALSE(made(read_order(ordering, officer, order.id)).closing_report);
}

TEST_F(OrderRecords, TheCoachRecordsTheOutcomeAndTheProvidersIsAProposal) {
  const auto o = offering(provider_a);
  const auto order = this->order(o, "ASIAKAS-1");
  auto early = record_outcome(ordering, coach, order.id, {OutcomeType::studies, today(), ""});
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, "not-ended");
  deliver(provider_a, order.id);
  auto future = record_outcome(ordering, coach, order.id,
                               {OutcomeType::studies, today() + std::chrono::days(1), ""});
  ASSERT_FALSE(future);
  EXPECT_EQ(refusal(future.error()), "/date not-future");
  auto before_order = record_outcome(ordering, coach, order.id,
                                     {OutcomeType::studies, today() - std::chrono::days(1), ""});
  ASSERT_FALSE(before_order);
  EXPECT_EQ(refusal(before_order.error()), "/date after-order");
  auto by_officer =
      record_outcome(ordering, officer, order.id, {OutcomeType::studies, today(), ""});
  ASSERT_FALSE(by_officer);
  EXPECT_EQ(by_officer.error().kind, ErrorKind::forbidden);

  const long long before = audit_head();
  const auto proposed =
      made(record_outcome(ordering, provider_a, order.id,
                          {OutcomeType::employed_permanent_full_time, today(), "Vakituinen"}));
  EXPECT_FALSE(proposed.confirmed);
  auto view = made(read_order(ordering, coach, order.id));
  EXPECT_FALSE(view.outcome);  // a proposal is not an outcome
  EXPECT_EQ(view.payable_cents, 120'000);
  clock.advance(std::chrono::hours(1));
  const auto confirmed =
      made(record_outcome(ordering, coach, order.id, {OutcomeType::studies, today(), ""}));
  EXPECT_TRUE(confirmed.confirmed);
  view = made(read_order(ordering, coach, order.id));
  EXPECT_EQ(view.outcomes, (std::vector<OutcomeRecord>{proposed, confirmed}));
  EXPECT_EQ(view.outcome, OutcomeType::studies);
  EXPECT_EQ(actions_since(before),
            (std::vector<std::string>{"outcome.proposed", "outcome.recorded"}));
}

TEST_F(OrderRecords, ALaterProviderSeesEarlierServicesOnlyUnderTheCustomersConsent) {
  const auto a = offering(provider_a);
  const auto b = offering(provider_b);
  const auto id = customer("ASIAKAS-1");
  const auto first = made(place(choice_set(id).set.id, a.id)).view.order;
  deliver(provider_a, first.id);
  const auto written = made(write_closing_report(ordering, provider_a, first.id, report));
  made(record_outcome(ordering, coach, first.id,
                      {OutcomeType::studies, today(), "Oma muistiinpano"}));
  const auto second = made(place(choice_set(id).set.id, b.id)).view.order;
  EXPECT_TRUE(made(earlier_closing_reports(ordering, provider_b, second.id)).empty());
  EXPECT_TRUE(made(earlier_outcomes(ordering, provider_b, second.id)).empty());
  const auto consent =
      made(give_consent(ordering, coach, id, {"provider-b", ConsentScope::closing_reports}));
  EXPECT_EQ(made(earlier_closing_reports(ordering, provider_b, second.id)),
            std::vector<ClosingReport>{written});
  // Outcomes are shared in a scope of their own.
  EXPECT_TRUE(made(earlier_outcomes(ordering, provider_b, second.id)).empty());
  made(give_consent(ordering, coach, id, {"provider-b", ConsentScope::outcomes}));
  const auto shared = made(earlier_outcomes(ordering, provider_b, second.id));
  ASSERT_EQ(shared.size(), 1u);
  EXPECT_EQ(shared[0].type, OutcomeType::studies);
  EXPECT_EQ(shared[0].note, "");  // the coach's own words are not the provider's to read
  EXPECT_EQ(made(earlier_outcomes(ordering, coach, second.id)).at(0).note, "Oma muistiinpano");
  made(withdraw_consent(ordering, coach, id, consent.id));
  EXPECT_TRUE(made(earlier_closing_reports(ordering, provider_b, second.id)).empty());
  auto by_officer = earlier_closing_reports(ordering, officer, second.id);
  ASSERT_FALSE(by_officer);
  EXPECT_EQ(by_officer.error().kind, ErrorKind::forbidden);
}

}  // namespace
}  // namespace tarjotin::testing
