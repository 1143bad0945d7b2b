// What a webhook delivery says and where it may go: the body is signed as these exact bytes, so
// its form is pinned byte for byte.
#include <gtest/gtest.h>

#include "domain/competition/rules.hpp"

namespace tarjotin::domain {
namespace {

TEST(SubjectField, NamesTheCategoryForAdmissionsAndTheCompetitionOtherwise) {
  EXPECT_EQ(subject_field("admission.suspended"), "category_id");
  EXPECT_EQ(subject_field("competition.awarded"), "competition_id");
  EXPECT_EQ(subject_field("competition.invited"), "competition_id");
}

TEST(WebhookBody, IsCompactJsonWithEveryControlCharacterEscaped) {
  OutboxEvent e;
  e.id = "ev-1";
  const Notification n{"ev-1",
                       "provider-a",
                       "competition.cancelled",
                       "comp-1",
                       "\"Ei\" \\ rahaa\nnyt\x01 – ehkä",
                       from_micros(1'790'000'000'000'001)};
  EXPECT_EQ(webhook_body(e, n),
            R"({"id":"ev-1","kind":"competition.cancelled","competition_id":"comp-1",)"
            R"("text":"\"Ei\" \\ rahaa\nnyt\u0001 – ehkä","created_at_us":1790000000000001})");
  const Notification admission{"ev-2",  "provider-a", "admission.suspended",
                               "cat-1", "x",          from_micros(5)};
  e.id = "ev-2";
  EXPECT_EQ(webhook_body(e, admission),
            R"({"id":"ev-2","kind":"admission.suspended","category_id":"cat-1","text":"x",)"
            R"("created_at_us":5})");
}

TEST(WebhookUrl, IsAnHttpOrHttpsUrlOfOneLineAndBoundedLength) {
  EXPECT_TRUE(check_webhook_url("https://hooks.example/tarjotin").ok());
  EXPECT_TRUE(check_webhook_url("http://hooks.example/").ok());
  EXPECT_TRUE(check_webhook_url("https://h.example/" + std::string(2000 - 18, 'a')).ok());
  for (const auto& url :
       std::vector<std::string>{"ftp://hooks.example/", "hooks.example",
                                "https://hooks.example/a b", "https://hooks.example/\r\nX-Evil: 1",
                                "https://h.example/" + std::string(2000 - 17, 'a')}) {
    const auto refused = check_webhook_url(url);
    ASSERT_FALSE(refused) << url;
    EXPECT_EQ(refused.error().fields.at(0).pointer, "/url");
  }
}

TEST(DeliveryState, TellsWhatTheReceiverHasSeenAndWhetherMoreTriesCome) {
  OutboxEvent e;
  e.next_attempt_at = from_micros(10);
  EXPECT_EQ(delivery_state(e), DeliveryState::pending);
  e.attempts = 2;
  EXPECT_EQ(delivery_state(e), DeliveryState::retrying);
  e.next_attempt_at = kNoMoreAttempts;
  EXPECT_EQ(delivery_state(e), DeliveryState::failed);
  e.delivered_at = from_micros(20);
  EXPECT_EQ(delivery_state(e), DeliveryState::delivered);
  EXPECT_EQ(to_string(DeliveryState::retrying), "retrying");
}

}  // namespace
}  // namespace tarjotin::domain
