// Qualification through a real server over TLS: an authority sets up a DPS, providers apply at
// any time, officers decide within the legal time limit, and the public sees who is admitted.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "domain/qualification/entities.hpp"
#include "server/json.hpp"
#include "server/time_format.hpp"
#include "tests/api/support/test_server.hpp"

namespace tarjotin::testing {
namespace {

using domain::OrganisationKind;
using domain::Role;
using http::verb;

// The TestClock starts at 2026-09-21T14:13:20Z, a Monday (17:13 in Helsinki). Ten working days
// after receipt, counting from the next day and skipping weekends (no Finnish public holiday falls
// in between): Tue 22 (1), Wed 23, Thu 24, Fri 25 (4), Mon 28, Tue 29, Wed 30, Thu 1 Oct,
// Fri 2 Oct (9), Mon 5 Oct (10).
constexpr const char* kReceivedAt = "2026-09-21T14:13:20.000000Z";
constexpr const char* kDecisionDue = "2026-10-05";
// Fifteen working days: Tue 6 (11), Wed 7, Thu 8, Fri 9 (14), Mon 12 Oct (15).
constexpr const char* kExtendedDecisionDue = "2026-10-12";

// One exclusion ground and two selection criteria whose verdicts the server computes itself.
constexpr const char* kCriteria =
    R"([{"key":"taxes-paid","question":"Has the company paid its taxes and pension )"
    R"(contributions?","type":"yes_no","kind":"exclusion_ground"},)"
    R"({"key":"qualified-coaches","question":"How many qualified job coaches deliver the )"
    R"(service?","type":"number_at_least","kind":"selection","threshold":2},)"
    R"({"key":"tax-certificate","question":"Date of the tax debt certificate",)"
    R"("type":"date_within_days","kind":"selection","max_age_days":90}])";

std::string field(const HttpResult& r, const char* name) {
  return server::string_member(r.json(), name).value_or("");
}

std::string dps_body(const std::string& from, const std::string& until) {
  return R"({"title":"Työllisyyspalvelujen DPS","description":"Kuopion seudun palvelut",)"
         R"("notice_reference":"2026-123456","valid_from":")" +
         from + R"(","valid_until":")" + until + R"("})";
}

std::string category_body(const std::string& criteria = kCriteria) {
  return R"({"name":{"fi":"Työhönvalmennus","en":"Job coaching"},)"
         R"("description":"Valmennus työpaikalla","characteristics":["Henkilökohtainen valmennus"],)"
         R"("regions":["297"],"languages":["fi","en"],)"
         R"("price":{"unit":"hour","unit_price_ceiling_cents":9000},)"
         R"("award_method":"customer_choice","criteria":)" +
         criteria + "}";
}

std::string answers(bool taxes_paid, int coaches, const std::string& certificate_date) {
  return R"([{"key":"taxes-paid","yes":)" + std::string(taxes_paid ? "true" : "false") +
         R"(},{"key":"qualified-coaches","number":)" + std::to_string(coaches) +
         R"(},{"key":"tax-certificate","date":")" + certificate_date + R"("}])";
}

std::string answers_body(bool taxes_paid, int coaches, const std::string& certificate_date) {
  return R"({"answers":)" + answers(taxes_paid, coaches, certificate_date) + "}";
}

std::string verdict_of(const HttpResult& r, const std::string& key) {
  const auto doc = r.json();
  if (!doc.IsObject() || !doc.HasMember("evaluations")) return "no evaluations";
  for (const auto& e : doc["evaluations"].GetArray())
    if (e["key"].GetString() == key) return e["verdict"].GetString();
  return "not evaluated";
}

const rapidjson::Value* item_with(const rapidjson::Document& list, const char* name,
                                  const std::string& value) {
  if (!list.IsObject() || !list.HasMember("items")) return nullptr;
  for (const auto& item : list["items"].GetArray())
    if (item.HasMember(name) && item[name].IsString() && item[name].GetString() == value)
      return &item;
  return nullptr;
}

struct Provider {
  std::string organisation_id;
  std::string email;
  std::string token;
};

struct PublishedDps {
  std::string dps_id;
  std::string category_id;
};

class QualificationApi : public ::testing::Test {
 protected:
  TestServer server;
  ApiClient api = server.client();
  TestServer::Member officer =
      server.add_member(OrganisationKind::contracting_authority, Role::officer);
  int providers = 0;

  long long audit_events() { return server.runtime().db().verify_audit_chain().events; }

  // A Helsinki calendar date relative to the server's today, as the API writes dates.
  std::string date(int days_from_today) {
    return tarjotin::server::format_date(domain::helsinki_date(server.clock().now()) +
                                         std::chrono::days{days_from_today});
  }

  std::string create_dps() {
    const auto r = api.post("/v1/dps", dps_body(date(0), date(365)), officer.token);
    EXPECT_EQ(r.status, 201u) << r.body;
    return field(r, "id");
  }

  std::string add_category(const std::string& dps_id) {
    const auto r = api.post("/v1/dps/" + dps_id + "/categories", category_body(), officer.token);
    EXPECT_EQ(r.status, 201u) << r.body;
    return field(r, "id");
  }

  HttpResult dps_act(const std::string& dps_id, const std::string& act,
                     const std::string& token = "") {
    return api.post("/v1/dps/" + dps_id + "/transitions", R"({"act":")" + act + R"("})",
                    token.empty() ? officer.token : token);
  }

  HttpResult category_act(const std::string& category_id, const std::string& act) {
    return api.post("/v1/categories/" + category_id + "/transitions", R"({"act":")" + act + R"("})",
                    officer.token);
  }

  PublishedDps published_dps() {
    PublishedDps p;
    p.dps_id = create_dps();
    p.category_id = add_category(p.dps_id);
    EXPECT_EQ(category_act(p.category_id, "open").status, 200u);
    EXPECT_EQ(dps_act(p.dps_id, "publish").status, 200u);
    return p;
  }

  // Signs up the way a newcomer does, through the public registration route.
  Provider sign_up_provider() {
    const int n = ++providers;
    Provider p;
    p.email = "provider" + std::to_string(n) + "@example.fi";
    const auto r = api.post("/v1/provider-registrations",
                            R"({"organisation":{"name":"Valmennus )" + std::to_string(n) +
                                R"( Oy","business_id":")" + finnish_business_id(100 + n) +
                                R"("},"user":{"email":")" + p.email +
                                R"(","display_name":"Maija","password":")" + kPassword + R"("}})");
    EXPECT_EQ(r.status, 201u) << r.body;
    p.organisation_id = server::string_member(r.json()["organisation"], "id").value_or("");
    p.token = api.sign_in(p.email, kPassword);
    return p;
  }

  std::string start_application(const Provider& p, const std::string& category_id,
                                const std::string& body) {
    const auto r = api.post("/v1/categories/" + category_id + "/applications", body, p.token);
    EXPECT_EQ(r.status, 201u) << r.body;
    return field(r, "id");
  }

  HttpResult submit(const Provider& p, const std::string& application_id) {
    return api.post("/v1/applications/" + application_id + "/submission", "", p.token);
  }

  std::string submitted_application(const Provider& p, const std::string& category_id) {
    const auto id = start_application(p, category_id, answers_body(true, 3, date(-10)));
    const auto r = submit(p, id);
    EXPECT_EQ(r.status, 200u) << r.body;
    return id;
  }

  HttpResult decide(const std::string& application_id, const std::string& body,
                    const std::string& token = "") {
    return api.post("/v1/applications/" + application_id + "/decision", body,
                    token.empty() ? officer.token : token);
  }

  HttpResult admission_act(const std::string& category_id, const std::string& provider_id,
                           const std::string& body) {
    return api.post("/v1/categories/" + category_id + "/admissions/" + provider_id + "/transitions",
                    body, officer.token);
  }

  // Asked anonymously: the list of admitted providers is public.
  bool publicly_admitted(const std::string& category_id, const std::string& provider_id) {
    const auto r = api.get("/v1/categories/" + category_id + "/admitted-providers");
    EXPECT_EQ(r.status, 200u) << r.body;
    EXPECT_EQ(schema_violation("admitted-provider-list", r.body), "") << r.body;
    return item_with(r.json(), "provider_id", provider_id) != nullptr;
  }

  // Tokens last 12 hours, so a test that moves the clock by days signs in again.
  void sign_in_again(Provider& p) { p.token = api.sign_in(p.email, kPassword); }
  void sign_in_again(TestServer::Member& m) { m.token = api.sign_in(m.email, kPassword); }
};

