// Admissions after the decision: suspended, reinstated and excluded by the authority with a
// reason the provider is told, and what the public then sees. The use cases over real storage,
// without a server.
#include <gtest/gtest.h>

#include "domain/qualification/admissions.hpp"
#include "tests/use_cases/qualification/world.hpp"

namespace tarjotin {
namespace {

using namespace domain;
using testing::QualificationWorld;

class Admissions : public QualificationWorld {
 protected:
  std::vector<std::string> public_list() {
    const auto listed = admitted_providers(qualification, kCategory);
    EXPECT_TRUE(listed);
    std::vector<std::string> out;
    for (const auto& p : *listed) out.push_back(p.provider_id);
    return out;
  }
};

TEST_F(Admissions, ASuspensionGivesItsReasonTellsTheProviderAndHidesItFromThePublic) {
  auto silent = change_admission(qualification, officer, kCategory, "provider-a",
                                 {AdmissionAct::suspend, " "});
  ASSERT_FALSE(silent);
  EXPECT_EQ(silent.error().fields.at(0).pointer, "/reason");
  clock.advance(std::chrono::hours{1});
  const long long before = audit_head();
  auto suspended = change_admission(qualification, officer, kCategory, "provider-a",
                                    {AdmissionAct::suspend, "Vakuutus päättyi"});
  ASSERT_TRUE(suspended) << suspended.error().detail;
  const Admission expected{"provider-a",
                           kCategory,
                           "application-provider-a",
                           AdmissionState::suspended,
                           testing::at(0),
                           "Vakuutus päättyi",
                           clock.now()};
  EXPECT_EQ(*suspended, expected);
  EXPECT_EQ(admission_of("provider-a"), expected);
  const auto events = audit_since(before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event.action, "admission.suspended");
  EXPECT_EQ(events[0].event.object_id, "provider-a/coaching");
  EXPECT_EQ(events[0].event.before, "admitted");
  const auto told = notifications_of("provider-a");
  ASSERT_EQ(told.size(), 1u);
  EXPECT_EQ(told[0].kind, "admission.suspended");
  EXPECT_EQ(told[0].subject_id, kCategory);
  EXPECT_EQ(told[0].text, "Admission suspended: Valmennus coaching (Vakuutus päättyi)");
  EXPECT_TRUE(notifications_of("provider-b").empty());
  EXPECT_EQ(public_list(), std::vector<std::string>{"provider-b"});
  // The provider's application says what admitting it has led to since.
  const auto view = read_application(qualification, provider_a, "application-provider-a");
  ASSERT_TRUE(view && view->admission);
  EXPECT_EQ(view->admission->state, AdmissionState::suspended);
}

TEST_F(Admissions, AReinstatementNeedsNoReasonAndBringsTheProviderBack) {
  ASSERT_TRUE(change_admission(qualification, officer, kCategory, "provider-a",
                               {AdmissionAct::suspend, "Vakuutus päättyi"}));
  clock.advance(std::chrono::hours{1});
  auto reinstated = change_admission(qualification, officer, kCategory, "provider-a",
                                     {AdmissionAct::reinstate, ""});
  ASSERT_TRUE(reinstated) << reinstated.error().detail;
  EXPECT_EQ(reinstated->state, AdmissionState::admitted);
  EXPECT_EQ(public_list(), (std::vector<std::string>{"provider-a", "provider-b"}));
  const auto told = notifications_of("provider-a");
  ASSERT_EQ(told.size(), 2u);
  EXPECT_EQ(told[0].kind, "admission.reinstated");  // newest first
  EXPECT_EQ(told[0].text, "Admission reinstated: Valmennus coaching");
}

TEST_F(Admissions, AnExclusionIsFinalAndOfficersStillSeeItWithItsReason) {
  ASSERT_TRUE(change_admission(qualification, officer, kCategory, "provider-b",
                               {AdmissionAct::exclude, "Verovelka"}));
  auto back = change_admission(qualification, officer, kCategory, "provider-b",
                               {AdmissionAct::reinstate, ""});
  ASSERT_FALSE(back);
  EXPECT_EQ(back.error().code, "invalid-transition");
  EXPECT_EQ(back.error().detail, "an admission in state 'excluded' cannot reinstate");
  EXPECT_EQ(notifications_of("provider-b").at(0).text, "Excluded: Valmennus coaching (Verovelka)");
  auto all = list_admissions(qualification, officer, kCategory, std::nullopt);
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2u);
  auto excluded = list_admissions(qualification, officer, kCategory, AdmissionState::excluded);
  ASSERT_TRUE(excluded);
  ASSERT_EQ(excluded->size(), 1u);
  EXPECT_EQ(excluded->front().provider.id, "provider-b");
  EXPECT_EQ(excluded->front().provider.name, "provider-b name");
  EXPECT_EQ(excluded->front().admission.reason, "Verovelka");
  EXPECT_EQ(public_list(), std::vector<std::string>{"provider-a"});
}

TEST_F(Admissions, OnlyTheAuthoritysOfficersChangeOrListAdmissions) {
  const long long before = audit_head();
  auto by_auditor = change_admission(qualification, auditor, kCategory, "provider-a",
                                     {AdmissionAct::suspend, "Tarkastus"});
  ASSERT_FALSE(by_auditor);
  EXPECT_EQ(by_auditor.error().kind, ErrorKind::forbidden);
  auto by_stranger = change_admission(qualification, other_officer, kCategory, "provider-a",
                                      {AdmissionAct::suspend, "Tarkastus"});
  ASSERT_FALSE(by_stranger);
  EXPECT_EQ(by_stranger.error().kind, ErrorKind::not_found);
  auto listed = list_admissions(qualification, other_officer, kCategory, std::nullopt);
  ASSERT_FALSE(listed);
  EXPECT_EQ(listed.error().kind, ErrorKind::not_found);
  auto nobody = change_admission(qualification, officer, kCategory, "provider-c",
                                 {AdmissionAct::suspend, "Tarkastus"});
  ASSERT_FALSE(nobody);
  EXPECT_EQ(nobody.error().detail, "admission was not found");
  EXPECT_TRUE(audit_since(before).empty());
  EXPECT_EQ(admission_of("provider-a")->state, AdmissionState::admitted);
}

}  // namespace
}  // namespace tarjotin
