#pragma once
// The audit trail's tables, each column declared once (storage/table.hpp): the chain of events,
// its head, the Merkle tree over the events and the signed tree heads.

#include <string>

#include "domain/audit/entities.hpp"
#include "storage/table.hpp"

namespace tarjotin::storage::audit_tables {

// An event with its links in the hash chain.
struct ChainedEvent {
  domain::RecordedEvent recorded;
  std::string prev_hash;
  std::string hash;
};

inline const Table<ChainedEvent> kEvents{
    "audit_events",
    1,
    column(
        "seq", [](auto& r) -> auto& { return r.recorded.seq; }),
    column(
        "at", [](auto& r) -> auto& { return r.recorded.event.at; }),
    column(
        "actor_user_id", [](auto& r) -> auto& { return r.recorded.event.actor_user_id; }),
    column(
        "actor_organisation_id",
        [](auto& r) -> auto& { return r.recorded.event.actor_organisation_id; }),
    column(
        "action", [](auto& r) -> auto& { return r.recorded.event.action; }),
    column(
        "object_type", [](auto& r) -> auto& { return r.recorded.event.object_type; }),
    column(
        "object_id", [](auto& r) -> auto& { return r.recorded.event.object_id; }),
    column(
        "before_state", [](auto& r) -> auto& { return r.recorded.event.before; }),
    column(
        "after_state", [](auto& r) -> auto& { return r.recorded.event.after; }),
    column("prev_hash", &ChainedEvent::prev_hash),
    column("hash", &ChainedEvent::hash)};

// The one row every writer holds: the chain's last event and hash, and the Merkle tree's size
// with the roots of the complete subtrees it is made of (crypto::CompactRange), largest first,
// their hex one after another.
struct Head {
  int id = 1;
  long long seq = 0;
  std::string hash;
  long long tree_size = 0;
  std::string tree_roots;
};

inline const Table<Head> kHead{"audit_head",
                               1,
                               column("id", &Head::id),
                               column("seq", &Head::seq),
                               column("hash", &Head::hash),
                               column("tree_size", &Head::tree_size),
                               column("tree_roots", &Head::tree_roots)};

// A stored node of the tree (crypto::NodeId); a leaf (level 0) with the salt of its event.
struct TreeNode {
  int level = 0;
  long long position = 0;
  std::string hash;
  std::string salt;
};

inline const Table<TreeNode> kTree{"audit_tree",
                                   2,
                                   column("level", &TreeNode::level),
                                   column("position", &TreeNode::position),
                                   column("hash", &TreeNode::hash),
                                   column<NullIfEmpty>("salt", &TreeNode::salt)};

// Signed tree heads in the order they were made.
struct StoredTreeHead {
  long long seq = 0;
  domain::SignedTreeHead head;
};

inline const Table<StoredTreeHead> kTreeHeads{
    "audit_tree_heads",
    1,
    column("seq", &StoredTreeHead::seq),
    column(
        "tree_size", [](auto& r) -> auto& { return r.head.tree_size; }),
    column(
        "root_hash", [](auto& r) -> auto& { return r.head.root_hash; }),
    column(
        "signed_at", [](auto& r) -> auto& { return r.head.signed_at; }),
    column(
        "key_id", [](auto& r) -> auto& { return r.head.key_id; }),
    column(
        "signature", [](auto& r) -> auto& { return r.head.signature; })};

}  // namespace tarjotin::storage::audit_tables