TEST_F(QualificationApi, ProviderSignsUpAppliesAndIsAdmittedAfterClarification) {
  const auto audit_before = server.runtime().db().verify_audit_chain();
  ASSERT_TRUE(audit_before.intact);

  const auto dps = api.post("/v1/dps", dps_body(date(0), date(365)), officer.token);
  ASSERT_EQ(dps.status, 201u) << dps.body;
  EXPECT_EQ(schema_violation("dps", dps.body), "") << dps.body;
  EXPECT_EQ(field(dps, "state"), "draft");
  EXPECT_EQ(field(dps, "valid_from"), "2026-09-21");
  EXPECT_EQ(field(dps, "valid_until"), "2027-09-21");
  const std::string dps_id = field(dps, "id");

  const auto category =
      api.post("/v1/dps/" + dps_id + "/categories", category_body(), officer.token);
  ASSERT_EQ(category.status, 201u) << category.body;
  EXPECT_EQ(schema_violation("category", category.body), "") << category.body;
  EXPECT_EQ(category.json()["criteria"].Size(), 3u);
  EXPECT_EQ(category.json()["criteria_version"].GetInt(), 1);
  const std::string category_id = field(category, "id");

  const auto opened = category_act(category_id, "open");
  ASSERT_EQ(opened.status, 200u) << opened.body;
  EXPECT_EQ(schema_violation("category", opened.body), "") << opened.body;
  EXPECT_EQ(field(opened, "state"), "open");

  const auto published = dps_act(dps_id, "publish");
  ASSERT_EQ(published.status, 200u) << published.body;
  EXPECT_EQ(schema_violation("dps", published.body), "") << published.body;
  EXPECT_EQ(field(published, "state"), "open");

  Provider provider = sign_up_provider();
  ASSERT_FALSE(provider.token.empty());

  // Too few coaches and a stale certificate: the server says so, the officer decides.
  const auto started = api.post("/v1/categories/" + category_id + "/applications",
                                answers_body(true, 1, date(-120)), provider.token);
  ASSERT_EQ(started.status, 201u) << started.body;
  EXPECT_EQ(schema_violation("application", started.body), "") << started.body;
  EXPECT_EQ(field(started, "state"), "draft");
  EXPECT_TRUE(started.json()["received_at"].IsNull());
  EXPECT_TRUE(started.json()["decision_due"].IsNull());
  const std::string application_id = field(started, "id");

  const auto submitted = submit(provider, application_id);
  ASSERT_EQ(submitted.status, 200u) << submitted.body;
  EXPECT_EQ(schema_violation("application", submitted.body), "") << submitted.body;
  EXPECT_EQ(field(submitted, "state"), "submitted");
  EXPECT_EQ(field(submitted, "received_at"), kReceivedAt);
  EXPECT_EQ(field(submitted, "decision_due"), kDecisionDue);
  EXPECT_EQ(submitted.json()["working_days_left"].GetInt(), 10);
  EXPECT_FALSE(submitted.json()["overdue"].GetBool());
  EXPECT_EQ(submitted.json()["criteria_version"].GetInt(), 1);
  EXPECT_EQ(verdict_of(submitted, "taxes-paid"), "meets");
  EXPECT_EQ(verdict_of(submitted, "qualified-coaches"), "fails");
  EXPECT_EQ(verdict_of(submitted, "tax-certificate"), "fails");

  const auto queue = api.get("/v1/dps/" + dps_id + "/applications", officer.token);
  ASSERT_EQ(queue.status, 200u) << queue.body;
  EXPECT_EQ(schema_violation("application-list", queue.body), "") << queue.body;
  const auto queue_doc = queue.json();
  ASSERT_EQ(queue_doc["items"].Size(), 1u);
  EXPECT_EQ(std::string(queue_doc["items"][0]["id"].GetString()), application_id);
  EXPECT_EQ(std::string(queue_doc["items"][0]["decision_due"].GetString()), kDecisionDue);

  const std::string question =
      "Palvelun tuottaa vähintään kaksi pätevää valmentajaa, ja verovelkatodistus on yli 90 "
      "päivää vanha. Lähettäkää ajantasaiset tiedot.";
  const auto asked = api.post("/v1/applications/" + application_id + "/clarification-request",
                              R"({"message":")" + question + R"("})", officer.token);
  ASSERT_EQ(asked.status, 200u) << asked.body;
  EXPECT_EQ(schema_violation("application", asked.body), "") << asked.body;
  EXPECT_EQ(field(asked, "state"), "clarification_requested");
  // Asking does not stop the legal clock.
  EXPECT_EQ(field(asked, "decision_due"), kDecisionDue);

  const auto inbox = api.get("/v1/applications/" + application_id + "/messages", provider.token);
  ASSERT_EQ(inbox.status, 200u) << inbox.body;
  EXPECT_EQ(schema_violation("message-list", inbox.body), "") << inbox.body;
  const auto inbox_doc = inbox.json();
  ASSERT_EQ(inbox_doc["items"].Size(), 1u);
  EXPECT_EQ(std::string(inbox_doc["items"][0]["body"].GetString()), question);
  EXPECT_EQ(std::string(inbox_doc["items"][0]["author_user_id"].GetString()), officer.user_id);

  // Later than the question, so the thread has a defined order.
  server.clock().advance(std::chrono::minutes(30));
  const std::string reply = "Liitimme uuden todistuksen; valmentajia on kaksi.";
  const auto answered =
      api.post("/v1/applications/" + application_id + "/clarification-answer",
               R"({"message":")" + reply + R"(","answers":)" + answers(true, 2, date(-5)) + "}",
               provider.token);
  ASSERT_EQ(answered.status, 200u) << answered.body;
  EXPECT_EQ(schema_violation("application", answered.body), "") << answered.body;
  EXPECT_EQ(field(answered, "state"), "submitted");
  EXPECT_EQ(field(answered, "received_at"), kReceivedAt);
  EXPECT_EQ(field(answered, "decision_due"), kDecisionDue);
  EXPECT_EQ(verdict_of(answered, "taxes-paid"), "meets");
  EXPECT_EQ(verdict_of(answered, "qualified-coaches"), "meets");  // exactly the threshold
  EXPECT_EQ(verdict_of(answered, "tax-certificate"), "meets");

  const auto thread = api.get("/v1/applications/" + application_id + "/messages", officer.token);
  ASSERT_EQ(thread.status, 200u) << thread.body;
  EXPECT_EQ(schema_violation("message-list", thread.body), "") << thread.body;
  const auto thread_doc = thread.json();
  ASSERT_EQ(thread_doc["items"].Size(), 2u);
  EXPECT_EQ(std::string(thread_doc["items"][1]["body"].GetString()), reply);
  EXPECT_EQ(std::string(thread_doc["items"][1]["author_organisation_id"].GetString()),
            provider.organisation_id);

  EXPECT_FALSE(publicly_admitted(category_id, provider.organisation_id));
  const auto admitted = decide(application_id, R"({"decision":"admit"})");
  ASSERT_EQ(admitted.status, 200u) << admitted.body;
  EXPECT_EQ(schema_violation("application", admitted.body), "") << admitted.body;
  EXPECT_EQ(field(admitted, "state"), "admitted");
  EXPECT_FALSE(admitted.json()["decided_at"].IsNull());

  const auto listed = api.get("/v1/categories/" + category_id + "/admitted-providers");
  ASSERT_EQ(listed.status, 200u) << listed.body;
  EXPECT_EQ(schema_violation("admitted-provider-list", listed.body), "") << listed.body;
  const auto listed_doc = listed.json();
  const auto* entry = item_with(listed_doc, "provider_id", provider.organisation_id);
  ASSERT_NE(entry, nullptr) << listed.body;
  EXPECT_EQ(std::string((*entry)["business_id"].GetString()), finnish_business_id(101));

  const auto own = api.get("/v1/applications/" + application_id, provider.token);
  ASSERT_EQ(own.status, 200u) << own.body;
  EXPECT_EQ(field(own, "state"), "admitted");

  // A decided application no longer waits in the queue.
  const auto after = api.get("/v1/dps/" + dps_id + "/applications", officer.token);
  ASSERT_EQ(after.status, 200u) << after.body;
  EXPECT_EQ(after.json()["items"].Size(), 0u);

  const auto audit_after = server.runtime().db().verify_audit_chain();
  EXPECT_TRUE(audit_after.intact) << audit_after.problem;
  // dps.created, category.created, category.open, dps.publish, application.created, .submitted,
  // .clarification-requested, .clarification-answered, .admitted; sign-up may add more.
  EXPECT_GE(audit_after.events, audit_before.events + 9);
}

