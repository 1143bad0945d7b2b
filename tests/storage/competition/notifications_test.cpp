// The notification repository against real storage, on the backend under test: notifications,
// webhooks and the outbox their deliveries wait in.
#include <gtest/gtest.h>

#include "domain/competition/ports.hpp"
#include "tests/support/stored_world.hpp"

namespace tarjotin {
namespace {

using namespace domain;

using testing::at;

template <class T>
std::vector<std::string> ids(const std::vector<T>& list) {
  std::vector<std::string> out;
  for (const auto& item : list) out.push_back(item.id);
  return out;
}

// A database with an authority and two providers, the recipients of notifications.
class NotificationStorage : public testing::StoredWorld {
 protected:
  void SetUp() override {
    write([](Transaction& tx) {
      organisation(tx, "authority", OrganisationKind::contracting_authority);
      organisation(tx, "provider-a", OrganisationKind::provider);
      organisation(tx, "provider-b", OrganisationKind::provider);
    });
  }

  static OutboxEvent event(const std::string& id, Timestamp next_attempt) {
    OutboxEvent e;
    e.id = id;
    e.organisation_id = "provider-a";
    e.kind = "competition.invited";
    e.body = R"({"id":")" + id + R"(","kind":"competition.invited"})";
    e.created_at = at(0);
    e.next_attempt_at = next_attempt;
    return e;
  }

