// Ordering with customer choice, end to end over HTTPS: offerings, customers, stored choice sets,
// orders and their life, closing reports, outcomes, feedback, scorecards and reports.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <algorithm>
#include <atomic>
#include <set>
#include <thread>

#include "tests/api/ordering/ordering_world.hpp"

namespace tarjotin::testing {
namespace {

TEST_F(Ordering, ServiceGoesFromChoiceToScorecard) {
  const auto& provider = providers[0];
  const auto offering = offer(provider, 5);
  offer(providers[1], 5);
  const auto customer_id = customer("ASIAKAS-1001", coach.token);

  const auto set = choice(customer_id, coach.token);
  ASSERT_EQ(set.status, 201u) << set.body;
  EXPECT_EQ(schema_violation("choice-set", set.body), "") << set.body;
  ASSERT_EQ(shown(set).size(), 2u);
  EXPECT_NE(std::find(shown(set).begin(), shown(set).end(), offering), shown(set).end());
  {
    // Each card: the provider's name and the offering as it reads, beside the stored figures.
    const auto doc = set.json();
    EXPECT_EQ(std::string(doc["category_name"]["sv"].GetString()), "Jobbcoachning");
    for (const auto& e : doc["entries"].GetArray()) {
      EXPECT_NE(std::string(e["provider_name"].GetString()), "");
      EXPECT_EQ(std::string(e["offering"]["description"]["en"].GetString()), "One-to-one coaching");
      EXPECT_EQ(e["offering"]["typical_duration_days"].GetInt(), 60);
      EXPECT_TRUE(e["scorecard"]["nps_interval"].IsNull());  // no answers yet
    }
  }
  const auto set_id = field(set, "id");
  // The set is stored as shown, seed included, for an auditor to replay; the coach's reasons
  // for what is not on it are the coach's alone.
  const auto officer_view = api.get("/v1/choice-sets/" + set_id, officer.token);
  ASSERT_EQ(officer_view.status, 200u) << officer_view.body;
  const auto coach_view = api.get("/v1/choice-sets/" + set_id, coach.token);
  EXPECT_EQ(shown(officer_view), shown(set));
  EXPECT_EQ(shown(coach_view), shown(set));
  EXPECT_EQ(officer_view.json()["entries"], coach_view.json()["entries"]);
  EXPECT_EQ(officer_view.json()["left_out"].Size(), 0u);

  const auto placed = order(set_id, offering, "order-1");
  ASSERT_EQ(placed.status, 201u) << placed.body;
  EXPECT_EQ(schema_violation("order", placed.body), "") << placed.body;
  EXPECT_EQ(field(placed, "state"), "placed");
  EXPECT_EQ(number(placed, "unit_price_cents"), 150'000);
  const auto order_id = field(placed, "id");
  EXPECT_EQ(free_places(offering), 4);

  // The provider's side of the service; a coach cannot do it for them.
  EXPECT_EQ(act(order_id, "accept", coach.token).status, 403u);
  EXPECT_EQ(act(order_id, "complete", provider.token).status, 409u);
  ASSERT_EQ(act(order_id, "accept", provider.token).status, 200u);
  advance_days(3);
  ASSERT_EQ(act(order_id, "start", provider.token).status, 200u);
  advance_days(50);
  const auto completed = act(order_id, "complete", provider.token);
  ASSERT_EQ(completed.status, 200u) << completed.body;
  EXPECT_EQ(field(completed, "state"), "completed");

  const auto report = api.request(
      http::verb::put, "/v1/orders/" + order_id + "/closing-report",
      R"({"work_done":"12 tapaamista","results":"Työpaikka löytyi","next_steps":"Seuranta",)"
      R"("further_support_needed":false})",
      provider.token);
  ASSERT_EQ(report.status, 200u) << report.body;
  EXPECT_EQ(schema_violation("closing-report", report.body), "") << report.body;

  // The provider proposes; the coach's record is what counts.
  ASSERT_EQ(api.post("/v1/orders/" + order_id + "/outcomes",
                     R"({"type":"studies","date":")" + date(0) + R"("})", provider.token)
                .status,
            201u);
  const auto outcome = api.post("/v1/orders/" + order_id + "/outcomes",
                                R"({"type":"employed_permanent_full_time","date":")" + date(0) +
                                    R"(","note":"3 kk seuranta"})",
                                coach.token);
  ASSERT_EQ(outcome.status, 201u) << outcome.body;
  EXPECT_EQ(schema_violation("outcome", outcome.body), "") << outcome.body;