TEST_F(QualificationApi, RejectionNeedsAReasonThatTheProviderThenSees) {
  const auto dps = published_dps();
  Provider provider = sign_up_provider();
  const auto application_id =
      start_application(provider, dps.category_id, answers_body(false, 1, date(-200)));
  ASSERT_EQ(submit(provider, application_id).status, 200u);

  const auto before = audit_events();
  const auto bare = decide(application_id, R"({"decision":"reject"})");
  ASSERT_EQ(bare.status, 422u) << bare.body;
  EXPECT_EQ(bare.problem_type(), "invalid-input");
  EXPECT_STREQ(bare.json()["errors"][0]["pointer"].GetString(), "/reason");
  const auto blank = decide(application_id, R"({"decision":"reject","reason":"  "})");
  ASSERT_EQ(blank.status, 422u) << blank.body;
  EXPECT_STREQ(blank.json()["errors"][0]["pointer"].GetString(), "/reason");
  EXPECT_EQ(audit_events(), before);
  EXPECT_EQ(field(api.get("/v1/applications/" + application_id, provider.token), "state"),
            "submitted");

  const std::string reason = "Verot ja eläkemaksut ovat maksamatta.";
  const auto rejected =
      decide(application_id, R"({"decision":"reject","reason":")" + reason + R"("})");
  ASSERT_EQ(rejected.status, 200u) << rejected.body;
  EXPECT_EQ(schema_violation("application", rejected.body), "") << rejected.body;
  EXPECT_EQ(field(rejected, "state"), "rejected");

  const auto seen = api.get("/v1/applications/" + application_id, provider.token);
  ASSERT_EQ(seen.status, 200u) << seen.body;
  EXPECT_EQ(field(seen, "state"), "rejected");
  EXPECT_EQ(field(seen, "decision_reason"), reason);
  EXPECT_FALSE(seen.json()["decided_at"].IsNull());
  EXPECT_FALSE(publicly_admitted(dps.category_id, provider.organisation_id));
  EXPECT_EQ(decide(application_id, R"({"decision":"admit"})").status, 409u);
}

TEST_F(QualificationApi, SuspendedAndExcludedProvidersDisappearFromThePublicList) {
  const auto dps = published_dps();
  Provider provider = sign_up_provider();
  const auto application_id = submitted_application(provider, dps.category_id);
  ASSERT_EQ(decide(application_id, R"({"decision":"admit"})").status, 200u);
  ASSERT_TRUE(publicly_admitted(dps.category_id, provider.organisation_id));

  const auto before = audit_events();
  const auto bare =
      admission_act(dps.category_id, provider.organisation_id, R"({"act":"suspend"})");
  ASSERT_EQ(bare.status, 422u) << bare.body;
  EXPECT_STREQ(bare.json()["errors"][0]["pointer"].GetString(), "/reason");
  EXPECT_EQ(audit_events(), before);
  EXPECT_TRUE(publicly_admitted(dps.category_id, provider.organisation_id));

  const auto suspended =
      admission_act(dps.category_id, provider.organisation_id,
                    R"({"act":"suspend","reason":"Vakuutustodistus on vanhentunut."})");
  ASSERT_EQ(suspended.status, 200u) << suspended.body;
  EXPECT_EQ(schema_violation("admission", suspended.body), "") << suspended.body;
  EXPECT_EQ(field(suspended, "state"), "suspended");
  EXPECT_FALSE(publicly_admitted(dps.category_id, provider.organisation_id));

  const auto no_reason =
      admission_act(dps.category_id, provider.organisation_id, R"({"act":"exclude"})");
  EXPECT_EQ(no_reason.status, 422u) << no_reason.body;

  const std::string reason = "Verovelkaa ei ole maksettu määräajassa.";
  const auto excluded = admission_act(dps.category_id, provider.organisation_id,
                                      R"({"act":"exclude","reason":")" + reason + R"("})");
  ASSERT_EQ(excluded.status, 200u) << excluded.body;
  EXPECT_EQ(schema_violation("admission", excluded.body), "") << excluded.body;
  EXPECT_EQ(field(excluded, "state"), "excluded");
  EXPECT_EQ(field(excluded, "reason"), reason);
  EXPECT_FALSE(publicly_admitted(dps.category_id, provider.organisation_id));
  EXPECT_EQ(audit_events(), before + 2);

  const auto reinstated =
      admission_act(dps.category_id, provider.organisation_id, R"({"act":"reinstate"})");
  EXPECT_EQ(reinstated.status, 409u) << reinstated.body;
  EXPECT_FALSE(publicly_admitted(dps.category_id, provider.organisation_id));

  // A DPS stays open to anyone who qualifies, so an excluded provider may apply afresh.
  const auto again = api.post("/v1/categories/" + dps.category_id + "/applications",
                              answers_body(true, 3, date(-1)), provider.token);
  EXPECT_EQ(again.status, 201u) << again.body;
}

