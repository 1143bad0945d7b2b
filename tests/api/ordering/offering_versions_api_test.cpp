// An offering's version over HTTPS: every answer that carries an offering tags it (ETag), and an
// edit that names an older version in If-Match is refused with 412 and changes nothing.
#include <gtest/gtest.h>

#include "tests/api/ordering/ordering_world.hpp"

namespace tarjotin::testing {
namespace {

class OfferingVersions : public Ordering {
 protected:
  HttpResult edit(const std::string& id, int places, const std::string& if_match = "") {
    std::vector<std::pair<std::string, std::string>> headers;
    if (!if_match.empty()) headers.emplace_back("If-Match", if_match);
    return api.request(http::verb::put, "/v1/offerings/" + id,
                       R"({"description":{"fi":"Ryhmävalmennus"},"unit_price_cents":140000,)"
                       R"("free_places":)" +
                           std::to_string(places) +
                           R"(,"regions":["297"],"languages":["fi"],"earliest_start":")" + date(0) +
                           R"(","typical_duration_days":60})",
                       providers[0].token, headers);
  }
  HttpResult read(const std::string& id) {
    return api.get("/v1/offerings/" + id, providers[0].token);
  }
};

TEST_F(OfferingVersions, EveryOfferingAnswerCarriesAStrongTagThatMovesOnWithAnOrder) {
  const auto created = api.post("/v1/categories/" + category_id + "/offerings",
                                R"({"description":{"fi":"Yksilövalmennus"},)"
                                R"("unit_price_cents":150000,"free_places":3,)"
                                R"("regions":["297"],"languages":["fi"],"earliest_start":")" +
                                    date(0) + R"(","typical_duration_days":60})",
                                providers[0].token);
  ASSERT_EQ(created.status, 201u) << created.body;
  const auto tag = created.header("ETag");
  ASSERT_FALSE(tag.empty());
  EXPECT_EQ(tag.front(), '"');  // strong: no W/
  const auto id = field(created, "id");
  EXPECT_EQ(read(id).header("ETag"), tag);
  EXPECT_EQ(api.get("/v1/offerings/" + id, coach.token).header("ETag"), tag);
  ASSERT_EQ(order(choice_set(customer("ASIAKAS-9001", coach.token)), id).status, 201u);
  const auto after_order = read(id).header("ETag");
  EXPECT_FALSE(after_order.empty());
  EXPECT_NE(after_order, tag);
}

TEST_F(OfferingVersions, AStaleIfMatchIsRefusedWith412AndChangesNothing) {
  const auto id = offer(providers[0], 5);
  const auto stale = read(id).header("ETag");
  ASSERT_EQ(order(choice_set(customer("ASIAKAS-9002", coach.token)), id).status, 201u);
  const auto before = read(id);
  const auto refused = edit(id, 5, stale);
  EXPECT_EQ(refused.status, 412u) << refused.body;
  EXPECT_EQ(refused.problem_type(), "precondition-failed");
  EXPECT_EQ(refused.header("Content-Type"), "application/problem+json");
  EXPECT_NE(refused.body.find("If-Match"), std::string::npos) << refused.body;
  const auto after = read(id);
  EXPECT_EQ(after.body, before.body);
  EXPECT_EQ(after.header("ETag"), before.header("ETag"));
  EXPECT_EQ(edit(id, 5, "W/" + before.header("ETag")).status, 412u);  // weak never matches
}

TEST_F(OfferingVersions, AFreshIfMatchOrAnyEditsAndTagsTheNewVersion) {
  const auto id = offer(providers[0], 5);
  ASSERT_EQ(order(choice_set(customer("ASIAKAS-9003", coach.token)), id).status, 201u);
  const auto current = read(id).header("ETag");
  const auto edited = edit(id, 8, "\"999\", " + current);
  ASSERT_EQ(edited.status, 200u) << edited.body;
  EXPECT_EQ(number(edited, "free_places"), 8);
  EXPECT_EQ(number(edited, "unit_price_cents"), 140'000);
  EXPECT_NE(edited.header("ETag"), current);
  EXPECT_EQ(read(id).header("ETag"), edited.header("ETag"));
  const auto any = edit(id, 6, "*");
  ASSERT_EQ(any.status, 200u) << any.body;
  EXPECT_EQ(number(any, "free_places"), 6);
  EXPECT_EQ(read(id).header("ETag"), any.header("ETag"));
}

TEST_F(OfferingVersions, WithoutIfMatchAnEditKeepsThePlacesAnOrderTookAfterTheRead) {
  const auto id = offer(providers[0], 5);
  EXPECT_EQ(number(read(id), "free_places"), 5);
  ASSERT_EQ(order(choice_set(customer("ASIAKAS-9004", coach.token)), id).status, 201u);
  const auto edited = edit(id, 5);
  ASSERT_EQ(edited.status, 200u) << edited.body;
  EXPECT_EQ(number(edited, "unit_price_cents"), 140'000);
  EXPECT_EQ(number(edited, "free_places"), 4);
  EXPECT_EQ(free_places(id), 4);
}

}  // namespace
}  // namespace tarjotin::testing