  const auto seen = api.get("/v1/orders/" + order_id, coach.token);
  ASSERT_EQ(seen.status, 200u);
  EXPECT_EQ(field(seen, "outcome"), "employed_permanent_full_time");
  // 1,500 € base + the offering's 400 € open-market employment bonus.
  EXPECT_EQ(number(seen, "payable_cents"), 190'000);
  EXPECT_NE(seen.body.find("Työpaikka löytyi"), std::string::npos);
  // The officer oversees the order but does not read the closing report.
  const auto officer_order = api.get("/v1/orders/" + order_id, officer.token);
  ASSERT_EQ(officer_order.status, 200u);
  EXPECT_EQ(officer_order.body.find("Työpaikka löytyi"), std::string::npos);

  const auto link = api.post("/v1/orders/" + order_id + "/feedback-link", "", coach.token);
  ASSERT_EQ(link.status, 201u) << link.body;
  EXPECT_EQ(schema_violation("feedback-link", link.body), "") << link.body;
  const auto token = field(link, "token");
  const auto form = api.get("/v1/feedback/" + token);
  ASSERT_EQ(form.status, 200u) << form.body;
  EXPECT_EQ(schema_violation("feedback-form", form.body), "") << form.body;
  EXPECT_NE(form.body.find("Jobbcoachning"), std::string::npos);
  const auto given = api.post("/v1/feedback/" + token,
                              R"({"score":10,"comment":"Hyvä valmentaja","language":"fi"})");
  ASSERT_EQ(given.status, 201u) << given.body;
  EXPECT_EQ(schema_violation("feedback-received", given.body), "") << given.body;
  ASSERT_EQ(
      api.post("/v1/orders/" + order_id + "/coach-rating", R"({"score":8})", coach.token).status,
      201u);

  const auto cards = api.get("/v1/categories/" + category_id + "/scorecards", officer.token);
  ASSERT_EQ(cards.status, 200u) << cards.body;
  EXPECT_EQ(schema_violation("scorecard-list", cards.body), "") << cards.body;
  const auto doc = cards.json();
  ASSERT_EQ(doc["items"].Size(), 1u);
  const auto& card = doc["items"][0];
  EXPECT_EQ(std::string(card["provider_id"].GetString()), provider.organisation_id);
  EXPECT_EQ(card["orders"].GetInt(), 1);
  EXPECT_EQ(card["completed"].GetInt(), 1);
  EXPECT_EQ(card["customer_nps"]["responses"].GetInt(), 1);
  EXPECT_DOUBLE_EQ(card["customer_nps"]["score"].GetDouble(), 100.0);
  EXPECT_DOUBLE_EQ(card["coach_average"].GetDouble(), 8.0);
  EXPECT_NEAR(card["average_days_to_start"].GetDouble(), 3.0, 1e-9);
  EXPECT_EQ(card["outcomes"]["employed_permanent_full_time"].GetInt(), 1);

  // The provider sees its own card only, and not one customer's score on its own.
  const auto own_cards = api.get("/v1/categories/" + category_id + "/scorecards", provider.token);
  ASSERT_EQ(own_cards.status, 200u) << own_cards.body;
  const auto own = own_cards.json();
  ASSERT_EQ(own["items"].Size(), 1u);
  EXPECT_EQ(own["items"][0]["customer_nps"]["responses"].GetInt(), 0);
  EXPECT_TRUE(own["items"][0]["customer_nps"]["score"].IsNull());
  EXPECT_EQ(
      api.get("/v1/categories/" + category_id + "/scorecards?from=" + date(-10) + "&to=" + date(0),
              provider.token)
          .status,
      422u);

  // The next customer's choice set carries the provider's record.
  const auto next = choice(customer("ASIAKAS-1002", coach.token), coach.token);
  ASSERT_EQ(next.status, 201u);
  const auto next_set = next.json();
  const rapidjson::Value* entry = nullptr;
  for (const auto& e : next_set["entries"].GetArray())
    if (e["provider_id"].GetString() == provider.organisation_id) entry = &e;
  ASSERT_NE(entry, nullptr) << next.body;
  const auto record = (*entry)["scorecard"].GetObject();
  EXPECT_EQ(record["orders"].GetInt(), 1) << next.body;
  EXPECT_EQ(record["ended"].GetInt(), 1) << next.body;
  EXPECT_EQ(record["completion_rate"].GetDouble(), 1.0) << next.body;

  const auto payables = api.get("/v1/dps/" + dps_id + "/payables", officer.token);
  ASSERT_EQ(payables.status, 200u) << payables.body;
  EXPECT_EQ(schema_violation("payable-list", payables.body), "") << payables.body;
  EXPECT_NE(payables.body.find("\"payable_cents\":190000"), std::string::npos) << payables.body;

  const auto csv = api.get("/v1/dps/" + dps_id + "/spend?format=csv", officer.token);
  ASSERT_EQ(csv.status, 200u) << csv.body;
  EXPECT_NE(csv.header("Content-Type").find("text/csv"), std::string::npos);
  const std::string provider_name =
      api.get("/v1/organisations/" + provider.organisation_id, provider.token)
          .json()["name"]
          .GetString();
  EXPECT_EQ(csv.body.rfind(
                "month,category_id,category_name,provider_id,provider_name,orders,payable_eur", 0),
            0u)
      << csv.body;
  EXPECT_NE(csv.body.find(",\"Työhönvalmennus\"," + provider.organisation_id + ",\"" +
                          provider_name + "\",1,1900.00\r\n"),
            std::string::npos)
      << csv.body;
  const auto spend = api.get("/v1/dps/" + dps_id + "/spend", officer.token);
  EXPECT_EQ(schema_violation("spend-report", spend.body), "") << spend.body;
  EXPECT_NE(spend.body.find("\"provider_name\":\"" + provider_name + "\""), std::string::npos);
  EXPECT_TRUE(server.runtime().db().verify_audit_chain().intact);
}

TEST_F(Ordering, DeclineReturnsThePlaceAndCoachCancelsOnlyBeforeTheStart) {
  const auto& provider = providers[0];
  const auto offering = offer(provider, 1);
  const auto customer_id = customer("ASIAKAS-2001", coach.token);

  const auto first = order(choice_set(customer_id), offering);
  ASSERT_EQ(first.status, 201u) << first.body;
  EXPECT_EQ(free_places(offering), 0);
  // Without free places the offering is not offered at all; the coach is told why.
  const auto empty = choice(customer_id, coach.token);
  EXPECT_TRUE(shown(empty).empty());
  EXPECT_EQ(left_out_because(empty, offering), "no_free_places");

  EXPECT_EQ(act(field(first, "id"), "decline", provider.token).status, 422u);  // no reason
  const auto declined =
      act(field(first, "id"), "decline", provider.token, "ei vapaata valmentajaa");
  ASSERT_EQ(declined.status, 200u) << declined.body;
  EXPECT_EQ(free_places(offering), 1);

  const auto second = order(choice_set(customer_id), offering);
  ASSERT_EQ(second.status, 201u);
  EXPECT_EQ(free_places(offering), 0);
  ASSERT_EQ(act(field(second, "id"), "cancel", coach.token, "asiakas muutti").status, 200u);
  EXPECT_EQ(free_places(offering), 1);

  const auto third = order(choice_set(customer_id), offering);
  ASSERT_EQ(third.status, 201u);
  const auto id = field(third, "id");
  ASSERT_EQ(act(id, "accept", provider.token).status, 200u);
  ASSERT_EQ(act(id, "start", provider.token).status, 200u);
  const auto late = act(id, "cancel", coach.token, "liian myöhään");
  EXPECT_EQ(late.status, 409u);
  EXPECT_EQ(late.problem_type(), "invalid-transition");
  EXPECT_EQ(free_places(offering), 0);
  // An interruption needs its reason too.
  EXPECT_EQ(act(id, "interrupt", provider.token).status, 422u);
  EXPECT_EQ(act(id, "interrupt", provider.token, "asiakas sairastui").status, 200u);
}

TEST_F(Ordering, CoachesRacingForTheLastPlacesGetExactlyThatManyOrders) {
  constexpr int kPlaces = 3;
  constexpr int kCoaches = 8;
  const auto offering = offer(providers[0], kPlaces);
  std::vector<std::string> sets;
  for (int i = 0; i < kCoaches; ++i)
    sets.push_back(choice_set(customer("ASIAKAS-30" + std::to_string(i), coach.token)));

  std::atomic<int> created{0}, full{0}, other{0};
  std::vector<std::thread> racers;
  for (int i = 0; i < kCoaches; ++i)
    racers.emplace_back([&, i] {
      const auto r = order(sets[i], offering);
      if (r.status == 201u)
        ++created;
      else if (r.status == 409u && r.problem_type() == "no-free-places")
        ++full;
      else
        ++other;
    });
  for (auto& t : racers) t.join();

  EXPECT_EQ(created.load(), kPlaces);
  EXPECT_EQ(full.load(), kCoaches - kPlaces);
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(orders_in_database(offering), kPlaces);
  EXPECT_EQ(free_places(offering), 0);
}

TEST_F(Ordering, RetriedOrderWithTheSameKeyReturnsTheFirstAndCreatesNothing) {
  const auto offering = offer(providers[0], 5);
  const auto set = choice_set(customer("ASIAKAS-4001", coach.token));

  const auto first = order(set, offering, "retry-me");
  ASSERT_EQ(first.status, 201u) << first.body;
  const auto again = order(set, offering, "retry-me");
  ASSERT_EQ(again.status, 201u) << again.body;
  EXPECT_EQ(field(again, "id"), field(first, "id"));
  EXPECT_EQ(again.header("Idempotent-Replayed"), "true");
  EXPECT_EQ(orders_in_database(offering), 1);
  EXPECT_EQ(free_places(offering), 4);

  const auto different = order(set, offering, "retry-me", "toinen syy");
  EXPECT_EQ(different.status, 422u) << different.body;
  EXPECT_NE(different.body.find("idempotency-key-reused"), std::string::npos);
  EXPECT_EQ(orders_in_database(offering), 1);
  // Keys belong to a coaching unit: the same key elsewhere is a different request.
  EXPECT_EQ(free_places(offering), 4);
}

TEST_F(Ordering, AnIdempotencyKeyThatIsNotVisibleAsciiIsRefusedNamingTheHeader) {
  const auto offering = offer(providers[0], 5);
  const auto set = choice_set(customer("ASIAKAS-4051", coach.token));
  for (const std::string key : {"two words", "avain-\xc3\xa4"}) {
    const auto refused = order(set, offering, key);
    ASSERT_EQ(refused.status, 422u) << refused.body;
    EXPECT_EQ(refused.header("Content-Type"), "application/problem+json");
    const auto doc = refused.json();
    ASSERT_TRUE(doc.HasMember("errors")) << refused.body;
    ASSERT_EQ(doc["errors"].Size(), 1u) << refused.body;
    EXPECT_STREQ(doc["errors"][0]["pointer"].GetString(), "/Idempotency-Key");
    EXPECT_STREQ(doc["errors"][0]["rule"].GetString(), "pattern");
  }
  EXPECT_EQ(orders_in_database(offering), 0);
  EXPECT_EQ(free_places(offering), 5);
  EXPECT_EQ(order(set, offering, "two-words").status, 201u);
}

TEST_F(Ordering, AChoiceSetBacksOneOrderAndTwoRacingForItGetOne) {
  const auto offering = offer(providers[0], 10);
  const auto set = choice_set(customer("ASIAKAS-4101", coach.token));
  std::atomic<int> created{0}, used{0}, other{0};
  std::vector<std::thread> racers;
  for (int i = 0; i < 6; ++i)
    racers.emplace_back([&, i] {
      const auto r = order(set, offering, "racer-" + std::to_string(i));
      if (r.status == 201u)
        ++created;
      else if (r.status == 409u && r.problem_type() == "choice-set-used")
        ++used;
      else
        ++other;
    });
  for (auto& t : racers) t.join();
  EXPECT_EQ(created.load(), 1);
  EXPECT_EQ(used.load(), 5);
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(orders_in_database(offering), 1);
  EXPECT_EQ(free_places(offering), 9);  // the refused ones took no place

  // The set says which order it backs; the winner's retry is still its order.
  const auto shown = api.get("/v1/choice-sets/" + set, coach.token);
  ASSERT_EQ(shown.status, 200u) << shown.body;
  EXPECT_EQ(schema_violation("choice-set", shown.body), "") << shown.body;
  const auto backing = field(shown, "order_id");
  ASSERT_FALSE(backing.empty()) << shown.body;
  for (int i = 0; i < 6; ++i) {
    const auto again = order(set, offering, "racer-" + std::to_string(i));
    if (again.status == 201u) {
      EXPECT_EQ(field(again, "id"), backing);
    }
  }
  EXPECT_EQ(orders_in_database(offering), 1);
}

TEST_F(Ordering, AChoiceSetExpiresAfterItsDays) {
  const auto offering = offer(providers[0], 10);
  const auto customer_id = customer("ASIAKAS-4201", coach.token);
  const auto set = choice_set(customer_id);
  const auto shown = api.get("/v1/choice-sets/" + set, coach.token);
  EXPECT_EQ(shown.body.find("\"order_id\":null"), shown.body.find("\"order_id\""));
  advance_days(14);
  const auto late = order(set, offering);
  EXPECT_EQ(late.status, 409u) << late.body;
  EXPECT_EQ(late.problem_type(), "choice-set-expired");
  EXPECT_EQ(orders_in_database(offering), 0);
  EXPECT_EQ(free_places(offering), 10);
  EXPECT_EQ(order(choice_set(customer_id), offering).status, 201u);  // a new one serves
}

TEST_F(Ordering, NoOneReachesAnotherUnitsOrProvidersOrdersAndCustomers) {
  const auto offering = offer(providers[0], 5);
  const auto customer_id = customer("ASIAKAS-5001", coach.token);
  const auto placed = order(choice_set(customer_id), offering);
  ASSERT_EQ(placed.status, 201u);
  const auto order_id = field(placed, "id");

  EXPECT_EQ(api.get("/v1/orders/" + order_id, other_coach.token).status, 404u);
  EXPECT_EQ(api.get("/v1/customers/" + customer_id, other_coach.token).status, 404u);
  EXPECT_EQ(api.get("/v1/customers?reference=ASIAKAS-5001", other_coach.token).status, 404u);
  EXPECT_EQ(act(order_id, "cancel", other_coach.token, "x").status, 404u);
  EXPECT_EQ(api.get("/v1/orders/" + order_id, providers[1].token).status, 404u);
  EXPECT_EQ(act(order_id, "accept", providers[1].token).status, 404u);
  const auto listed = api.get("/v1/orders", providers[1].token);
  ASSERT_EQ(listed.status, 200u);
  EXPECT_EQ(listed.body.find(order_id), std::string::npos);
  EXPECT_NE(api.get("/v1/orders", providers[0].token).body.find(order_id), std::string::npos);
  EXPECT_EQ(api.get("/v1/orders", other_coach.token).body.find(order_id), std::string::npos);
  // Another unit's coach cannot order from a choice set that is not theirs.
  const auto foreign_set = choice_set(customer_id);
  const auto r =
      api.post("/v1/orders",
               R"({"choice_set_id":")" + foreign_set + R"(","offering_id":")" + offering + R"("})",
               other_coach.token);
  EXPECT_EQ(r.status, 422u) << r.body;
}

TEST_F(Ordering, OnlyOfferingsInTheStoredChoiceSetCanBeOrdered) {
  const auto offering = offer(providers[0], 5);
  const auto customer_id = customer("ASIAKAS-6001", coach.token);
  const auto set = choice_set(customer_id);
  // Made after the set: it was never shown to the customer.
  const auto later = offer(providers[1], 5);
  const auto r = order(set, later);
  EXPECT_EQ(r.status, 422u) << r.body;
  EXPECT_NE(r.body.find("in-choice-set"), std::string::npos);
  EXPECT_EQ(orders_in_database(later), 0);
  EXPECT_EQ(order(set, offering).status, 201u);
}

TEST_F(Ordering, SuspendedProvidersOfferingsDisappearAndCannotBeOrdered) {
  const auto offering = offer(providers[0], 5);
  const auto customer_id = customer("ASIAKAS-7001", coach.token);
  const auto set = choice_set(customer_id);
  ASSERT_TRUE(domain::change_admission(server.runtime().qualification(), officer_actor(),
                                       category_id, providers[0].organisation_id,
                                       {domain::AdmissionAct::suspend, "vakuutus puuttuu"})
                  .ok());
  const auto r = order(set, offering);
  EXPECT_EQ(r.status, 409u) << r.body;
  EXPECT_EQ(r.problem_type(), "provider-not-admitted");
  const auto after = choice(customer_id, coach.token);
  EXPECT_TRUE(shown(after).empty());
  EXPECT_EQ(left_out_because(after, offering), "not_admitted");
  EXPECT_EQ(free_places(offering), 5);
}

TEST_F(Ordering, FeedbackLinkAnswersOnceAndTheProviderSeesNoCustomer) {
  const auto& provider = providers[0];
  const auto offering = offer(provider, 5);
  const auto placed = order(choice_set(customer("ASIAKAS-8001", coach.token)), offering);
  const auto id = field(placed, "id");
  // Not before the service has ended.
  EXPECT_EQ(api.post("/v1/orders/" + id + "/feedback-link", "", coach.token).status, 409u);
  for (const char* step : {"accept", "start", "complete"})
    ASSERT_EQ(act(id, step, provider.token).status, 200u);
  // The provider never holds the customer's link.
  EXPECT_EQ(api.post("/v1/orders/" + id + "/feedback-link", "", provider.token).status, 403u);
  const auto token =
      field(api.post("/v1/orders/" + id + "/feedback-link", "", coach.token), "token");
  ASSERT_FALSE(token.empty());

  EXPECT_EQ(api.post("/v1/feedback/" + token, R"({"score":11})").status, 422u);
  ASSERT_EQ(api.post("/v1/feedback/" + token, R"({"score":6,"comment":"Liian kaukana"})").status,
            201u);
  const auto reused = api.post("/v1/feedback/" + token, R"({"score":10})");
  EXPECT_EQ(reused.status, 409u);
  EXPECT_EQ(reused.problem_type(), "feedback-given");
  EXPECT_EQ(api.get("/v1/feedback/not-a-token").status, 404u);

  // The comment reaches the provider without the order it came from.
  const auto own =
      api.get("/v1/providers/" + provider.organisation_id + "/feedback", provider.token);
  ASSERT_EQ(own.status, 200u) << own.body;
  EXPECT_EQ(schema_violation("feedback-list", own.body), "") << own.body;
  EXPECT_NE(own.body.find("Liian kaukana"), std::string::npos);
  EXPECT_EQ(own.body.find(id), std::string::npos);
  const auto order_view = api.get("/v1/orders/" + id, provider.token);
  EXPECT_EQ(order_view.body.find("Liian kaukana"), std::string::npos);
  EXPECT_EQ(
      api.get("/v1/providers/" + provider.organisation_id + "/feedback", providers[1].token).status,
      404u);
}

TEST_F(Ordering, EarlierClosingReportsReachANewProviderOnlyUnderConsent) {
  const auto first = offer(providers[0], 5);
  const auto second = offer(providers[1], 5);
  const auto customer_id = customer("ASIAKAS-9001", coach.token);
  const auto a = field(order(choice_set(customer_id), first), "id");
  for (const char* step : {"accept", "start", "complete"})
    ASSERT_EQ(act(a, step, providers[0].token).status, 200u);
  ASSERT_EQ(
      api.request(http::verb::put, "/v1/orders/" + a + "/closing-report",
                  R"({"work_done":"CV päivitetty","results":"Haastattelu"})", providers[0].token)
          .status,
      200u);
  const auto b = field(order(choice_set(customer_id), second), "id");

  const auto path = "/v1/orders/" + b + "/earlier-closing-reports";
  EXPECT_EQ(api.get(path, providers[1].token).body.find("CV päivitetty"), std::string::npos);
  const auto consent = api.post(
      "/v1/customers/" + customer_id + "/consents",
      R"({"provider_id":")" + providers[1].organisation_id + R"(","scope":"closing_reports"})",
      coach.token);
  ASSERT_EQ(consent.status, 201u) << consent.body;
  const auto shared = api.get(path, providers[1].token);
  EXPECT_NE(shared.body.find("CV päivitetty"), std::string::npos);
  EXPECT_EQ(schema_violation("closing-report-list", shared.body), "") << shared.body;
  ASSERT_EQ(
      api.post("/v1/customers/" + customer_id + "/consents/" + field(consent, "id") + "/withdrawal",
               "", coach.token)
          .status,
      200u);
  EXPECT_EQ(api.get(path, providers[1].token).body.find("CV päivitetty"), std::string::npos);
}

TEST_F(Ordering, EarlierOutcomesReachANewProviderOnlyUnderTheOutcomesConsentAndWithoutNotes) {
  const auto first = offer(providers[0], 5);
  const auto second = offer(providers[1], 5);
  const auto customer_id = customer("ASIAKAS-9002", coach.token);
  const auto a = field(order(choice_set(customer_id), first), "id");
  for (const char* step : {"accept", "start", "complete"})
    ASSERT_EQ(act(a, step, providers[0].token).status, 200u);
  // A provider's proposal, then the coach's record, which alone is an outcome.
  ASSERT_EQ(api.post("/v1/orders/" + a + "/outcomes",
                     R"({"type":"studies","date":")" + date(0) + R"("})", providers[0].token)
                .status,
            201u);
  ASSERT_EQ(api.post("/v1/orders/" + a + "/outcomes",
                     R"({"type":"work_trial","date":")" + date(0) + R"(","note":"Kesken jäi"})",
                     coach.token)
                .status,
            201u);
  const auto b = field(order(choice_set(customer_id), second), "id");
  const auto path = "/v1/orders/" + b + "/earlier-outcomes";

  const auto before = api.get(path, providers[1].token);
  ASSERT_EQ(before.status, 200u) << before.body;
  EXPECT_EQ(before.json()["items"].Size(), 0u);
  const auto coach_view = api.get(path, coach.token);
  EXPECT_EQ(schema_violation("outcome-list", coach_view.body), "") << coach_view.body;
  ASSERT_EQ(coach_view.json()["items"].Size(), 1u);
  EXPECT_STREQ(coach_view.json()["items"][0]["note"].GetString(), "Kesken jäi");

  // Consent to closing reports does not open the outcomes.
  const auto grant = [&](const char* scope) {
    return api.post(
        "/v1/customers/" + customer_id + "/consents",
        R"({"provider_id":")" + providers[1].organisation_id + R"(","scope":")" + scope + R"("})",
        coach.token);
  };
  ASSERT_EQ(grant("closing_reports").status, 201u);
  EXPECT_EQ(api.get(path, providers[1].token).json()["items"].Size(), 0u);

  const auto consent = grant("outcomes");
  ASSERT_EQ(consent.status, 201u) << consent.body;
  const auto shared = api.get(path, providers[1].token);
  EXPECT_EQ(schema_violation("outcome-list", shared.body), "") << shared.body;
  ASSERT_EQ(shared.json()["items"].Size(), 1u);
  EXPECT_STREQ(shared.json()["items"][0]["type"].GetString(), "work_trial");
  EXPECT_EQ(shared.body.find("Kesken"), std::string::npos);
  EXPECT_EQ(api.get("/v1/orders/" + a + "/earlier-outcomes", providers[1].token).status, 404u);

  ASSERT_EQ(
      api.post("/v1/customers/" + customer_id + "/consents/" + field(consent, "id") + "/withdrawal",
               "", coach.token)
          .status,
      200u);
  EXPECT_EQ(api.get(path, providers[1].token).json()["items"].Size(), 0u);
}

TEST_F(Ordering, OfferingsStayWithinThePriceModelAndTheirProvider) {
  const auto over = api.post("/v1/categories/" + category_id + "/offerings",
                             R"({"description":{"fi":"Kallis"},"unit_price_cents":250000,)"
                             R"("free_places":1,"regions":["297"],"languages":["fi"],)"
                             R"("earliest_start":")" +
                                 date(0) + R"(","typical_duration_days":30})",
                             providers[0].token);
  EXPECT_EQ(over.status, 422u);
  EXPECT_NE(over.body.find("/unit_price_cents"), std::string::npos);
  EXPECT_NE(over.body.find("price-ceiling"), std::string::npos);
  const auto id = offer(providers[0], 2);
  const auto edit = api.request(http::verb::put, "/v1/offerings/" + id,
                                R"({"description":{"fi":"Toisen"},"unit_price_cents":1000,)"
                                R"("free_places":9,"regions":["297"],"languages":["fi"],)"
                                R"("earliest_start":")" +
                                    date(0) + R"(","typical_duration_days":30})",
                                providers[1].token);
  EXPECT_EQ(edit.status, 404u);
  EXPECT_EQ(api.get("/v1/offerings/" + id, providers[1].token).status, 404u);
  // Customer records are pseudonymous: an identity code is refused as a reference.
  const auto hetu = api.post("/v1/customers",
                             R"({"reference":"131052-308T","region":"297",)"
                             R"("unemployment_band":"under_3_months","age_band":"over_54"})",
                             coach.token);
  EXPECT_EQ(hetu.status, 422u);
  EXPECT_NE(hetu.body.find("pseudonymous"), std::string::npos);
}