TEST_F(QualificationApi, OfficersListAdmissionsByStateWithTheReasonAndReinstateFromThere) {
  const auto dps = published_dps();
  Provider provider = sign_up_provider();
  ASSERT_EQ(
      decide(submitted_application(provider, dps.category_id), R"({"decision":"admit"})").status,
      200u);
  ASSERT_EQ(admission_act(dps.category_id, provider.organisation_id,
                          R"({"act":"suspend","reason":"Vakuutus vanhentunut."})")
                .status,
            200u);
  const auto list = [&](const std::string& query) {
    return api.get("/v1/categories/" + dps.category_id + "/admissions" + query, officer.token);
  };
  const auto suspended = list("?state=suspended");
  ASSERT_EQ(suspended.status, 200u) << suspended.body;
  EXPECT_EQ(schema_violation("admission-list", suspended.body), "") << suspended.body;
  const auto doc = suspended.json();
  ASSERT_EQ(doc["items"].Size(), 1u);
  EXPECT_EQ(std::string(doc["items"][0]["provider_id"].GetString()), provider.organisation_id);
  EXPECT_STREQ(doc["items"][0]["reason"].GetString(), "Vakuutus vanhentunut.");
  EXPECT_EQ(list("?state=admitted").json()["items"].Size(), 0u);
  EXPECT_EQ(list("").json()["items"].Size(), 1u);
  const auto bad = list("?state=asleep");
  EXPECT_EQ(bad.status, 422u);
  EXPECT_NE(bad.body.find("/state"), std::string::npos) << bad.body;

  server.clock().advance(std::chrono::minutes(1));  // notifications are listed newest first
  ASSERT_EQ(
      admission_act(dps.category_id, provider.organisation_id, R"({"act":"reinstate"})").status,
      200u);
  EXPECT_EQ(list("?state=suspended").json()["items"].Size(), 0u);
  EXPECT_EQ(list("?state=admitted").json()["items"].Size(), 1u);
  EXPECT_EQ(api.get("/v1/categories/" + dps.category_id + "/admissions", provider.token).status,
            403u);
}

TEST_F(QualificationApi, ASuspendedReinstatedOrExcludedProviderIsToldWhyAndItsApplicationSaysSo) {
  const auto dps = published_dps();
  Provider provider = sign_up_provider();
  const auto application_id = submitted_application(provider, dps.category_id);
  ASSERT_EQ(decide(application_id, R"({"decision":"admit"})").status, 200u);
  const auto application = [&] {
    return api.get("/v1/applications/" + application_id, provider.token);
  };
  const auto notifications = [&] { return api.get("/v1/notifications", provider.token); };
  const auto admitted = application();
  EXPECT_EQ(schema_violation("application", admitted.body), "") << admitted.body;
  EXPECT_STREQ(admitted.json()["admission"]["state"].GetString(), "admitted");
  EXPECT_EQ(notifications().json()["items"].Size(), 0u);  // admitting it is the decision itself

  const std::string reason = "Vakuutustodistus on vanhentunut.";
  ASSERT_EQ(admission_act(dps.category_id, provider.organisation_id,
                          R"({"act":"suspend","reason":")" + reason + R"("})")
                .status,
            200u);
  const auto suspended = application().json();
  EXPECT_STREQ(suspended["state"].GetString(), "admitted");  // the decision stands
  EXPECT_STREQ(suspended["admission"]["state"].GetString(), "suspended");
  EXPECT_EQ(suspended["admission"]["reason"].GetString(), reason);
  auto told = notifications();
  EXPECT_EQ(schema_violation("notification-list", told.body), "") << told.body;
  ASSERT_EQ(told.json()["items"].Size(), 1u);
  EXPECT_STREQ(told.json()["items"][0]["kind"].GetString(), "admission.suspended");
  EXPECT_EQ(told.json()["items"][0]["category_id"].GetString(), dps.category_id);
  EXPECT_NE(std::string(told.json()["items"][0]["text"].GetString()).find(reason),
            std::string::npos);

  server.clock().advance(std::chrono::minutes(1));  // notifications are listed newest first
  ASSERT_EQ(
      admission_act(dps.category_id, provider.organisation_id, R"({"act":"reinstate"})").status,
      200u);
  EXPECT_STREQ(application().json()["admission"]["state"].GetString(), "admitted");
  EXPECT_STREQ(notifications().json()["items"][0]["kind"].GetString(), "admission.reinstated");

  server.clock().advance(std::chrono::minutes(1));
  ASSERT_EQ(admission_act(dps.category_id, provider.organisation_id,
                          R"({"act":"exclude","reason":"Verovelkaa."})")
                .status,
            200u);
  EXPECT_STREQ(application().json()["admission"]["state"].GetString(), "excluded");
  told = notifications();
  ASSERT_EQ(told.json()["items"].Size(), 3u);
  EXPECT_STREQ(told.json()["items"][0]["kind"].GetString(), "admission.excluded");
  // Nobody else is told.
  EXPECT_EQ(api.get("/v1/notifications", officer.token).json()["items"].Size(), 0u);
}

TEST_F(QualificationApi, OverdueApplicationIsFlaggedInTheQueueAndMetrics) {
  const auto dps = published_dps();
  Provider provider = sign_up_provider();
  const auto application_id = submitted_application(provider, dps.category_id);

  const auto in_time = api.get("/v1/dps/" + dps.dps_id + "/applications", officer.token);
  ASSERT_EQ(in_time.status, 200u) << in_time.body;
  ASSERT_EQ(in_time.json()["items"].Size(), 1u);
  EXPECT_FALSE(in_time.json()["items"][0]["overdue"].GetBool());
  EXPECT_EQ(in_time.json()["items"][0]["working_days_left"].GetInt(), 10);
  EXPECT_NE(api.get("/metrics", kMetricsToken).body.find("\ntarjotin_applications_overdue 0\n"),
            std::string::npos);

  // To Wednesday 2026-10-07: two working days (Tue 6, Wed 7) past the Monday deadline.
  server.clock().advance(std::chrono::days(16));
  sign_in_again(officer);
  const auto late = api.get("/v1/dps/" + dps.dps_id + "/applications", officer.token);
  ASSERT_EQ(late.status, 200u) << late.body;
  EXPECT_EQ(schema_violation("application-list", late.body), "") << late.body;
  const auto late_doc = late.json();
  ASSERT_EQ(late_doc["items"].Size(), 1u);
  EXPECT_EQ(std::string(late_doc["items"][0]["id"].GetString()), application_id);
  EXPECT_TRUE(late_doc["items"][0]["overdue"].GetBool());
  EXPECT_EQ(late_doc["items"][0]["working_days_left"].GetInt(), -2);

  const auto metrics = api.get("/metrics", kMetricsToken);
  ASSERT_EQ(metrics.status, 200u);
  EXPECT_NE(metrics.body.find("\ntarjotin_applications_overdue 1\n"), std::string::npos)
      << metrics.body;
}

TEST_F(QualificationApi, DeadlineIsExtendedOnceWithAReasonToFifteenWorkingDays) {
  const auto dps = published_dps();
  Provider provider = sign_up_provider();
  const auto application_id = submitted_application(provider, dps.category_id);
  server.clock().advance(std::chrono::days(16));
  sign_in_again(officer);
  const std::string extend = "/v1/applications/" + application_id + "/deadline-extension";

  const auto before = audit_events();
  const auto missing = api.post(extend, "{}", officer.token);
  ASSERT_EQ(missing.status, 422u) << missing.body;
  EXPECT_STREQ(missing.json()["errors"][0]["pointer"].GetString(), "/reason");
  const auto blank = api.post(extend, R"({"reason":" "})", officer.token);
  ASSERT_EQ(blank.status, 422u) << blank.body;
  EXPECT_STREQ(blank.json()["errors"][0]["pointer"].GetString(), "/reason");
  EXPECT_EQ(audit_events(), before);

  const std::string reason = "Referenssien tarkistus vaatii lisäaikaa.";
  const auto extended = api.post(extend, R"({"reason":")" + reason + R"("})", officer.token);
  ASSERT_EQ(extended.status, 200u) << extended.body;
  EXPECT_EQ(schema_violation("application", extended.body), "") << extended.body;
  EXPECT_EQ(field(extended, "state"), "submitted");
  EXPECT_EQ(field(extended, "decision_due"), kExtendedDecisionDue);
  EXPECT_TRUE(extended.json()["deadline_extended"].GetBool());
  EXPECT_EQ(field(extended, "extension_reason"), reason);
  // Wednesday 7 October to Monday 12 October: Thu 8, Fri 9, Mon 12.
  EXPECT_FALSE(extended.json()["overdue"].GetBool());
  EXPECT_EQ(extended.json()["working_days_left"].GetInt(), 3);
  EXPECT_NE(api.get("/metrics", kMetricsToken).body.find("\ntarjotin_applications_overdue 0\n"),
            std::string::npos);

  const auto audited = audit_events();
  const auto twice = api.post(extend, R"({"reason":"Vielä lisää aikaa."})", officer.token);
  EXPECT_EQ(twice.status, 409u) << twice.body;
  EXPECT_EQ(twice.problem_type(), "already-extended");
  EXPECT_EQ(audit_events(), audited);
  EXPECT_EQ(field(api.get("/v1/applications/" + application_id, officer.token), "decision_due"),
            kExtendedDecisionDue);
}

