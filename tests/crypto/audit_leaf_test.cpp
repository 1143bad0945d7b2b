// An audit event's leaf as crypto/audit_leaf.hpp describes it, against a value derived
// independently by tests/crypto/merkle_vectors.py.
#include "crypto/audit_leaf.hpp"

#include <gtest/gtest.h>

#include <set>

namespace tarjotin::crypto {
namespace {

using domain::EventField;

domain::RecordedEvent order_placed() {
  domain::RecordedEvent r;
  r.seq = 42;
  r.event.at = domain::from_micros(1'790'000'000'123'456);
  r.event.actor_user_id = "u-1";
  r.event.actor_organisation_id = "o-1";
  r.event.action = "order.placed";
  r.event.object_type = "order";
  r.event.object_id = "ord-1";
  r.event.after = "offering off-1 at 150000 cents, position 2";
  return r;
}

std::vector<std::uint8_t> counting_salt() {
  std::vector<std::uint8_t> salt(kEventSaltBytes);
  for (std::size_t i = 0; i < salt.size(); ++i) salt[i] = static_cast<std::uint8_t>(i);
  return salt;
}

const std::string& seal_of(const domain::SealedEvent& s, EventField f) {
  return s.fields[static_cast<std::size_t>(f)].commitment;
}

TEST(AuditLeaf, MatchesTheIndependentlyDerivedLeaf) {
  const auto sealed = seal(order_placed(), counting_salt());
  EXPECT_EQ(sealed.fields[static_cast<std::size_t>(EventField::after)].salt,
            "e6d40f44d07857dbc9455a6d738ad498805148502d52ff3d1c32f9735d5525c7");
  EXPECT_EQ(to_hex(audit_leaf_hash(sealed)),
            "7bcd2cbdae6750a1698c75bd5b8cd8a69811916540bbdcb155d5c3ecb35fde9d");
}

TEST(AuditLeaf, EachFieldHasASaltOfItsOwnThatOpensOnlyItsOwnCommitment) {
  const auto sealed = seal(order_placed(), counting_salt());
  std::set<std::string> salts, commitments;
  for (const auto field : domain::kAllEventFields) {
    const auto& f = sealed.fields[static_cast<std::size_t>(field)];
    salts.insert(f.salt);
    commitments.insert(f.commitment);
    const auto salt = *digest_from_hex(f.salt);
    const auto text = domain::field_text(sealed.recorded.event, field);
    EXPECT_EQ(to_hex(field_commitment(salt, text)), f.commitment) << domain::to_string(field);
  }
  EXPECT_EQ(salts.size(), domain::kEventFields);
  EXPECT_EQ(commitments.size(), domain::kEventFields);
  // Two events with the same text in a field commit to it differently.
  const auto other = seal(order_placed(), std::vector<std::uint8_t>(kEventSaltBytes, 7));
  EXPECT_NE(seal_of(other, EventField::action), seal_of(sealed, EventField::action));
}

TEST(AuditLeaf, ChangingAnyFieldOrTheSequenceNumberChangesTheLeaf) {
  const auto salt = counting_salt();
  const auto original = audit_leaf_hash(seal(order_placed(), salt));
  std::set<std::string> leaves{to_hex(original)};
  for (const auto field : domain::kAllEventFields) {
    auto changed = order_placed();
    auto& e = changed.event;
    switch (field) {
      case EventField::at:
        e.at += std::chrono::microseconds(1);
        break;
      case EventField::actor_user_id:
        e.actor_user_id += "x";
        break;
      case EventField::actor_organisation_id:
        e.actor_organisation_id += "x";
        break;
      case EventField::action:
        e.action += "x";
        break;
      case EventField::object_type:
        e.object_type += "x";
        break;
      case EventField::object_id:
        e.object_id += "x";
        break;
      case EventField::before:
        e.before += "x";
        break;
      case EventField::after:
        e.after += "x";
        break;
    }
    const auto sealed = seal(changed, salt);
    leaves.insert(to_hex(audit_leaf_hash(sealed)));
    for (const auto other : domain::kAllEventFields)
      EXPECT_EQ(seal_of(sealed, other) == seal_of(seal(order_placed(), salt), other),
                other != field)
          << domain::to_string(field) << " changed, " << domain::to_string(other) << " looked at";
  }
  auto moved = order_placed();
  moved.seq = 43;
  leaves.insert(to_hex(audit_leaf_hash(seal(moved, salt))));
  EXPECT_EQ(leaves.size(), domain::kEventFields + 2);
}

TEST(AuditLeaf, ACommitmentThatIsNotADigestIsRefused) {
  auto sealed = seal(order_placed(), counting_salt());
  sealed.fields[3].commitment = "not hex";
  EXPECT_THROW(audit_leaf_hash(sealed), std::invalid_argument);
}

}  // namespace
}  // namespace tarjotin::crypto