TEST_F(Ordering, DeclinesStayInTheBandTheCustomerWasInWhenOrdered) {
  const auto offering = offer(providers[0], 2);
  const auto customer_id = customer("ASIAKAS-6001", coach.token, "over_24_months");
  const auto placed = order(choice_set(customer_id), offering);
  ASSERT_EQ(placed.status, 201u) << placed.body;
  ASSERT_EQ(act(field(placed, "id"), "decline", providers[0].token, "ei sopivaa").status, 200u);
  const auto declines_in = [&](const std::string& band) {
    const auto cards = api.get("/v1/categories/" + category_id + "/scorecards", officer.token);
    EXPECT_EQ(cards.status, 200u) << cards.body;
    const auto doc = cards.json();
    for (const auto& card : doc["items"].GetArray()) {
      if (card["provider_id"].GetString() != providers[0].organisation_id) continue;
      for (const auto& row : card["decline_by_unemployment"].GetArray())
        if (row["band"].GetString() == band) return row["declined"].GetInt();
    }
    return -1;
  };
  ASSERT_EQ(declines_in("over_24_months"), 1);
  ASSERT_EQ(declines_in("under_3_months"), 0);

  // The coach later records that the customer has been unemployed only briefly.
  const auto edited = api.request(http::verb::put, "/v1/customers/" + customer_id,
                                  R"({"reference":"ASIAKAS-6001","region":"297",)"
                                  R"("languages":["fi"],"unemployment_band":"under_3_months",)"
                                  R"("age_band":"from_30_to_54"})",
                                  coach.token);
  ASSERT_EQ(edited.status, 200u) << edited.body;
  EXPECT_EQ(declines_in("over_24_months"), 1);
  EXPECT_EQ(declines_in("under_3_months"), 0);
}