// The change feed as a reader sees it: (kind, id, action) per item, seqs checked on the way.
struct FeedRead {
  std::vector<std::string> items;  // "kind id action"
  std::string next;
};

FeedRead read_feed(ApiClient& api, const std::string& since, const std::string& token,
                   int limit = 100) {
  const auto r = api.get(
      "/v1/feed?limit=" + std::to_string(limit) + (since.empty() ? "" : "&since=" + since), token);
  EXPECT_EQ(r.status, 200u) << r.body;
  EXPECT_EQ(schema_violation("change-feed", r.body), "") << r.body;
  FeedRead out;
  const auto doc = r.json();
  long long last = since.empty() ? 0 : std::stoll(since);
  for (const auto& item : doc["items"].GetArray()) {
    EXPECT_GT(item["seq"].GetInt64(), last) << "seqs rise from page to page";
    last = item["seq"].GetInt64();
    out.items.push_back(std::string(item["kind"].GetString()) + " " + item["id"].GetString() + " " +
                        item["action"].GetString());
  }
  out.next = doc["next"].GetString();
  EXPECT_GE(std::stoll(out.next), last);
  return out;
}

bool has(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

TEST_F(QualificationApi, ChangeFeedShowsEachCallerOnlyWhatItMaySee) {
  const auto stranger = server.add_member(OrganisationKind::contracting_authority, Role::officer);
  const auto draft = create_dps();  // never published
  const auto p = published_dps();
  Provider provider = sign_up_provider();
  const auto application = submitted_application(provider, p.category_id);
  ASSERT_EQ(decide(application, R"({"decision":"admit"})").status, 200u);
  const std::string admission = provider.organisation_id + "/" + p.category_id;

  const auto anonymous = read_feed(api, "", "");
  EXPECT_TRUE(has(anonymous.items, "dps " + p.dps_id + " dps.created")) << anonymous.next;
  EXPECT_TRUE(has(anonymous.items, "dps " + p.dps_id + " dps.publish"));
  EXPECT_TRUE(has(anonymous.items, "category " + p.category_id + " category.created"));
  EXPECT_TRUE(has(anonymous.items, "admission " + admission + " application.admitted"));
  for (const auto& item : anonymous.items) {
    EXPECT_EQ(item.find(draft), std::string::npos) << "a draft DPS is not public: " << item;
    EXPECT_NE(item.rfind("application ", 0), 0u) << "applications are not public: " << item;
  }
  const auto own = read_feed(api, "", officer.token);
  EXPECT_TRUE(has(own.items, "dps " + draft + " dps.created"));
  EXPECT_TRUE(has(own.items, "application " + application + " application.submitted"));
  const auto other = read_feed(api, "", stranger.token);
  EXPECT_FALSE(has(other.items, "dps " + draft + " dps.created"));
  EXPECT_FALSE(has(other.items, "application " + application + " application.submitted"));
  EXPECT_EQ(other.items, anonymous.items) << "another authority's officer sees the public part";

  // Caught up: polling again from `next` gives nothing and stays put.
  const auto again = read_feed(api, own.next, officer.token);
  EXPECT_TRUE(again.items.empty());
  EXPECT_EQ(again.next, own.next);
  for (const char* bad : {"?since=-1", "?since=x", "?since=", "?limit=0"}) {
    const auto r = api.get(std::string("/v1/feed") + bad);
    EXPECT_EQ(r.status, 422u) << bad;
  }
}

TEST_F(QualificationApi, ChangeFeedPollerFindsEveryConcurrentChangeExactlyOnce) {
  const auto p = published_dps();
  constexpr int kWriters = 4, kEach = 12;
  std::atomic<bool> writing{true};
  std::vector<std::vector<std::string>> created(kWriters);
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w)
    writers.emplace_back([&, w] {
      ApiClient mine = server.client();
      for (int i = 0; i < kEach; ++i) {
        const auto r =
            mine.post("/v1/dps/" + p.dps_id + "/categories", category_body(), officer.token);
        EXPECT_EQ(r.status, 201u) << r.body;
        created[w].push_back(field(r, "id"));
      }
    });
  // Small pages while the writers commit, so the reader keeps landing between commits.
  std::vector<std::string> seen;
  std::string since;
  int polls = 0;
  const auto poll = [&] {
    const auto page = read_feed(api, since, officer.token, 3);
    seen.insert(seen.end(), page.items.begin(), page.items.end());
    const bool moved = page.next != since;
    since = page.next;
    ++polls;
    return moved;
  };
  std::thread done_when_written([&] {
    for (auto& t : writers) t.join();
    writing = false;
  });
  while (writing) poll();
  done_when_written.join();
  while (poll()) {
  }
  int found = 0;
  for (const auto& ids : created)
    for (const auto& id : ids) {
      const auto item = "category " + id + " category.created";
      EXPECT_EQ(std::count(seen.begin(), seen.end(), item), 1) << item;
      ++found;
    }
  EXPECT_EQ(found, kWriters * kEach);
  std::vector<std::string> sorted = seen;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end()) << "an item twice";
  EXPECT_GT(polls, kWriters) << "the reader polled while the writers wrote";
}

class QualificationRefusals : public QualificationApi {};

TEST_F(QualificationRefusals, ClosedDpsTakesNoApplications) {
  const auto dps = published_dps();
  Provider provider = sign_up_provider();
  const auto draft = start_application(provider, dps.category_id, answers_body(true, 3, date(-1)));
  const auto closed = dps_act(dps.dps_id, "close");
  ASSERT_EQ(closed.status, 200u) << closed.body;
  EXPECT_EQ(field(closed, "state"), "closed");

  Provider newcomer = sign_up_provider();
  const auto before = audit_events();
  const auto r = api.post("/v1/categories/" + dps.category_id + "/applications",
                          answers_body(true, 3, date(-1)), newcomer.token);
  EXPECT_EQ(r.status, 409u) << r.body;
  EXPECT_EQ(r.problem_type(), "dps-not-accepting");
  EXPECT_EQ(schema_violation("problem", r.body), "") << r.body;
  // A draft begun while the DPS was open cannot slip in after it closed.
  const auto late = submit(provider, draft);
  EXPECT_EQ(late.status, 409u) << late.body;
  EXPECT_EQ(late.problem_type(), "dps-not-accepting");
  EXPECT_EQ(audit_events(), before);
}

