// The verifiable audit log's routes: the key and checkpoint, events as each caller may see them,
// proofs that verify, and the refusals.
#include <gtest/gtest.h>

#include "crypto/crypto.hpp"
#include "crypto/merkle.hpp"
#include "crypto/tree_head_signing.hpp"
#include "domain/qualification/dpss.hpp"
#include "server/audit_verifier/remote_log.hpp"
#include "server/time_format.hpp"
#include "tests/api/support/test_server.hpp"

namespace tarjotin::testing {
namespace {

using namespace std::chrono_literals;

std::string str(const rapidjson::Value& v) { return {v.GetString(), v.GetStringLength()}; }

domain::SignedTreeHead head_of(const HttpResult& r) {
  const auto doc = r.json();
  return {doc["tree_size"].GetInt64(), str(doc["root_hash"]),
          *server::parse_timestamp(str(doc["signed_at"])), str(doc["key_id"]),
          str(doc["signature"])};
}

class AuditLogApi : public ::testing::Test {
 protected:
  TestServer server;
  ApiClient api = server.client();
  TestServer::Member officer =
      server.add_member(domain::OrganisationKind::contracting_authority, domain::Role::officer);

  std::string dps(bool publish) {
    const auto day = domain::helsinki_date(server.clock().now());
    const domain::DpsInput in{"Työvalmennus", "", "", day, day + std::chrono::days{365}};
    const domain::Actor actor{officer.user_id, officer.organisation_id, domain::Role::officer, ""};
    auto& q = server.runtime().qualification();
    const auto made = domain::create_dps(q, actor, in);
    EXPECT_TRUE(made.ok());
    if (publish) {
      domain::CategoryInput category;
      category.name = {"Työhönvalmennus", "Jobbcoachning", "Job coaching"};
      category.languages = {"fi"};
      category.regions = {"297"};
      category.price.unit_price_ceiling_cents = 200'000;
      const std::vector<domain::Criterion> criteria{
          {"insured", "Vakuutus voimassa?", domain::CriterionType::yes_no,
           domain::CriterionKind::selection, 0, 0, false}};
      EXPECT_TRUE(domain::create_category(q, actor, made->id, {category, criteria}).ok());
      EXPECT_TRUE(domain::change_dps_state(q, actor, made->id, domain::DpsAct::publish).ok());
    }
    return made->id;
  }