TEST_F(Ordering, ClosedCategoryTakesNoOfferingsAndNoEditThatWouldMakeOneOrderable) {
  const auto id = offer(providers[0], 2);
  const auto customer_id = customer("ASIAKAS-7001", coach.token);
  ASSERT_TRUE(domain::change_category_state(server.runtime().qualification(), officer_actor(),
                                            category_id, domain::CategoryAct::close)
                  .ok());
  const std::string body = R"({"description":{"fi":"Uusi"},"unit_price_cents":1000,)"
                           R"("free_places":3,"regions":["297"],"languages":["fi"],)"
                           R"("earliest_start":")" +
                           date(0) + R"(","typical_duration_days":30)";
  const auto created =
      api.post("/v1/categories/" + category_id + "/offerings", body + "}", providers[1].token);
  EXPECT_EQ(created.status, 409u) << created.body;
  EXPECT_EQ(created.problem_type(), "category-closed");
  const auto reopened = api.request(http::verb::put, "/v1/offerings/" + id,
                                    body + R"(,"active":true})", providers[0].token);
  EXPECT_EQ(reopened.status, 409u) << reopened.body;
  EXPECT_EQ(reopened.problem_type(), "category-closed");
  // Taking the offering out of use is still allowed.
  const auto withdrawn = api.request(http::verb::put, "/v1/offerings/" + id,
                                     body + R"(,"active":false})", providers[0].token);
  EXPECT_EQ(withdrawn.status, 200u) << withdrawn.body;
  // The closed category's other doors stay shut too.
  EXPECT_EQ(choice(customer_id, coach.token).status, 409u);
  const auto listed = api.get("/v1/categories/" + category_id + "/offerings", providers[1].token);
  EXPECT_EQ(listed.body.find("Uusi"), std::string::npos);
}

