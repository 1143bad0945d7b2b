#pragma once
// Use cases run without a server: the domain's services over the real storage on the backend
// under test (SQLite by default, a fresh file per test), with a clock the test moves. A world of
// one contracting authority with a published DPS and an open customer-choice category, two
// providers admitted to it, and a coaching unit with a coach, made through the repositories so
// that a capability's tests start from where its use cases begin.

#include <gtest/gtest.h>

#include <string>

#include "crypto/crypto.hpp"
#include "domain/ordering/offerings.hpp"
#include "domain/ordering/services.hpp"
#include "domain/qualification/services.hpp"
#include "domain/working_day_calendar.hpp"
#include "tests/support/stored_world.hpp"

namespace tarjotin::testing {

class UseCaseWorld : public StoredWorld {
 protected:
  TestClock clock{at(100)};
  crypto::SystemSecrets secrets;
  domain::WorkingDayCalendar calendar = domain::WorkingDayCalendar::finnish();
  domain::QualificationServices qualification{t.db(), clock, secrets, calendar};
  domain::OrderingServices ordering{t.db(), clock, secrets};

  static constexpr const char* kCategory = "coaching";
  const domain::Actor officer{"officer", "authority", domain::Role::officer, "", false};
  const domain::Actor provider_a{"seller-a", "provider-a", domain::Role::provider, "", false};
  const domain::Actor provider_b{"seller-b", "provider-b", domain::Role::provider, "", false};
  const domain::Actor coach{"coach", "unit", domain::Role::coach, "", false};
  const domain::Actor other_coach{"coach-2", "unit-2", domain::Role::coach, "", false};
  const domain::Actor auditor{"auditor", "authority", domain::Role::auditor, "", false};

  void SetUp() override {
    write([&](domain::Transaction& tx) {
      organisation(tx, "authority", domain::OrganisationKind::contracting_authority);
      organisation(tx, "provider-a", domain::OrganisationKind::provider);
      organisation(tx, "provider-b", domain::OrganisationKind::provider);
      organisation(tx, "unit", domain::OrganisationKind::coaching_unit);
      organisation(tx, "unit-2", domain::OrganisationKind::coaching_unit);
      for (const auto* a : {&officer, &provider_a, &provider_b, &coach, &other_coach, &auditor})
        user(tx, a->user_id, a->organisation_id, a->role);
      dps(tx, "dps");
      auto d = *tx.dpss().find("dps");
      d.state = domain::DpsState::open;
      tx.dpss().update(d);
      category(tx, kCategory, "dps");
      auto c = *tx.categories().find(kCategory);
      c.state = domain::CategoryState::open;
      c.regions = {"297", "091"};
      c.languages = {"fi", "sv"};
      c.price.outcome_bonus_cents = {{"open_market", 50'000}};
      tx.categories().update(c);
      for (const std::string p : {"provider-a", "provider-b"}) {
        domain::Application a;
        a.id = "application-" + p;
        a.provider_id = p;
        a.category_id = kCategory;
        a.state = domain::ApplicationState::admitted;
        a.received_at = a.decided_at = at(0);
        a.created_at = a.updated_at = at(0);
        tx.applications().add(a);
        tx.admissions().put(
            {p, kCategory, a.id, domain::AdmissionState::admitted, at(0), "", at(0)});
      }
    });
  }

  // An offering input that the category accepts: Kuopio, in Finnish, starting tomorrow.
  domain::OfferingInput offering_input(int free_places = 5) const {
    domain::OfferingInput in;
    in.description = {"Työhönvalmennusta", "Jobbcoachning", "Job coaching"};
    in.unit_price_cents = 120'000;
    in.free_places = free_places;
    in.regions = {"297"};
    in.languages = {"fi"};
    in.earliest_start = domain::helsinki_date(clock.now()) + std::chrono::days(1);
    in.typical_duration_days = 60;
    return in;
  }
};

}  // namespace tarjotin::testing
