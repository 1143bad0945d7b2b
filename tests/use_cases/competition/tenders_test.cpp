// Sealed tenders over real storage, without a server: saved, submitted with the exact time of
// receipt and withdrawn before the deadline, refused after it, and kept only in sealed form.
#include <gtest/gtest.h>

#include "domain/competition/rules.hpp"
#include "tests/use_cases/competition/world.hpp"

namespace tarjotin {
namespace {

using namespace domain;
using testing::CompetitionWorld;
using testing::must;

class SealedTenders : public CompetitionWorld {
 protected:
  Tender stored_tender(const std::string& competition_id, const std::string& provider_id) {
    Tender tender;
    t.db().run(Access::read, [&](Transaction& tx) {
      tender = *tx.competitions().find_tender_of(competition_id, provider_id);
      return true;
    });
    return tender;
  }
};

TEST_F(SealedTenders, ATenderIsSavedSealedSubmittedWithItsTimeOfReceiptAndWithdrawn) {
  const auto id = published();
  const auto saved =
      save_tender(competitions, provider_a, id, content(4'321'987, "Salainen menetelmä"));
  ASSERT_TRUE(saved) << saved.error().detail;
  EXPECT_EQ(saved->state, TenderState::draft);
  EXPECT_FALSE(saved->submitted_at);
  EXPECT_TRUE(saved->receipt.empty());
  // The database holds the sealed form only; it opens under this competition's key.
  const auto sealed = stored_tender(id, "provider-a").sealed;
  EXPECT_EQ(sealed.find("4321987"), std::string::npos);
  EXPECT_EQ(sealed.find("Salainen"), std::string::npos);
  EXPECT_EQ(seal.open(id, sealed), content(4'321'987, "Salainen menetelmä"));

  clock.advance(std::chrono::microseconds(1'234'567));
  const auto submitted = submit_tender(competitions, provider_a, id);
  ASSERT_TRUE(submitted) << submitted.error().detail;
  EXPECT_EQ(submitted->state, TenderState::submitted);
  EXPECT_EQ(submitted->submitted_at, clock.now());
  EXPECT_EQ(submitted->receipt, secrets.hash_token(receipt_text(stored_tender(id, "provider-a"))));
  EXPECT_EQ(must(read_own_tender(competitions, provider_a, id), "read"), *submitted);
  const auto changed = save_tender(competitions, provider_a, id, content(1, "Toinen"));
  ASSERT_FALSE(changed);
  EXPECT_EQ(changed.error().code, "tender-submitted");

  const auto withdrawn = withdraw_tender(competitions, provider_a, id);
  ASSERT_TRUE(withdrawn);
  EXPECT_EQ(withdrawn->state, TenderState::withdrawn);
  EXPECT_FALSE(withdrawn->submitted_at);
  EXPECT_TRUE(withdrawn->receipt.empty());
  EXPECT_EQ(withdraw_tender(competitions, provider_a, id).error().code, "not-submitted");
}

TEST_F(SealedTenders, NothingIsTakenOnceTheDeadlineHasCome) {
  const auto id = published();
  tender(provider_a, id, 5'000'000);
  must(save_tender(competitions, provider_b, id, content(6'000'000, "Luonnos")), "save");
  const auto a_before = stored_tender(id, "provider-a");
  const auto b_before = stored_tender(id, "provider-b");
  past_tender_deadline(id);
  for (const auto* p : {&provider_a, &provider_b}) {
    EXPECT_EQ(save_tender(competitions, *p, id, content(1, "Myöhässä")).error().code,
              "deadline-passed");
    EXPECT_EQ(submit_tender(competitions, *p, id).error().code, "deadline-passed");
    EXPECT_EQ(withdraw_tender(competitions, *p, id).error().code, "deadline-passed");
  }
  EXPECT_EQ(stored_tender(id, "provider-a"), a_before);
  EXPECT_EQ(stored_tender(id, "provider-b"), b_before);
}

TEST_F(SealedTenders, OnlyInvitedProvidersStillAdmittedTender) {
  const auto id = published();
  EXPECT_EQ(save_tender(competitions, provider_c, id, content(1, "x")).error().kind,
            ErrorKind::not_found);
  EXPECT_EQ(save_tender(competitions, officer, id, content(1, "x")).error().kind,
            ErrorKind::forbidden);
  admit("provider-b", AdmissionState::suspended);
  const auto suspended = save_tender(competitions, provider_b, id, content(1, "x"));
  ASSERT_FALSE(suspended);
  EXPECT_EQ(suspended.error().code, "provider-not-admitted");
  EXPECT_EQ(read_own_tender(competitions, provider_b, id).error().kind, ErrorKind::not_found);
}

TEST_F(SealedTenders, ATenderAnswersTheQualityCriteriaOnly) {
  const auto id = published();
  auto priced = content(1'000, "Ryhmissä");
  priced.answers["price"] = "halpa";
  const auto refused = save_tender(competitions, provider_a, id, priced);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.at(0).pointer, "/answers/price");
  EXPECT_EQ(read_own_tender(competitions, provider_a, id).error().kind, ErrorKind::not_found);
}

}  // namespace
}  // namespace tarjotin