TEST_F(Ordering, EachPartyReadsTheNamesItNeedsAndOnlyTheCustomerFactsItMay) {
  const auto offering = offer(providers[0], 5);
  const auto placed = order(choice_set(customer("ASIAKAS-7001", coach.token)), offering);
  ASSERT_EQ(placed.status, 201u) << placed.body;
  const auto id = field(placed, "id");

  const auto by_coach = api.get("/v1/orders/" + id, coach.token);
  ASSERT_EQ(by_coach.status, 200u);
  EXPECT_EQ(schema_violation("order", by_coach.body), "") << by_coach.body;
  const auto c = by_coach.json();
  EXPECT_STREQ(c["category_name"]["fi"].GetString(), "Työhönvalmennus");
  EXPECT_FALSE(std::string(c["provider_name"].GetString()).empty());
  EXPECT_FALSE(std::string(c["coaching_unit_name"].GetString()).empty());
  EXPECT_STREQ(c["customer_reference"].GetString(), "ASIAKAS-7001");
  EXPECT_STREQ(c["customer_region"].GetString(), "297");

  // The provider needs the languages and the municipality to deliver, not the unit's reference.
  const auto by_provider = api.get("/v1/orders/" + id, providers[0].token);
  ASSERT_EQ(by_provider.status, 200u);
  const auto p = by_provider.json();
  EXPECT_TRUE(p["customer_reference"].IsNull());
  ASSERT_TRUE(p["customer_languages"].IsArray());
  EXPECT_STREQ(p["customer_languages"][0].GetString(), "fi");
  EXPECT_STREQ(p["customer_region"].GetString(), "297");
  EXPECT_EQ(by_provider.body.find("ASIAKAS-7001"), std::string::npos);

  // Overseers see the names, no customer facts.
  const auto listed = api.get("/v1/orders?dps_id=" + dps_id, officer.token);
  ASSERT_EQ(listed.status, 200u) << listed.body;
  EXPECT_EQ(schema_violation("order-summary-list", listed.body), "") << listed.body;
  const auto o = listed.json();
  ASSERT_EQ(o["items"].Size(), 1u);
  EXPECT_TRUE(o["items"][0]["customer_reference"].IsNull());
  EXPECT_TRUE(o["items"][0]["customer_languages"].IsNull());
  EXPECT_TRUE(o["items"][0]["customer_region"].IsNull());
  EXPECT_STREQ(o["items"][0]["category_name"]["en"].GetString(), "Job coaching");
}

