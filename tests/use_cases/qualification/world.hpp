#pragma once
// The use-case world for qualification: the shared world (a published DPS with an open category
// to which providers A and B are admitted) with the category's criteria, a provider C that has
// not applied yet, the officer of another authority and an administrator; and what the tests
// read back: the audit trail since a point, a provider's notifications, the stored documents.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/competition/entities.hpp"
#include "domain/competition/ports.hpp"
#include "domain/qualification/applications.hpp"
#include "domain/qualification/ports.hpp"
#include "tests/support/use_case_world.hpp"

namespace tarjotin::testing {

class QualificationWorld : public UseCaseWorld {
 protected:
  const domain::Actor provider_c{"seller-c", "provider-c", domain::Role::provider, "", false};
  const domain::Actor other_officer{"officer-2", "authority-2", domain::Role::officer, "", false};
  const domain::Actor admin{"admin", "authority-2", domain::Role::admin, "", false};

  void SetUp() override {
    UseCaseWorld::SetUp();
    write([&](domain::Transaction& tx) {
      organisation(tx, "provider-c", domain::OrganisationKind::provider);
      organisation(tx, "authority-2", domain::OrganisationKind::contracting_authority);
      for (const auto* a : {&provider_c, &other_officer, &admin})
        user(tx, a->user_id, a->organisation_id, a->role);
      tx.categories().put_criteria(kCategory, 1, criteria());
    });
  }

  // Insured (yes or no), at least two coaches, and a tax certificate at most 90 days old with
  // the certificate attached.
  static std::vector<domain::Criterion> criteria() {
    using domain::CriterionKind;
    using domain::CriterionType;
    return {{"insured", "Vastuuvakuutus voimassa?", CriterionType::yes_no, CriterionKind::selection,
             0, 0, false},
            {"staff", "Valmentajien määrä?", CriterionType::number_at_least,
             CriterionKind::selection, 2, 0, false},
            {"tax-certificate", "Verovelkatodistuksen päivä?", CriterionType::date_within_days,
             CriterionKind::exclusion_ground, 0, 90, true}};
  }

  domain::Date today() const { return domain::helsinki_date(clock.now()); }

  // Answers that meet the first two criteria and date the certificate `certificate_age` days ago.
  std::vector<domain::Answer> answers(int certificate_age = 10) const {
    return {{"insured", true, {}, {}, "", ""},
            {"staff", {}, 3.0, {}, "", ""},
            {"tax-certificate", {}, {}, today() - std::chrono::days{certificate_age}, "", ""}};
  }

  // Provider C's application, started with answers() and submitted.
  std::string submitted_application() {
    auto started = domain::start_application(qualification, provider_c, kCategory, answers());
    EXPECT_TRUE(started) << started.error().detail;
    auto submitted = domain::submit_application(qualification, provider_c, started->application.id);
    EXPECT_TRUE(submitted) << submitted.error().detail;
    return started->application.id;
  }

  std::vector<domain::RecordedEvent> audit_since(long long seq) {
    std::vector<domain::RecordedEvent> events;
    t.db().run(domain::Access::read, [&](domain::Transaction& tx) {
      events = tx.audit().after(seq, 1000);
      return false;
    });
    return events;
  }
  long long audit_head() {
    const auto all = audit_since(0);
    return all.empty() ? 0 : all.back().seq;
  }
  // The actions of the events after `seq`, in their order.
  std::vector<std::string> actions_since(long long seq) {
    std::vector<std::string> out;
    for (const auto& e : audit_since(seq)) out.push_back(e.event.action);
    return out;
  }

  std::vector<domain::Notification> notifications_of(const std::string& organisation_id) {
    std::vector<domain::Notification> out;
    t.db().run(domain::Access::read, [&](domain::Transaction& tx) {
      out = tx.notifications().list_for_organisation(organisation_id, 100);
      return false;
    });
    return out;
  }

  std::optional<domain::Admission> admission_of(const std::string& provider_id) {
    std::optional<domain::Admission> out;
    t.db().run(domain::Access::read, [&](domain::Transaction& tx) {
      out = tx.admissions().find(provider_id, kCategory);
      return false;
    });
    return out;
  }
};

}  // namespace tarjotin::testing
