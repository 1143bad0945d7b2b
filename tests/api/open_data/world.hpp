#pragma once
// A small published DPS for the open-data API tests: an authority with a customer-choice
// category and a mini-competition category, two admitted providers with an offering each, a
// coaching unit with a coach, and helpers that place orders and run competitions through the
// domain (the other capabilities have their own API tests).

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/competition/competitions.hpp"
#include "domain/competition/tenders.hpp"
#include "domain/ordering/choice.hpp"
#include "domain/ordering/customers.hpp"
#include "domain/ordering/offerings.hpp"
#include "domain/ordering/orders.hpp"
#include "domain/qualification/admissions.hpp"
#include "domain/qualification/applications.hpp"
#include "domain/qualification/dpss.hpp"
#include "domain/qualification/review.hpp"
#include "tests/api/open_data/ocds_validation.hpp"
#include "tests/api/support/test_server.hpp"

namespace tarjotin::testing {

template <class T>
T must(domain::Result<T> r) {
  if (!r) throw std::runtime_error(r.error().detail);
  return std::move(r).value();
}

class OpenDataWorld : public ::testing::Test {
 protected:
  TestServer server;
  ApiClient api = server.client();
  TestServer::Member officer = server.add_member(domain::OrganisationKind::contracting_authority,
                                                 domain::Role::officer, "0171450-7");
  TestServer::Member coach =
      server.add_member(domain::OrganisationKind::coaching_unit, domain::Role::coach);
  std::vector<TestServer::Member> providers;
  std::vector<std::string> offerings;
  std::string dps_id, choice_category, competition_category;

  static domain::Actor actor(const TestServer::Member& m, domain::Role role) {
    return {m.user_id, m.organisation_id, role, ""};
  }
  domain::Actor officer_actor() const { return actor(officer, domain::Role::officer); }
  domain::Actor coach_actor() const { return actor(coach, domain::Role::coach); }
  domain::Actor provider_actor(std::size_t i) const {
    return actor(providers.at(i), domain::Role::provider);
  }
  domain::Date today() { return domain::helsinki_date(server.clock().now()); }

  // An open category of the world's DPS, or of `dps`.
  std::string category(domain::AwardMethod method, const std::string& name,
                       const std::string& dps = "") {
    domain::CategoryInput in;
    in.name = {name, name + " (sv)", name + " (en)"};
    in.description = "Kuvaus: " + name;
    in.regions = {"297"};
    in.languages = {"fi"};
    in.price.unit_price_ceiling_cents = 300'000;
    in.price.outcome_bonus_cents = {{"employment_open_market", 50'000}};
    in.award_method = method;
    auto& q = server.runtime().qualification();
    const auto id = must(domain::create_category(
                             q, officer_actor(), dps.empty() ? dps_id : dps,
                             {in,
                              {{"insured", "Vakuutus voimassa?", domain::CriterionType::yes_no,
                                domain::CriterionKind::selection, 0, 0, false}}}))
                        .category.id;
    must(domain::change_category_state(q, officer_actor(), id, domain::CategoryAct::open));
    // Categories are listed in the order they were made; a moment apart, that order is known.
    server.clock().advance(std::chrono::minutes(1));
    return id;
  }

  void admit(std::size_t provider, const std::string& category_id) {
    auto& q = server.runtime().qualification();
    const auto a = provider_actor(provider);
    const auto app =
        must(domain::start_application(q, a, category_id, {{"insured", true, {}, {}, "", ""}}));
    must(domain::submit_application(q, a, app.application.id));
    must(domain::decide_application(q, officer_actor(), app.application.id, {true, ""}));
    server.clock().advance(std::chrono::minutes(1));  // admissions listed in a known order
  }

  void SetUp() override {
    auto& q = server.runtime().qualification();
    dps_id = must(domain::create_dps(q, officer_actor(),
                                     {"Työllisyyspalvelut", "Valmennuspalvelut Kuopiossa",
                                      "2026-012345", today(), today() + std::chrono::days{730}}))
                 .id;
    choice_category = category(domain::AwardMethod::customer_choice, "Työhönvalmennus");
    competition_category = category(domain::AwardMethod::mini_competition, "Ryhmävalmennus");
    must(domain::change_dps_state(q, officer_actor(), dps_id, domain::DpsAct::publish));
    for (int i = 0; i < 2; ++i) {
      providers.push_back(server.add_member(domain::OrganisationKind::provider,
                                            domain::Role::provider, finnish_business_id(600 + i)));
      admit(providers.size() - 1, choice_category);
      admit(providers.size() - 1, competition_category);
      domain::OfferingInput in;
      in.description = {"Yksilövalmennus", "", ""};
      in.unit_price_cents = 150'000 + i * 10'000;
      in.outcome_bonus_cents = {{"employment_open_market", 40'000}};
      in.free_places = 100;
      in.regions = {"297"};
      in.languages = {"fi"};
      in.earliest_start = today();
      in.typical_duration_days = 30;
      offerings.push_back(
          must(domain::create_offering(server.runtime().ordering(),
                                       provider_actor(providers.size() - 1), choice_category, in))
              .id);
    }
  }

  struct Placed {
    std::string order_id, customer_id, reference, choice_set_id;
  };

  // An order for a new customer, from the provider's offering.
  Placed place_order(std::size_t provider) {
    auto& o = server.runtime().ordering();
    static int n = 0;
    Placed p;
    p.reference = "ASIAKAS-" + std::to_string(++n);
    p.customer_id = must(domain::create_customer(o, coach_actor(),
                                                 {p.reference,
                                                  "297",
                                                  {"fi"},
                                                  domain::UnemploymentBand::over_24_months,
                                                  domain::AgeBand::under_25}))
                        .customer.id;
    p.choice_set_id =
        must(domain::make_choice_set(o, coach_actor(), {choice_category, p.customer_id, {}}))
            .set.id;
    p.order_id = must(domain::place_order(
                          o, coach_actor(),
                          {p.choice_set_id, offerings.at(provider), true, "Lähellä kotia", ""}))
                     .view.order.id;
    server.clock().advance(std::chrono::minutes(7));
    return p;
  }

  // A fresh session: a test that moves the clock by days outlives the members' first ones.
  std::string session(const TestServer::Member& m) { return api.sign_in(m.email, kPassword); }

  void act(std::size_t provider, const std::string& order_id, domain::OrderAct a) {
    must(domain::change_order(server.runtime().ordering(), provider_actor(provider), order_id,
                              {a, a == domain::OrderAct::decline ? "Ei tilaa" : ""}));
  }

  // Every page of the DPS's package, following links.next from `first`.
  std::vector<HttpResult> pages(const std::string& first, const std::string& token = "") {
    std::vector<HttpResult> out;
    std::string target = first;
    for (int guard = 0; guard < 1000; ++guard) {
      out.push_back(api.get(target, token));
      const auto doc = out.back().json();
      if (out.back().status != 200 || !doc.HasMember("links")) break;
      const std::string next = doc["links"]["next"].GetString();
      const std::string base = "https://localhost";
      EXPECT_EQ(next.rfind(base, 0), 0u) << next;
      target = next.substr(base.size());
    }
    return out;
  }
};

}  // namespace tarjotin::testing