TEST_F(Ordering, OrdersFilterByStateAndByWhenTheyLastChanged) {
  const auto offering = offer(providers[0], 5);
  const auto first =
      field(order(choice_set(customer("ASIAKAS-7101", coach.token)), offering), "id");
  server.clock().advance(std::chrono::minutes(1));
  const auto before_second = server::format_timestamp(server.clock().now());
  server.clock().advance(std::chrono::minutes(4));
  const auto second =
      field(order(choice_set(customer("ASIAKAS-7102", coach.token)), offering), "id");
  ASSERT_EQ(act(second, "accept", providers[0].token).status, 200u);

  const auto ids = [&](const std::string& query) {
    const auto r = api.get("/v1/orders" + query, coach.token);
    EXPECT_EQ(r.status, 200u) << r.body;
    std::set<std::string> out;
    const auto doc = r.json();
    for (const auto& item : doc["items"].GetArray()) out.insert(item["id"].GetString());
    return out;
  };
  EXPECT_EQ(ids(""), (std::set<std::string>{first, second}));
  EXPECT_EQ(ids("?state=accepted"), std::set<std::string>{second});
  EXPECT_EQ(ids("?state=placed"), std::set<std::string>{first});
  EXPECT_EQ(ids("?updated_since=" + before_second), std::set<std::string>{second});

  const auto bad_state = api.get("/v1/orders?state=lost", coach.token);
  EXPECT_EQ(bad_state.status, 422u);
  EXPECT_NE(bad_state.body.find("/state"), std::string::npos) << bad_state.body;
  const auto bad_time = api.get("/v1/orders?updated_since=yesterday", coach.token);
  EXPECT_EQ(bad_time.status, 422u);
  EXPECT_NE(bad_time.body.find("/updated_since"), std::string::npos) << bad_time.body;
}

