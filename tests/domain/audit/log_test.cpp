// What a reader of the audit log sees of an event, and the texts its leaf commits to.
#include "domain/audit/log.hpp"

#include <gtest/gtest.h>

#include <set>

namespace tarjotin::domain {
namespace {

AuditEvent event(std::string action, std::string type, std::string id) {
  return audit_event(from_micros(1'790'000'000'000'007), nullptr, std::move(action),
                     std::move(type), std::move(id), "draft", "published");
}

std::set<std::string> names(const std::array<bool, kEventFields>& shown) {
  std::set<std::string> out;
  for (const auto f : kAllEventFields)
    if (shown[static_cast<std::size_t>(f)]) out.insert(std::string(to_string(f)));
  return out;
}

Change change(const AuditEvent& e, std::string kind, std::string id) {
  return Change{1, e.at, std::move(kind), std::move(id), e.action, "dps-1"};
}

TEST(AuditLogReader, SeesNothingOfAnEventTheChangeFeedHidesFromIt) {
  const auto e = event("order.placed", "order", "o-1");
  EXPECT_EQ(names(shown_fields(e, std::nullopt)), std::set<std::string>{});
}

TEST(AuditLogReader, SeesTimeActionAndObjectOfAnEventTheFeedShowsAsRecorded) {
  const auto e = event("dps.published", "dps", "d-1");
  EXPECT_EQ(names(shown_fields(e, change(e, "dps", "d-1"))),
            (std::set<std::string>{"at", "action", "object_type", "object_id"}));
}

TEST(AuditLogReader, NeverSeesTheActorsNorTheSummaries) {
  const auto e = event("category.opened", "category", "c-1");
  const auto shown = shown_fields(e, change(e, "category", "c-1"));
  for (const auto f : {EventField::actor_user_id, EventField::actor_organisation_id,
                       EventField::before, EventField::after})
    EXPECT_FALSE(shown[static_cast<std::size_t>(f)]) << to_string(f);
}

// The feed shows an admitted application as the admission it made; the log must not name the
// application behind it, which only the authority's staff may see.
TEST(AuditLogReader, SeesNoObjectWhenTheFeedNamesAnotherOne) {
  const auto e = event("application.admitted", "application", "app-1");
  EXPECT_EQ(names(shown_fields(e, change(e, "admission", "prov-1/cat-1"))),
            (std::set<std::string>{"at", "action"}));
}

TEST(AuditLogReader, SeesNothingOfATendersEventsEvenWhereTheFeedShowsTheCompetition) {
  for (const char* action : {"tender.saved", "tender.submitted", "tender.withdrawn"}) {
    const auto e = event(action, "competition", "comp-1");
    EXPECT_EQ(names(shown_fields(e, change(e, "competition", "comp-1"))), std::set<std::string>{})
        << action;
  }
}

TEST(AuditLeafTexts, TheTimeIsItsMicrosecondsAndEveryOtherFieldItsText) {
  auto e = event("dps.published", "dps", "d-1");
  e.actor_user_id = "u-1";
  e.actor_organisation_id = "o-1";
  EXPECT_EQ(field_text(e, EventField::at), "1790000000000007");
  EXPECT_EQ(field_text(e, EventField::actor_user_id), "u-1");
  EXPECT_EQ(field_text(e, EventField::actor_organisation_id), "o-1");
  EXPECT_EQ(field_text(e, EventField::action), "dps.published");
  EXPECT_EQ(field_text(e, EventField::object_type), "dps");
  EXPECT_EQ(field_text(e, EventField::object_id), "d-1");
  EXPECT_EQ(field_text(e, EventField::before), "draft");
  EXPECT_EQ(field_text(e, EventField::after), "published");
  std::set<std::string_view> distinct;
  for (const auto f : kAllEventFields) distinct.insert(to_string(f));
  EXPECT_EQ(distinct.size(), kEventFields);
  EXPECT_EQ(static_cast<std::size_t>(kAllEventFields.back()) + 1, kEventFields);
}

}  // namespace
}  // namespace tarjotin::domain