TEST_F(QualificationRefusals, DraftCategoryIsNotFoundForProviders) {
  const auto dps = published_dps();
  const auto draft_category = add_category(dps.dps_id);
  Provider provider = sign_up_provider();

  const auto before = audit_events();
  const auto r = api.post("/v1/categories/" + draft_category + "/applications",
                          answers_body(true, 3, date(-1)), provider.token);
  EXPECT_EQ(r.status, 404u) << r.body;
  EXPECT_EQ(r.problem_type(), "not-found");
  EXPECT_EQ(api.get("/v1/categories/" + draft_category, provider.token).status, 404u);
  EXPECT_EQ(api.get("/v1/categories/" + draft_category).status, 404u);
  EXPECT_EQ(api.get("/v1/categories/" + draft_category, officer.token).status, 200u);
  EXPECT_EQ(audit_events(), before);
}

TEST_F(QualificationRefusals, SecondApplicationWhileOneIsPendingIsAConflict) {
  const auto dps = published_dps();
  Provider provider = sign_up_provider();
  const auto first = start_application(provider, dps.category_id, answers_body(true, 3, date(-1)));
  const std::string target = "/v1/categories/" + dps.category_id + "/applications";

  const auto before = audit_events();
  const auto while_draft = api.post(target, answers_body(true, 4, date(-1)), provider.token);
  EXPECT_EQ(while_draft.status, 409u) << while_draft.body;
  EXPECT_EQ(while_draft.problem_type(), "application-pending");

  ASSERT_EQ(submit(provider, first).status, 200u);
  const auto while_submitted = api.post(target, answers_body(true, 4, date(-1)), provider.token);
  EXPECT_EQ(while_submitted.status, 409u) << while_submitted.body;
  EXPECT_EQ(while_submitted.problem_type(), "application-pending");
  EXPECT_EQ(audit_events(), before + 1);  // the submission only

  const auto own = api.get("/v1/applications", provider.token);
  ASSERT_EQ(own.status, 200u) << own.body;
  EXPECT_EQ(schema_violation("application-list", own.body), "") << own.body;
  EXPECT_EQ(own.json()["items"].Size(), 1u);
}

TEST_F(QualificationRefusals, AnotherProvidersApplicationIsNotFoundWhateverIsTried) {
  const auto dps = published_dps();
  Provider owner = sign_up_provider();
  Provider other = sign_up_provider();
  const auto id = start_application(owner, dps.category_id, answers_body(true, 3, date(-1)));
  const std::string path = "/v1/applications/" + id;
  const std::string unknown = "/v1/applications/00000000-0000-4000-8000-000000000000";

  const auto before = audit_events();
  const auto read = api.get(path, other.token);
  EXPECT_EQ(read.status, 404u) << read.body;
  EXPECT_EQ(read.json()["detail"], api.get(unknown, other.token).json()["detail"]);
  EXPECT_EQ(api.request(verb::put, path + "/answers", answers_body(false, 0, date(-1)), other.token)
                .status,
            404u);
  EXPECT_EQ(submit(other, id).status, 404u);
  EXPECT_EQ(api.get(path + "/messages", other.token).status, 404u);
  EXPECT_EQ(api.post(path + "/messages", R"({"body":"Hei"})", other.token).status, 404u);
  EXPECT_EQ(api.post(path + "/withdrawal", "", other.token).status, 404u);
  EXPECT_EQ(audit_events(), before);

  const auto untouched = api.get(path, owner.token);
  ASSERT_EQ(untouched.status, 200u) << untouched.body;
  EXPECT_EQ(field(untouched, "state"), "draft");
  EXPECT_EQ(verdict_of(untouched, "taxes-paid"), "meets");
  EXPECT_EQ(api.get("/v1/applications", other.token).json()["items"].Size(), 0u);
}

TEST_F(QualificationRefusals, CoachMayNotAdmit) {
  const auto dps = published_dps();
  Provider provider = sign_up_provider();
  const auto id = submitted_application(provider, dps.category_id);
  const auto coach = server.add_member(OrganisationKind::coaching_unit, Role::coach);

  const auto before = audit_events();
  const auto r = decide(id, R"({"decision":"admit"})", coach.token);
  EXPECT_EQ(r.status, 403u) << r.body;
  EXPECT_EQ(r.problem_type(), "forbidden");
  EXPECT_EQ(audit_events(), before);
  EXPECT_EQ(field(api.get("/v1/applications/" + id, provider.token), "state"), "submitted");
  EXPECT_FALSE(publicly_admitted(dps.category_id, provider.organisation_id));
}

TEST_F(QualificationRefusals, OfficerOfAnotherAuthorityFindsNothingToActOn) {
  const auto stranger = server.add_member(OrganisationKind::contracting_authority, Role::officer);
  const auto dps_id = create_dps();
  const auto category_id = add_category(dps_id);
  ASSERT_EQ(category_act(category_id, "open").status, 200u);

  const auto before = audit_events();
  const auto publish = dps_act(dps_id, "publish", stranger.token);
  EXPECT_EQ(publish.status, 404u) << publish.body;
  EXPECT_EQ(api.get("/v1/dps/" + dps_id, stranger.token).status, 404u);
  EXPECT_EQ(audit_events(), before);
  EXPECT_EQ(field(api.get("/v1/dps/" + dps_id, officer.token), "state"), "draft");

  ASSERT_EQ(dps_act(dps_id, "publish").status, 200u);
  Provider provider = sign_up_provider();
  const auto id = submitted_application(provider, category_id);

  const auto audited = audit_events();
  const auto queue = api.get("/v1/dps/" + dps_id + "/applications", stranger.token);
  EXPECT_EQ(queue.status, 404u) << queue.body;
  EXPECT_EQ(decide(id, R"({"decision":"admit"})", stranger.token).status, 404u);
  EXPECT_EQ(decide(id, R"({"decision":"reject","reason":"Ei käy."})", stranger.token).status, 404u);
  EXPECT_EQ(api.get("/v1/applications/" + id, stranger.token).status, 404u);
  EXPECT_EQ(dps_act(dps_id, "close", stranger.token).status, 404u);
  EXPECT_EQ(audit_events(), audited);
  EXPECT_EQ(field(api.get("/v1/applications/" + id, provider.token), "state"), "submitted");
  EXPECT_EQ(field(api.get("/v1/dps/" + dps_id), "state"), "open");
}

TEST_F(QualificationRefusals, DraftDpsIsHiddenFromTheAnonymousUntilPublished) {
  const auto dps_id = create_dps();
  EXPECT_EQ(api.get("/v1/dps/" + dps_id).status, 404u);
  EXPECT_EQ(api.get("/v1/dps/" + dps_id + "/categories").status, 404u);
  EXPECT_EQ(item_with(api.get("/v1/dps").json(), "id", dps_id), nullptr);

  // Nothing to apply to yet, so it cannot be published.
  const auto empty = dps_act(dps_id, "publish");
  EXPECT_EQ(empty.status, 409u) << empty.body;
  EXPECT_EQ(empty.problem_type(), "no-categories");
  EXPECT_EQ(api.get("/v1/dps/" + dps_id).status, 404u);

  const auto category_id = add_category(dps_id);
  ASSERT_EQ(category_act(category_id, "open").status, 200u);
  ASSERT_EQ(dps_act(dps_id, "publish").status, 200u);
  const auto r = api.get("/v1/dps/" + dps_id);
  ASSERT_EQ(r.status, 200u) << r.body;
  EXPECT_EQ(schema_violation("dps", r.body), "") << r.body;
  EXPECT_EQ(field(r, "state"), "open");
  const auto list = api.get("/v1/dps");
  EXPECT_EQ(schema_violation("dps-list", list.body), "") << list.body;
  EXPECT_NE(item_with(list.json(), "id", dps_id), nullptr) << list.body;
  const auto categories = api.get("/v1/dps/" + dps_id + "/categories");
  ASSERT_EQ(categories.status, 200u) << categories.body;
  EXPECT_EQ(schema_violation("category-list", categories.body), "") << categories.body;
  EXPECT_NE(item_with(categories.json(), "id", category_id), nullptr);
}