  std::vector<OutboxEvent> claim(Timestamp now, Timestamp until, std::size_t limit) {
    std::vector<OutboxEvent> out;
    write([&](Transaction& tx) { out = tx.notifications().claim_due(now, until, limit); });
    return out;
  }
};

TEST_F(NotificationStorage, NotificationsAreListedNewestFirstUpToTheLimit) {
  write([](Transaction& tx) {
    for (int i = 1; i <= 4; ++i)
      tx.notifications().add({"n-" + std::to_string(i), "provider-a", "competition.invited",
                              "comp-1", "Invitation " + std::to_string(i), at(10 * i)});
    tx.notifications().add(
        {"n-other", "provider-b", "competition.awarded", "comp-1", "Awarded", at(100)});
  });
  write([](Transaction& tx) {
    const auto list = tx.notifications().list_for_organisation("provider-a", 3);
    EXPECT_EQ(ids(list), (std::vector<std::string>{"n-4", "n-3", "n-2"}));
    ASSERT_FALSE(list.empty());
    EXPECT_EQ(list[0], (Notification{"n-4", "provider-a", "competition.invited", "comp-1",
                                     "Invitation 4", at(40)}));
    EXPECT_EQ(tx.notifications().list_for_organisation("provider-a", 100).size(), 4u);
    EXPECT_EQ(ids(tx.notifications().list_for_organisation("provider-b", 100)),
              std::vector<std::string>{"n-other"});
    EXPECT_TRUE(tx.notifications().list_for_organisation("authority", 10).empty());
  });
}

TEST_F(NotificationStorage, PutWebhookReplacesTheOrganisationsWebhook) {
  write([](Transaction& tx) {
    EXPECT_FALSE(tx.notifications().webhook("provider-a"));
    tx.notifications().put_webhook({"provider-a", "https://a.example/hook", "secret-1", at(1)});
  });
  write([](Transaction& tx) {
    tx.notifications().put_webhook({"provider-a", "https://a.example/v2", "secret-2", at(2)});
  });
  write([](Transaction& tx) {
    const auto found = tx.notifications().webhook("provider-a");
    ASSERT_TRUE(found);
    EXPECT_EQ(*found, (Webhook{"provider-a", "https://a.example/v2", "secret-2", at(2)}));
    EXPECT_FALSE(tx.notifications().webhook("provider-b"));
  });
}

TEST_F(NotificationStorage, EventRoundTripsAndUpdateRecordsTheOutcome) {
  auto e = event("ev-1", at(10));
  write([&](Transaction& tx) { tx.notifications().add_event(e); });
  write([&](Transaction& tx) {
    const auto found = tx.notifications().find_event("ev-1");
    ASSERT_TRUE(found);
    EXPECT_EQ(*found, e);
    EXPECT_EQ(found->attempts, 0);
    EXPECT_EQ(found->next_attempt_at, at(10));
    EXPECT_FALSE(found->claimed_until);
    EXPECT_FALSE(found->delivered_at);
    EXPECT_TRUE(found->last_error.empty());
    EXPECT_FALSE(tx.notifications().find_event("nope"));
  });
  e.attempts = 2;
  e.next_attempt_at = at(70);
  e.claimed_until = at(40);
  e.delivered_at = at(35);
  e.last_error = "HTTP 503";
  // What was signed and for whom never changes: an update writes the delivery's progress only.
  auto rewritten = e;
  rewritten.organisation_id = "provider-b";
  rewritten.kind = "competition.awarded";
  rewritten.body = "{}";
  rewritten.created_at = at(99);
  write([&](Transaction& tx) { tx.notifications().update_event(rewritten); });
  write([&](Transaction& tx) {
    const auto found = tx.notifications().find_event("ev-1");
    ASSERT_TRUE(found);
    EXPECT_EQ(*found, e);
    EXPECT_EQ(found->attempts, 2);
    EXPECT_EQ(found->next_attempt_at, at(70));
    EXPECT_EQ(found->claimed_until, at(40));
    EXPECT_EQ(found->delivered_at, at(35));
    EXPECT_EQ(found->last_error, "HTTP 503");
    EXPECT_EQ(found->body, e.body);
  });
}

TEST_F(NotificationStorage, ClaimDueReturnsOnlyDueEventsInOrderAndMarksThemClaimed) {
  write([](Transaction& tx) {
    tx.notifications().add_event(event("ev-later", at(20)));
    tx.notifications().add_event(event("ev-b", at(10)));
    tx.notifications().add_event(event("ev-a", at(10)));
    tx.notifications().add_event(event("ev-first", at(5)));
  });
  const auto claimed = claim(at(10), at(40), 10);
  EXPECT_EQ(ids(claimed), (std::vector<std::string>{"ev-first", "ev-a", "ev-b"}));
  for (const auto& e : claimed) EXPECT_EQ(e.claimed_until, at(40)) << e.id;
  write([](Transaction& tx) {
    EXPECT_EQ(tx.notifications().find_event("ev-a")->claimed_until, at(40));
    EXPECT_FALSE(tx.notifications().find_event("ev-later")->claimed_until);
  });
}

TEST_F(NotificationStorage, ClaimedEventIsNotClaimedAgainUntilTheClaimExpires) {
  write([](Transaction& tx) { tx.notifications().add_event(event("ev-1", at(10))); });
  EXPECT_EQ(ids(claim(at(10), at(40), 10)), std::vector<std::string>{"ev-1"});
  // Another worker, while the first one holds it.
  EXPECT_TRUE(claim(at(20), at(50), 10).empty());
  EXPECT_TRUE(claim(at(40), at(70), 10).empty());
  // The first worker died: its claim has run out.
  const auto again = claim(at(41), at(71), 10);
  ASSERT_EQ(ids(again), std::vector<std::string>{"ev-1"});
  EXPECT_EQ(again[0].claimed_until, at(71));
}

TEST_F(NotificationStorage, DeliveredEventIsNeverClaimed) {
  write([](Transaction& tx) { tx.notifications().add_event(event("ev-1", at(10))); });
  auto e = claim(at(10), at(40), 10).at(0);
  e.attempts = 1;
  e.delivered_at = at(12);
  e.claimed_until.reset();
  e.last_error.clear();
  write([&](Transaction& tx) { tx.notifications().update_event(e); });
  EXPECT_TRUE(claim(at(20), at(50), 10).empty());
  EXPECT_TRUE(claim(at(1'000'000), at(1'000'030), 10).empty());
}

TEST_F(NotificationStorage, ClaimDueRespectsTheLimitAndLeavesTheRestForTheNextClaim) {
  write([](Transaction& tx) {
    for (int i = 0; i < 5; ++i)
      tx.notifications().add_event(event("ev-" + std::to_string(i), at(i)));
  });
  EXPECT_EQ(ids(claim(at(10), at(40), 2)), (std::vector<std::string>{"ev-0", "ev-1"}));
  EXPECT_EQ(ids(claim(at(11), at(41), 2)), (std::vector<std::string>{"ev-2", "ev-3"}));
  EXPECT_EQ(ids(claim(at(12), at(42), 2)), std::vector<std::string>{"ev-4"});
  EXPECT_TRUE(claim(at(13), at(43), 2).empty());
}

}  // namespace
}  // namespace tarjotin
