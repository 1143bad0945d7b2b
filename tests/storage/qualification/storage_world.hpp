#pragma once
// A fresh database with two authorities, two providers and a draft DPS of the first authority
// ("dps-1") with a category ("cat-1"); and entities with every field set, for the qualification
// repositories' round trips.

#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <string>

#include "domain/qualification/ports.hpp"
#include "tests/support/stored_world.hpp"

namespace tarjotin::testing {

class QualificationStorage : public StoredWorld {
 protected:
  void SetUp() override {
    write([](domain::Transaction& tx) {
      organisation(tx, "authority", domain::OrganisationKind::contracting_authority);
      organisation(tx, "other-authority", domain::OrganisationKind::contracting_authority);
      organisation(tx, "provider-a", domain::OrganisationKind::provider);
      organisation(tx, "provider-b", domain::OrganisationKind::provider);
      dps(tx, "dps-1");
      category(tx, "cat-1", "dps-1");
    });
  }

  // What `work` reads in a transaction of its own.
  template <class Work>
  auto read(Work&& work) {
    std::optional<decltype(work(std::declval<domain::Transaction&>()))> out;
    t.db().run(domain::Access::read, [&](domain::Transaction& tx) {
      out.emplace(work(tx));
      return false;
    });
    return std::move(*out);
  }

  static domain::Dps open_dps(const std::string& id, const std::string& authority) {
    domain::Dps d;
    d.id = id;
    d.authority_id = authority;
    d.title = "Työllisyyspalvelut " + id;
    d.description = "Valmennus- ja koulutuspalvelut";
    d.notice_reference = "2026-012345";
    d.valid_from = day(3);
    d.valid_until = day(900);
    d.state = domain::DpsState::open;
    d.created_at = at(5);
    d.updated_at = at(6);
    return d;
  }

  static domain::Category full_category(const std::string& id) {
    domain::Category c;
    c.id = id;
    c.dps_id = "dps-1";
    c.name = {"Työhönvalmennus", "Jobbcoachning", "Job coaching"};
    c.description = "Yksilöllistä valmennusta";
    c.characteristics = {"Yksilövalmennus", "Ryhmävalmennus"};
    c.regions = {"297", "749"};
    c.languages = {"fi", "sv"};
    c.price.unit = "month";
    c.price.unit_price_ceiling_cents = 250'000;
    c.price.outcome_bonus_cents = {{"employment_open_market", 50'000}, {"studies", 20'000}};
    c.award_method = domain::AwardMethod::mini_competition;
    c.state = domain::CategoryState::open;
    c.criteria_version = 3;
    c.created_at = at(7);
    c.updated_at = at(8);
    return c;
  }

  // Submitted to "cat-1", with every kind of answer; answers come back in the order of their
  // keys, so they are given in that order.
  static domain::Application submitted(const std::string& id, const std::string& provider) {
    domain::Application a;
    a.id = id;
    a.provider_id = provider;
    a.category_id = "cat-1";
    a.criteria_version = 2;
    a.state = domain::ApplicationState::submitted;
    a.answers = {{"insured", true, {}, {}, "", ""},
                 {"references", {}, {}, {}, "Kolme kuntaa", ""},
                 {"staff", {}, 12.5, {}, "", ""},
                 {"tax-certificate", false, {}, day(20), "", "attachment-1"}};
    a.received_at = at(30);
    a.decision_due = day(40);
    a.created_at = at(10);
    a.updated_at = at(30);
    return a;
  }
};

}  // namespace tarjotin::testing