TEST_F(QualificationRefusals, BadDpsInputIsRefusedAndChangesNothing) {
  const auto before = audit_events();

  const auto backwards = api.post("/v1/dps", dps_body(date(30), date(0)), officer.token);
  ASSERT_EQ(backwards.status, 422u) << backwards.body;
  EXPECT_EQ(backwards.problem_type(), "invalid-input");
  EXPECT_STREQ(backwards.json()["errors"][0]["pointer"].GetString(), "/valid_until");

  const auto unknown = api.post("/v1/dps",
                                R"({"title":"DPS","valid_from":")" + date(0) +
                                    R"(","valid_until":")" + date(365) + R"(","budget":100})",
                                officer.token);
  ASSERT_EQ(unknown.status, 422u) << unknown.body;
  EXPECT_STREQ(unknown.json()["errors"][0]["pointer"].GetString(), "/budget");
  EXPECT_STREQ(unknown.json()["errors"][0]["rule"].GetString(), "additionalProperties");

  const auto no_title = api.post(
      "/v1/dps", R"({"valid_from":")" + date(0) + R"(","valid_until":")" + date(365) + R"("})",
      officer.token);
  ASSERT_EQ(no_title.status, 422u) << no_title.body;
  EXPECT_STREQ(no_title.json()["errors"][0]["pointer"].GetString(), "/title");

  EXPECT_EQ(audit_events(), before);
  EXPECT_EQ(api.get("/v1/dps", officer.token).json()["items"].Size(), 0u);
}

TEST_F(QualificationRefusals, ImpossibleCalendarDateIsRefused) {
  // The form matches the schema's pattern, but there is no 30 February.
  const auto before = audit_events();
  const auto r = api.post("/v1/dps", dps_body("2027-02-30", "2027-12-31"), officer.token);
  EXPECT_EQ(r.status, 422u) << r.body;
  EXPECT_EQ(r.problem_type(), "invalid-input");
  EXPECT_EQ(audit_events(), before);
  EXPECT_EQ(api.get("/v1/dps", officer.token).json()["items"].Size(), 0u);
}

TEST_F(QualificationRefusals, ImpossibleAnswerDateIsRefusedRatherThanDropped) {
  const auto dps = published_dps();
  Provider provider = sign_up_provider();
  const auto before = audit_events();
  const auto r = api.post("/v1/categories/" + dps.category_id + "/applications",
                          answers_body(true, 3, "2026-02-30"), provider.token);
  EXPECT_EQ(r.status, 422u) << r.body;
  EXPECT_EQ(r.problem_type(), "invalid-input");
  EXPECT_EQ(audit_events(), before);
  EXPECT_EQ(api.get("/v1/applications", provider.token).json()["items"].Size(), 0u);
}

TEST_F(QualificationRefusals, BadCategoryInputIsRefusedAndChangesNothing) {
  const auto dps_id = create_dps();
  const auto before = audit_events();

  const std::string duplicate_keys =
      R"([{"key":"taxes-paid","question":"Q1","type":"yes_no","kind":"exclusion_ground"},)"
      R"({"key":"taxes-paid","question":"Q2","type":"yes_no","kind":"selection"}])";
  const auto duplicate =
      api.post("/v1/dps/" + dps_id + "/categories", category_body(duplicate_keys), officer.token);
  ASSERT_EQ(duplicate.status, 422u) << duplicate.body;
  EXPECT_STREQ(duplicate.json()["errors"][0]["pointer"].GetString(), "/criteria/1/key");

  const std::string negative =
      R"([{"key":"coaches","question":"How many?","type":"number_at_least",)"
      R"("kind":"selection","threshold":-1}])";
  const auto below =
      api.post("/v1/dps/" + dps_id + "/categories", category_body(negative), officer.token);
  ASSERT_EQ(below.status, 422u) << below.body;
  EXPECT_STREQ(below.json()["errors"][0]["pointer"].GetString(), "/criteria/0/threshold");

  EXPECT_EQ(audit_events(), before);
  EXPECT_EQ(api.get("/v1/dps/" + dps_id + "/categories", officer.token).json()["items"].Size(), 0u);
}

class QualificationCriteria : public QualificationApi {};

TEST_F(QualificationCriteria, NewVersionLeavesEarlierSubmissionsOnTheirVersion) {
  const auto dps = published_dps();
  Provider early = sign_up_provider();
  Provider late = sign_up_provider();
  const auto early_id = submitted_application(early, dps.category_id);
  // Begun under version 1 but submitted under version 2: judged by what holds at receipt.
  const auto late_id = start_application(late, dps.category_id, answers_body(true, 3, date(-10)));

  const std::string stricter =
      R"({"criteria":[{"key":"taxes-paid","question":"Has the company paid its taxes and )"
      R"(pension contributions?","type":"yes_no","kind":"exclusion_ground"},)"
      R"({"key":"qualified-coaches","question":"How many qualified job coaches deliver the )"
      R"(service?","type":"number_at_least","kind":"selection","threshold":5},)"
      R"({"key":"tax-certificate","question":"Date of the tax debt certificate",)"
      R"("type":"date_within_days","kind":"selection","max_age_days":90}]})";
  const auto changed = api.request(verb::put, "/v1/categories/" + dps.category_id + "/criteria",
                                   stricter, officer.token);
  ASSERT_EQ(changed.status, 200u) << changed.body;
  EXPECT_EQ(schema_violation("category", changed.body), "") << changed.body;
  EXPECT_EQ(changed.json()["criteria_version"].GetInt(), 2);
  EXPECT_EQ(field(changed, "state"), "open");

  const auto published = api.get("/v1/categories/" + dps.category_id);
  ASSERT_EQ(published.status, 200u) << published.body;
  EXPECT_EQ(published.json()["criteria_version"].GetInt(), 2);
  EXPECT_EQ(published.json()["criteria"][1]["threshold"].GetDouble(), 5.0);

  const auto kept = api.get("/v1/applications/" + early_id, officer.token);
  ASSERT_EQ(kept.status, 200u) << kept.body;
  EXPECT_EQ(kept.json()["criteria_version"].GetInt(), 1);
  EXPECT_EQ(verdict_of(kept, "qualified-coaches"), "meets");  // 3 >= 2, the version-1 threshold

  const auto moved = submit(late, late_id);
  ASSERT_EQ(moved.status, 200u) << moved.body;
  EXPECT_EQ(moved.json()["criteria_version"].GetInt(), 2);
  EXPECT_EQ(verdict_of(moved, "qualified-coaches"), "fails");  // 3 < 5

  const auto queue = api.get("/v1/dps/" + dps.dps_id + "/applications", officer.token);
  ASSERT_EQ(queue.status, 200u) << queue.body;
  const auto queue_doc = queue.json();
  const auto* listed = item_with(queue_doc, "id", early_id);
  ASSERT_NE(listed, nullptr) << queue.body;
  EXPECT_EQ((*listed)["criteria_version"].GetInt(), 1);
}

}  // namespace
}  // namespace tarjotin::testing

