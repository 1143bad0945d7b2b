#pragma once
// The use-case world with a category bought by mini-competition: the same authority and DPS, the
// two providers admitted to it as well, a third provider (admitted to nothing yet), an admin of
// the authority and an officer of another authority. Tenders are sealed with the real seal.

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "crypto/tender_seal.hpp"
#include "domain/competition/evaluation.hpp"
#include "domain/competition/notifications.hpp"
#include "domain/competition/questions.hpp"
#include "domain/competition/tenders.hpp"
#include "tests/support/use_case_world.hpp"

namespace tarjotin::testing {

// Webhook URLs naming "refused" are ones the sender would refuse.
class TestWebhookTargets final : public domain::WebhookTargets {
 public:
  std::string refusal(const std::string& url) const override {
    return url.find("refused") == std::string::npos ? "" : "the address is on a private network";
  }
};

template <class T>
T must(domain::Result<T> result, const char* what) {
  if (!result) ADD_FAILURE() << what << ": " << result.error().code << " " << result.error().detail;
  return result ? std::move(*result) : T{};
}

class CompetitionWorld : public UseCaseWorld {
 protected:
  static constexpr const char* kMiniCategory = "group-coaching";
  crypto::AesGcmTenderSeal seal{std::vector<std::uint8_t>(crypto::kTenderSealKeyBytes, 7)};
  TestWebhookTargets webhook_targets;
  domain::CompetitionServices competitions{t.db(), clock, secrets, seal, webhook_targets, seal};

  const domain::Actor admin{"admin", "authority", domain::Role::admin, "", false};
  const domain::Actor other_officer{"officer-2", "authority-2", domain::Role::officer, "", false};
  const domain::Actor provider_c{"seller-c", "provider-c", domain::Role::provider, "", false};

  void SetUp() override {
    UseCaseWorld::SetUp();
    write([&](domain::Transaction& tx) {
      organisation(tx, "authority-2", domain::OrganisationKind::contracting_authority);
      organisation(tx, "provider-c", domain::OrganisationKind::provider);
      for (const auto* a : {&admin, &other_officer, &provider_c})
        user(tx, a->user_id, a->organisation_id, a->role);
      category(tx, kMiniCategory, "dps");
      auto c = *tx.categories().find(kMiniCategory);
      c.state = domain::CategoryState::open;
      c.award_method = domain::AwardMethod::mini_competition;
      tx.categories().update(c);
    });
    for (const auto* p : {"provider-a", "provider-b"}) admit(p);
  }

  // Admits `provider` to the mini-competition category, as a decided application does.
  void admit(const std::string& provider,
             domain::AdmissionState state = domain::AdmissionState::admitted) {
    write([&](domain::Transaction& tx) {
      domain::Application a;
      a.id = "mini-application-" + provider;
      a.provider_id = provider;
      a.category_id = kMiniCategory;
      a.state = domain::ApplicationState::admitted;
      a.received_at = a.decided_at = at(0);
      a.created_at = a.updated_at = at(0);
      if (!tx.applications().find(a.id)) tx.applications().add(a);
      tx.admissions().put({provider, kMiniCategory, a.id, state, at(0), "", at(0)});
    });
  }

  // Price by formula (60) and the method scored 0..10 (40); questions close in five days and
  // tenders in ten.
  domain::CompetitionInput terms() const {
    domain::CompetitionInput in;
    in.title = "Ryhmävalmennus nuorille";
    in.description = "Kuuden kuukauden ryhmävalmennus";
    in.quantity = "40 customers over 12 months";
    in.criteria = {{"price", "Hinta", domain::CriterionBasis::price, 60, 10},
                   {"method", "Menetelmä", domain::CriterionBasis::quality, 40, 10}};
    in.questions_deadline = clock.now() + std::chrono::days(5);
    in.tender_deadline = clock.now() + std::chrono::days(10);
    in.standstill_days = 14;
    return in;
  }

  std::string drafted() {
    return must(create_competition(competitions, officer, kMiniCategory, terms()), "draft")
        .competition.id;
  }
  std::string published() {
    const auto id = drafted();
    must(publish_competition(competitions, officer, id), "publish");
    // What follows happens later, so notifications read in the order they were sent.
    clock.advance(std::chrono::minutes(1));
    return id;
  }

  static domain::TenderContent content(long long price_cents, const std::string& method) {
    return {price_cents, {{"method", method}}, "Hinta sisältää ryhmätilat"};
  }
  void tender(const domain::Actor& provider, const std::string& competition_id,
              long long price_cents, const std::string& method = "Ryhmissä") {
    must(save_tender(competitions, provider, competition_id, content(price_cents, method)),
         "save a tender");
    must(submit_tender(competitions, provider, competition_id), "submit a tender");
  }

  domain::Competition stored(const std::string& competition_id) {
    domain::Competition c;
    t.db().run(domain::Access::read, [&](domain::Transaction& tx) {
      c = *tx.competitions().find(competition_id);
      return true;
    });
    return c;
  }
  void past_tender_deadline(const std::string& competition_id) {
    clock.set(stored(competition_id).tender_deadline);
  }

  // The kinds of the notifications `organisation` was sent about `subject`, oldest first.
  std::vector<std::string> told(const domain::Actor& member, const std::string& subject) {
    std::vector<std::string> kinds;
    for (const auto& n : must(list_notifications(competitions, member), "notifications"))
      if (n.subject_id == subject) kinds.insert(kinds.begin(), n.kind);
    return kinds;
  }

  std::vector<domain::RecordedEvent> audit_since(long long seq) {
    std::vector<domain::RecordedEvent> events;
    t.db().run(domain::Access::read, [&](domain::Transaction& tx) {
      events = tx.audit().after(seq, 1000);
      return true;
    });
    return events;
  }
  long long audit_head() {
    const auto all = audit_since(0);
    return all.empty() ? 0 : all.back().seq;
  }
};

}  // namespace tarjotin::testing
