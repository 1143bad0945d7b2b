// Applications with their answers, admissions, messages, attachments and re-confirmations
// against real storage, on the backend under test: each comes back whole.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/storage/qualification/storage_world.hpp"

namespace tarjotin {
namespace {

using namespace domain;
using testing::at;
using testing::day;
using testing::QualificationStorage;

std::vector<std::string> ids_of(const std::vector<Application>& apps) {
  std::vector<std::string> out;
  for (const auto& a : apps) out.push_back(a.id);
  return out;
}

TEST_F(QualificationStorage, AnApplicationComesBackWholeWithItsAnswers) {
  const Application a = submitted("app-1", "provider-a");
  write([&](Transaction& tx) { tx.applications().add(a); });
  const auto find = [&] {
    return read([](Transaction& tx) { return tx.applications().find("app-1"); });
  };
  EXPECT_EQ(find(), a);

  // Its applicant, category and beginning never change; answers are replaced whole.
  Application decided = a;
  decided.criteria_version = 3;
  decided.state = ApplicationState::rejected;
  decided.answers = {{"insured", false, {}, {}, "", ""}};
  decided.decision_due = day(45);
  decided.extension_reason = "Lisäselvitys";
  decided.decision_reason = "Vakuutus puuttuu";
  decided.decided_at = at(50);
  decided.updated_at = at(50);
  Application attempted = decided;
  attempted.provider_id = "provider-b";
  attempted.created_at = at(99);
  write([&](Transaction& tx) { tx.applications().update(attempted); });
  EXPECT_EQ(find(), decided);
}

TEST_F(QualificationStorage, ADraftsMissingTimesAndAnswersComeBackMissing) {
  Application draft;
  draft.id = "app-draft";
  draft.provider_id = "provider-b";
  draft.category_id = "cat-1";
  draft.created_at = draft.updated_at = at(1);
  write([&](Transaction& tx) { tx.applications().add(draft); });
  EXPECT_EQ(read([](Transaction& tx) { return tx.applications().find("app-draft"); }), draft);
  EXPECT_EQ(
      read([](Transaction& tx) { return tx.applications().find_pending("provider-b", "cat-1"); }),
      draft);
  EXPECT_FALSE(
      read([](Transaction& tx) { return tx.applications().find_pending("provider-a", "cat-1"); }));
}

TEST_F(QualificationStorage, ApplicationsAreListedByApplicantDpsAndWhetherADecisionIsOwed) {
  write([&](Transaction& tx) {
    dps(tx, "dps-2");
    category(tx, "cat-2", "dps-2");
    auto late = submitted("app-late", "provider-a");
    late.decision_due = day(50);
    tx.applications().add(late);
    tx.applications().add(submitted("app-soon", "provider-b"));
    auto elsewhere = submitted("app-elsewhere", "provider-b");
    elsewhere.category_id = "cat-2";
    tx.applications().add(elsewhere);
    auto admitted = submitted("app-admitted", "provider-a");
    admitted.state = ApplicationState::admitted;
    admitted.decision_due = day(10);
    tx.applications().add(admitted);
  });
  const auto list = [&](ApplicationQuery q) {
    return ids_of(read([&](Transaction& tx) { return tx.applications().list(q); }));
  };
  using Ids = std::vector<std::string>;
  // Soonest due first, then by receipt and id.
  EXPECT_EQ(list({"", "", false}), (Ids{"app-admitted", "app-elsewhere", "app-soon", "app-late"}));
  EXPECT_EQ(list({"provider-a", "", false}), (Ids{"app-admitted", "app-late"}));
  EXPECT_EQ(list({"", "dps-1", true}), (Ids{"app-soon", "app-late"}));
  EXPECT_EQ(list({"provider-b", "dps-2", true}), (Ids{"app-elsewhere"}));
  const auto listed = read([](Transaction& tx) { return tx.applications().list({"", "", true}); });
  ASSERT_EQ(listed.size(), 3u);
  EXPECT_EQ(listed.back(), [] {
    auto late = submitted("app-late", "provider-a");
    late.decision_due = day(50);
    return late;
  }());
  const auto due_before = [&](int d) {
    return read([&](Transaction& tx) {
      return tx.applications().count_awaiting_decision_due_before(day(d));
    });
  };
  EXPECT_EQ(due_before(40), 0);
  EXPECT_EQ(due_before(41), 2);  // the admitted one owes no decision
  EXPECT_EQ(due_before(51), 3);
}

TEST_F(QualificationStorage, AnAdmissionIsPutWholeAndReplaced) {
  const Admission first{"provider-a", "cat-1", "app-1", AdmissionState::admitted,
                        at(40),       "",      at(40)};
  const Admission other{"provider-b", "cat-1", "app-2", AdmissionState::admitted,
                        at(30),       "",      at(30)};
  write([&](Transaction& tx) {
    tx.applications().add(submitted("app-1", "provider-a"));
    tx.applications().add(submitted("app-2", "provider-b"));
    tx.admissions().put(first);
    tx.admissions().put(other);
  });
  const auto find = [&] {
    return read([](Transaction& tx) { return tx.admissions().find("provider-a", "cat-1"); });
  };
  EXPECT_EQ(find(), first);
  Admission suspended = first;
  suspended.state = AdmissionState::suspended;
  suspended.reason = "Vakuutus päättyi";
  suspended.updated_at = at(60);
  write([&](Transaction& tx) { tx.admissions().put(suspended); });
  EXPECT_EQ(find(), suspended);
  EXPECT_EQ(read([](Transaction& tx) { return tx.admissions().list_for_category("cat-1"); }),
            (std::vector<Admission>{other, suspended}));
  EXPECT_FALSE(read([](Transaction& tx) { return tx.admissions().find("provider-b", "cat-2"); }));
}

TEST_F(QualificationStorage, MessagesAndAttachmentsComeBackWholeInTheirOrder) {
  const Message question{"m-1", "app-1", "officer", "authority", "Lähettäkää todistus.", at(31)};
  const Message answer{"m-2", "app-1", "seller", "provider-a", "Liitteenä.", at(32)};
  const Attachment pdf{"att-1", "app-1", "provider-a", "todistus.pdf", MediaType::pdf,
                       1234,    "ab12",  "seller",     at(33)};
  const Attachment png{"att-2", "app-1", "provider-a", "kuva.png", MediaType::png,
                       99,      "cd34",  "seller",     at(34)};
  write([&](Transaction& tx) {
    tx.applications().add(submitted("app-1", "provider-a"));
    tx.messages().add(answer);
    tx.messages().add(question);
    tx.attachments().add(png);
    tx.attachments().add(pdf);
  });
  EXPECT_EQ(read([](Transaction& tx) { return tx.messages().list_for_application("app-1"); }),
            (std::vector<Message>{question, answer}));
  EXPECT_EQ(read([](Transaction& tx) { return tx.attachments().find("att-2"); }), png);
  EXPECT_EQ(read([](Transaction& tx) { return tx.attachments().list_for_application("app-1"); }),
            (std::vector<Attachment>{pdf, png}));
  EXPECT_TRUE(
      read([](Transaction& tx) { return tx.messages().list_for_application("x"); }).empty());
}

TEST_F(QualificationStorage, ReconfirmationsComeBackWholeAndLapseByTheirDueDay) {
  const ReconfirmationRequest early{"req-1",        "cat-1",   2,     day(50),
                                    "Vahvistakaa.", "officer", at(40)};
  const ReconfirmationRequest late{"req-2", "cat-1", 3, day(60), "Uudelleen.", "officer", at(41)};
  const Reconfirmation a1{"req-1", "provider-a", ReconfirmationState::pending, std::nullopt};
  const Reconfirmation b1{"req-1", "provider-b", ReconfirmationState::pending, std::nullopt};
  const Reconfirmation a2{"req-2", "provider-a", ReconfirmationState::pending, std::nullopt};
  write([&](Transaction& tx) {
    tx.reconfirmations().add_request(early);
    tx.reconfirmations().add_request(late);
    for (const auto* r : {&b1, &a1, &a2}) tx.reconfirmations().put(*r);
  });
  EXPECT_EQ(read([](Transaction& tx) { return tx.reconfirmations().find_request("req-2"); }), late);
  EXPECT_EQ(read([](Transaction& tx) { return tx.reconfirmations().list_for_request("req-1"); }),
            (std::vector<Reconfirmation>{a1, b1}));

  const Reconfirmation confirmed{"req-1", "provider-a", ReconfirmationState::confirmed, at(45)};
  write([&](Transaction& tx) { tx.reconfirmations().put(confirmed); });
  EXPECT_EQ(read([](Transaction& tx) { return tx.reconfirmations().find("req-1", "provider-a"); }),
            confirmed);
  EXPECT_EQ(read([](Transaction& tx) {
              return tx.reconfirmations().list_pending_for_provider("provider-a");
            }),
            (std::vector<Reconfirmation>{a2}));
  const auto lapsing = [&](int d, std::size_t limit) {
    return read([&](Transaction& tx) { return tx.reconfirmations().list_lapsing(day(d), limit); });
  };
  EXPECT_TRUE(lapsing(50, 10).empty());  // the due day itself is still in time
  EXPECT_EQ(lapsing(51, 10), (std::vector<Reconfirmation>{b1}));
  EXPECT_EQ(lapsing(61, 10), (std::vector<Reconfirmation>{b1, a2}));
  EXPECT_EQ(lapsing(61, 1), (std::vector<Reconfirmation>{b1}));
}

}  // namespace
}  // namespace tarjotin