namespace tarjotin::testing {
namespace {

// A tiny PDF; its SHA-256 was computed independently of the server (Python's hashlib).
const std::string kPdf = "%PDF-1.4\n% Tarjotin test certificate\n%%EOF\n";
const std::string kPdfSha256 = "45db2ec3f36d5cc1703906d13290e45c236cce0f6697cb409854a0f78d7d0c22";

class QualificationDocuments : public QualificationApi {
 protected:
  HttpResult upload(const Provider& p, const std::string& application_id, const std::string& bytes,
                    const std::string& type = "application/pdf") {
    return api.request(
        http::verb::post, "/v1/applications/" + application_id + "/attachments", bytes, p.token,
        {{"Content-Type", type},
         {"Content-Disposition", R"(attachment; filename="../../verotodistus.pdf")"}});
  }
};

TEST_F(QualificationDocuments, ApplicantAttachesACertificateThatTheOfficerDownloadsIntact) {
  const auto dps = published_dps();
  const auto provider = sign_up_provider();
  const auto app = start_application(provider, dps.category_id, "{}");
  const auto r = upload(provider, app, kPdf);
  ASSERT_EQ(r.status, 201u) << r.body;
  EXPECT_EQ(schema_violation("attachment", r.body), "");
  EXPECT_EQ(field(r, "sha256"), kPdfSha256);
  EXPECT_EQ(field(r, "filename"), "verotodistus.pdf");  // no path survives
  const std::string id = field(r, "id");

  const auto listed = api.get("/v1/applications/" + app + "/attachments", provider.token);
  EXPECT_EQ(schema_violation("attachment-list", listed.body), "");
  EXPECT_NE(item_with(listed.json(), "id", id), nullptr);

  const auto answers = api.request(
      http::verb::put, "/v1/applications/" + app + "/answers",
      R"({"answers":[{"key":"taxes-paid","yes":true},{"key":"qualified-coaches","number":3},)"
      R"({"key":"tax-certificate","date":")" +
          date(-5) + R"(","attachment_id":")" + id + R"("}]})",
      provider.token);
  ASSERT_EQ(answers.status, 200u) << answers.body;
  ASSERT_EQ(submit(provider, app).status, 200u);

  const auto download = api.get("/v1/attachments/" + id + "/content", officer.token);
  ASSERT_EQ(download.status, 200u) << download.body;
  EXPECT_EQ(download.body, kPdf);
  EXPECT_EQ(download.header("Content-Type"), "application/pdf");
  EXPECT_EQ(download.header("Content-Disposition"), R"(attachment; filename="verotodistus.pdf")");
  EXPECT_EQ(download.header("X-Content-SHA256"), kPdfSha256);
  EXPECT_EQ(download.header("Content-Security-Policy").rfind("sandbox;", 0), 0u);
  EXPECT_EQ(download.header("X-Content-Type-Options"), "nosniff");
}

TEST_F(QualificationDocuments, APdfCarryingScriptIsKeptButOnlyEverServedSandboxedAsADownload) {
  const auto dps = published_dps();
  const auto provider = sign_up_provider();
  const auto app = start_application(provider, dps.category_id, "{}");
  // A PDF header, then what a browser sniffing for HTML would run, and a PDF action.
  const std::string polyglot =
      "%PDF-1.4\n<html><script>alert(document.cookie)</script></html>\n"
      "1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF\n";
  const auto stored = upload(provider, app, polyglot, "application/pdf");
  ASSERT_EQ(stored.status, 201u) << stored.body;
  const auto served =
      api.get("/v1/attachments/" + field(stored, "id") + "/content", provider.token);
  ASSERT_EQ(served.status, 200u);
  EXPECT_EQ(served.body, polyglot);
  EXPECT_EQ(served.header("Content-Type"), "application/pdf");
  EXPECT_EQ(served.header("Content-Disposition").rfind("attachment;", 0), 0u);
  EXPECT_EQ(served.header("Content-Security-Policy").rfind("sandbox;", 0), 0u);
  EXPECT_EQ(served.header("X-Content-Type-Options"), "nosniff");
}

TEST_F(QualificationDocuments, ContentThatIsNotWhatItsTypeSaysIsRefused) {
  const auto dps = published_dps();
  const auto provider = sign_up_provider();
  const auto app = start_application(provider, dps.category_id, "{}");
  const auto before = audit_events();
  const std::string png("\x89PNG\r\n\x1a\nrest", 12);
  EXPECT_EQ(upload(provider, app, png, "application/pdf").status, 422u);
  EXPECT_EQ(upload(provider, app, "MZ\x90\x00 not a pdf", "application/pdf").status, 422u);
  EXPECT_EQ(upload(provider, app, "hello", "text/plain").status, 422u);
  EXPECT_EQ(audit_events(), before);
  EXPECT_EQ(upload(provider, app, png, "image/png").status, 201u);
}

TEST_F(QualificationDocuments, UploadsHaveTheirOwnSizeLimitAboveTheJsonOne) {
  const auto dps = published_dps();
  const auto provider = sign_up_provider();
  const auto app = start_application(provider, dps.category_id, "{}");
  // 100 KiB: more than a JSON body may have (64 KiB here), less than a document (256 KiB).
  EXPECT_EQ(upload(provider, app, kPdf + std::string(100 * 1024, 'x')).status, 201u);
  // Refused on the head alone: the server does not read a body it will not take.
  const std::string reply = api.raw(
      "POST /v1/applications/" + app +
      "/attachments HTTP/1.1\r\nHost: localhost\r\n"
      "Authorization: Bearer " +
      provider.token + "\r\nContent-Type: application/pdf\r\nContent-Length: 307200\r\n\r\n");
  EXPECT_EQ(reply.rfind("HTTP/1.1 413", 0), 0u) << reply;
  // The same size to a JSON route is refused at the smaller limit.
  const std::string json_reply = api.raw(
      "POST /v1/sessions HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
      "application/json\r\nContent-Length: 102400\r\n\r\n");
  EXPECT_EQ(json_reply.rfind("HTTP/1.1 413", 0), 0u) << json_reply;
}

TEST_F(QualificationDocuments, AnotherProviderNeitherUploadsNorReads) {
  const auto dps = published_dps();
  const auto owner = sign_up_provider();
  const auto stranger = sign_up_provider();
  const auto app = start_application(owner, dps.category_id, "{}");
  const auto r = upload(owner, app, kPdf);
  ASSERT_EQ(r.status, 201u);
  EXPECT_EQ(upload(stranger, app, kPdf).status, 404u);
  EXPECT_EQ(api.get("/v1/attachments/" + field(r, "id") + "/content", stranger.token).status, 404u);
  EXPECT_EQ(api.get("/v1/applications/" + app + "/attachments", stranger.token).status, 404u);
}

TEST_F(QualificationDocuments, AnswersCannotPointAtAnotherApplicationsDocument) {
  const auto dps = published_dps();
  const auto other_category = add_category(dps.dps_id);
  ASSERT_EQ(category_act(other_category, "open").status, 200u);
  const auto provider = sign_up_provider();
  const auto first = start_application(provider, dps.category_id, "{}");
  const auto second = start_application(provider, other_category, "{}");
  const auto doc = upload(provider, first, kPdf);
  ASSERT_EQ(doc.status, 201u);
  const auto r = api.request(http::verb::put, "/v1/applications/" + second + "/answers",
                             R"({"answers":[{"key":"tax-certificate","date":")" + date(-5) +
                                 R"(","attachment_id":")" + field(doc, "id") + R"("}]})",
                             provider.token);
  ASSERT_EQ(r.status, 422u) << r.body;
  EXPECT_STREQ(r.json()["errors"][0]["pointer"].GetString(), "/answers/0/attachment_id");
}

TEST_F(QualificationDocuments, NoNewDocumentsOnceSubmitted) {
  const auto dps = published_dps();
  const auto provider = sign_up_provider();
  const auto app = submitted_application(provider, dps.category_id);
  const auto r = upload(provider, app, kPdf);
  EXPECT_EQ(r.status, 409u) << r.body;
}

}  // namespace
}  // namespace tarjotin::testing