TEST_F(Ordering, OrderPagesFollowNextWithoutSkippingOrRepeatingEvenWhenOrdersArriveMeanwhile) {
  const auto offering = offer(providers[0], 20);
  std::vector<std::string> placed;  // in placing order; three share one instant (ties by id)
  for (int i = 0; i < 7; ++i) {
    if (i % 3 == 0) server.clock().advance(std::chrono::minutes(1));
    placed.push_back(
        field(order(choice_set(customer("ASIAKAS-72" + std::to_string(i), coach.token)), offering),
              "id"));
  }
  const auto page = [&](const std::string& query) {
    const auto r = api.get("/v1/orders" + query, coach.token);
    EXPECT_EQ(r.status, 200u) << r.body;
    std::vector<std::string> ids;
    const auto doc = r.json();
    for (const auto& item : doc["items"].GetArray()) ids.push_back(item["id"].GetString());
    return std::pair{ids, doc.HasMember("next") ? std::string(doc["next"].GetString()) : ""};
  };
  const auto [whole, none] = page("");
  EXPECT_EQ(whole.size(), placed.size());
  EXPECT_EQ(none, "") << "no next page when everything fits the default 100";

  std::vector<std::string> followed;
  auto [ids, next] = page("?limit=3");
  followed.insert(followed.end(), ids.begin(), ids.end());
  // An order placed after the first page is newer than it: the pages that follow never show it.
  server.clock().advance(std::chrono::minutes(1));
  order(choice_set(customer("ASIAKAS-7299", coach.token)), offering);
  int pages = 1;
  while (!next.empty()) {
    auto [more, after] = page("?limit=3&after=" + next);
    EXPECT_LE(more.size(), 3u);
    followed.insert(followed.end(), more.begin(), more.end());
    next = after;
    ++pages;
  }
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(followed, whole) << "the pages together are the list, in its order, each once";

  for (const char* bad : {"?limit=0", "?limit=1001", "?limit=ten", "?limit=-1"}) {
    const auto r = api.get(std::string("/v1/orders") + bad, coach.token);
    EXPECT_EQ(r.status, 422u) << bad;
    EXPECT_NE(r.body.find("/limit"), std::string::npos) << r.body;
  }
  // Not hex; hex of something else; another list's cursor (an offset, "at 3").
  for (const char* bad : {"?after=zz", "?after=6869", "?after=61742033"}) {
    const auto r = api.get(std::string("/v1/orders") + bad, coach.token);
    EXPECT_EQ(r.status, 422u) << bad;
    EXPECT_NE(r.body.find("/after"), std::string::npos) << r.body;
  }
}