  std::vector<crypto::Digest> leaves(const std::string& token = "") {
    std::vector<crypto::Digest> out;
    for (std::string from = "1"; !from.empty();) {
      const auto page = api.get("/v1/audit/events?limit=3&from=" + from, token);
      EXPECT_EQ(page.status, 200u) << page.body;
      EXPECT_EQ(schema_violation("audit-event-list", page.body), "") << page.body;
      const auto doc = page.json();
      for (const auto& item : doc["items"].GetArray()) {
        const auto leaf = server::published_leaf(item);
        EXPECT_EQ(leaf.seq, static_cast<long long>(out.size()) + 1);
        out.push_back(leaf.hash);
      }
      from = doc.HasMember("next") ? str(doc["next"]) : "";
    }
    return out;
  }
};

TEST_F(AuditLogApi, TheCheckpointIsSignedByThePublishedKeyOverTheWholeLog) {
  dps(true);
  const auto key = api.get("/v1/audit/public-key");
  ASSERT_EQ(key.status, 200u) << key.body;
  EXPECT_EQ(schema_violation("audit-public-key", key.body), "") << key.body;
  const auto raw = crypto::ed25519_public_key(str(key.json()["pem"]));
  ASSERT_TRUE(raw);
  EXPECT_EQ(crypto::hex(raw->data(), raw->size()), str(key.json()["public_key"]));

  const auto checkpoint = api.get("/v1/audit/checkpoint");
  ASSERT_EQ(checkpoint.status, 200u) << checkpoint.body;
  EXPECT_EQ(schema_violation("audit-checkpoint", checkpoint.body), "") << checkpoint.body;
  const auto head = head_of(checkpoint);
  EXPECT_TRUE(crypto::verify_tree_head(head, *raw));
  EXPECT_EQ(head.signed_at, server.clock().now());

  // Every event, rebuilt by the reader from what it was given, makes the signed root.
  const auto all = leaves();
  ASSERT_EQ(static_cast<long long>(all.size()), head.tree_size);
  crypto::CompactRange range;
  for (const auto& leaf : all) range.append(leaf);
  EXPECT_EQ(crypto::to_hex(range.root()), head.root_hash);
}

TEST_F(AuditLogApi, ANewCheckpointOnlyOnceTheLogGrewAndTheLastIsTenSecondsOld) {
  const auto first = head_of(api.get("/v1/audit/checkpoint"));
  dps(false);
  server.clock().advance(9s);
  EXPECT_EQ(head_of(api.get("/v1/audit/checkpoint")), first);
  server.clock().advance(1s);
  const auto grown = head_of(api.get("/v1/audit/checkpoint"));
  EXPECT_EQ(grown.tree_size, first.tree_size + 1);
  EXPECT_EQ(grown.signed_at, server.clock().now());
  server.clock().advance(60s);
  EXPECT_EQ(head_of(api.get("/v1/audit/checkpoint")), grown);
}

TEST_F(AuditLogApi, AnonymousReadersSeeOnlyThePublicPartAndNoOnesIdentity) {
  const auto published = dps(true);
  const auto draft = dps(false);
  const auto answer = api.get("/v1/audit/events?limit=1000");
  const auto& body = answer.body;
  EXPECT_EQ(body.find(officer.user_id), std::string::npos);
  EXPECT_EQ(body.find(officer.organisation_id), std::string::npos);
  EXPECT_EQ(body.find(draft), std::string::npos);
  EXPECT_NE(body.find(published), std::string::npos);
  const auto doc = answer.json();
  int shown = 0;
  for (const auto& item : doc["items"].GetArray()) {
    for (const char* never : {"actor_user_id", "actor_organisation_id", "before", "after"})
      EXPECT_FALSE(item.HasMember(never)) << never;
    shown += item.HasMember("action") ? 1 : 0;
  }
  // The published DPS's creation and publication; not its category, still a draft, nor any
  // user's or the draft DPS's.
  EXPECT_EQ(shown, 2) << body;
  // The officer of the authority also sees its draft, still without anyone's identity.
  const auto own = api.get("/v1/audit/events?limit=1000", officer.token).body;
  EXPECT_NE(own.find(draft), std::string::npos);
  EXPECT_EQ(own.find(officer.user_id), std::string::npos);
  // Both make the same leaves: what is withheld is still committed to.
  EXPECT_EQ(leaves(), leaves(officer.token));
}

TEST_F(AuditLogApi, EveryProofVerifiesAgainstTheCheckpoint) {
  dps(true);
  const auto head = head_of(api.get("/v1/audit/checkpoint"));
  const auto all = leaves();
  const auto root = *crypto::digest_from_hex(head.root_hash);
  auto hashes = [](const HttpResult& r) {
    const auto doc = r.json();  // kept: a loop over a temporary's member would outlive it
    std::vector<crypto::Digest> out;
    for (const auto& h : doc["path"].GetArray()) out.push_back(*crypto::digest_from_hex(str(h)));
    return out;
  };
  for (long long seq = 1; seq <= head.tree_size; ++seq) {
    const auto proof = api.get("/v1/audit/inclusion-proof?seq=" + std::to_string(seq) +
                               "&tree_size=" + std::to_string(head.tree_size));
    ASSERT_EQ(proof.status, 200u) << proof.body;
    EXPECT_EQ(schema_violation("audit-inclusion-proof", proof.body), "") << proof.body;
    EXPECT_TRUE(crypto::verify_inclusion(all[static_cast<std::size_t>(seq - 1)], seq - 1,
                                         head.tree_size, hashes(proof), root))
        << seq;
  }
  for (long long first = 1; first < head.tree_size; ++first) {
    crypto::CompactRange prefix;
    for (long long i = 0; i < first; ++i) prefix.append(all[static_cast<std::size_t>(i)]);
    const auto proof = api.get("/v1/audit/consistency-proof?first=" + std::to_string(first) +
                               "&second=" + std::to_string(head.tree_size));
    ASSERT_EQ(proof.status, 200u) << proof.body;
    EXPECT_EQ(schema_violation("audit-consistency-proof", proof.body), "") << proof.body;
    EXPECT_TRUE(
        crypto::verify_consistency(first, head.tree_size, prefix.root(), root, hashes(proof)))
        << first;
  }
}

TEST_F(AuditLogApi, ProofsBeyondTheLogAndMalformedNumbersAreRefusedByName) {
  const auto size = std::to_string(leaves().size());
  const auto beyond = std::to_string(leaves().size() + 1);
  const std::vector<std::pair<std::string, std::string>> refused{
      {"/v1/audit/inclusion-proof?seq=1&tree_size=" + beyond, "/tree_size"},
      {"/v1/audit/inclusion-proof?seq=0&tree_size=" + size, "/seq"},
      {"/v1/audit/inclusion-proof?seq=" + beyond + "&tree_size=" + size, "/seq"},
      {"/v1/audit/inclusion-proof?tree_size=" + size, "/seq"},
      {"/v1/audit/inclusion-proof?seq=x&tree_size=" + size, "/seq"},
      {"/v1/audit/consistency-proof?first=2&second=1", "/first"},
      {"/v1/audit/consistency-proof?first=1&second=" + beyond, "/second"},
      {"/v1/audit/consistency-proof?first=-1&second=1", "/first"},
      {"/v1/audit/events?from=0", "/from"},
      {"/v1/audit/events?from=1e3", "/from"},
  };
  for (const auto& [target, pointer] : refused) {
    const auto r = api.get(target);
    EXPECT_EQ(r.status, 422u) << target;
    EXPECT_NE(r.body.find("\"pointer\":\"" + pointer + "\""), std::string::npos)
        << target << ": " << r.body;
  }
  const auto past = api.get("/v1/audit/events?from=" + beyond);
  EXPECT_EQ(past.status, 200u);
  EXPECT_EQ(past.body, R"({"items":[]})");
}

TEST(AuditLogWithoutKey, CheckpointAndKeyAnswer503SayingWhyWhileEventsAndProofsServe) {
  TestServer server(ServerTweaks{.audit_signing = false});
  const auto api = server.client();
  server.add_member(domain::OrganisationKind::contracting_authority, domain::Role::officer);
  for (const char* target : {"/v1/audit/checkpoint", "/v1/audit/public-key"}) {
    const auto r = api.get(target);
    EXPECT_EQ(r.status, 503u) << target;
    EXPECT_EQ(r.problem_type(), "audit-signing-off") << r.body;
    EXPECT_NE(r.body.find("--audit-signing-key-file"), std::string::npos) << r.body;
  }
  EXPECT_EQ(api.get("/v1/audit/events").status, 200u);
  EXPECT_EQ(api.get("/v1/audit/inclusion-proof?seq=1&tree_size=1").status, 200u);
}

}  // namespace
}  // namespace tarjotin::testing