TEST_F(Ordering, ListsAnsweredWholeFromMemoryPageTheSameWay) {
  std::vector<std::string> made;
  for (int i = 0; i < 5; ++i) made.push_back(offer(providers[i % 2], 3));
  const std::string path = "/v1/categories/" + category_id + "/offerings";
  const auto ids_of = [](const HttpResult& r) {
    std::vector<std::string> ids;
    const auto doc = r.json();
    for (const auto& item : doc["items"].GetArray()) ids.push_back(item["id"].GetString());
    return ids;
  };
  const auto whole = api.get(path, coach.token);
  ASSERT_EQ(whole.status, 200u) << whole.body;
  std::vector<std::string> followed;
  std::string next;
  int pages = 0;
  do {
    const auto r = api.get(path + "?limit=2" + (next.empty() ? "" : "&after=" + next), coach.token);
    ASSERT_EQ(r.status, 200u) << r.body;
    const auto ids = ids_of(r);
    followed.insert(followed.end(), ids.begin(), ids.end());
    const auto doc = r.json();
    next = doc.HasMember("next") ? doc["next"].GetString() : "";
    ++pages;
  } while (!next.empty() && pages < 10);
  EXPECT_EQ(followed, ids_of(whole));
  EXPECT_EQ(followed.size(), made.size());
  EXPECT_EQ(pages, 3);
  const auto bad = api.get(path + "?after=" + std::string("6f72646572"), coach.token);  // "order"
  EXPECT_EQ(bad.status, 422u);
  EXPECT_NE(bad.body.find("/after"), std::string::npos) << bad.body;
}

}  // namespace
}  // namespace tarjotin::testing
