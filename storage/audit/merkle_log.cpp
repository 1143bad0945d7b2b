#include "storage/audit/merkle_log.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "crypto/audit_leaf.hpp"
#include "crypto/crypto.hpp"

namespace tarjotin::storage {
namespace {

using namespace audit_tables;

constexpr std::size_t kDigestHex = 64;
// Rows per statement when the tree is built for events already recorded.
constexpr std::size_t kBatch = 500;

std::string joined(const std::vector<crypto::Digest>& roots) {
  std::string out;
  for (const auto& r : roots) out += crypto::to_hex(r);
  return out;
}

std::vector<TreeNode> nodes_of(const std::vector<std::pair<crypto::NodeId, crypto::Digest>>& made,
                               const std::string& salt) {
  std::vector<TreeNode> out;
  for (const auto& [id, hash] : made)
    out.push_back({id.level, id.position, crypto::to_hex(hash), id.level == 0 ? salt : ""});
  return out;
}

std::vector<TreeNode> leaf_nodes(crypto::CompactRange& range,
                                 const domain::RecordedEvent& recorded) {
  if (recorded.seq != range.size() + 1)
    throw std::runtime_error("the audit trail lacks event " + std::to_string(range.size() + 1) +
                             ", so the Merkle tree cannot go past it: run tarjotin audit verify");
  const auto salt = crypto::random_bytes(crypto::kEventSaltBytes);
  const auto leaf = crypto::audit_leaf_hash(crypto::seal(recorded, salt));
  return nodes_of(range.append(leaf), crypto::hex(salt.data(), salt.size()));
}

// The stored nodes `ids` name, fetched in one query; a node missing means a damaged tree.
crypto::NodeLookup read_nodes(soci::session& sql, std::vector<crypto::NodeId> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  auto nodes = std::make_shared<std::map<crypto::NodeId, crypto::Digest>>();
  if (!ids.empty()) {
    std::string query = kTree.select() + "WHERE ";
    Binder binder;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      const auto n = std::to_string(i);
      query += (i ? " OR " : "") + std::string("(level = :l") + n + " AND position = :p" + n + ")";
      binder.add_value(ids[i].level);
      binder.add_value(ids[i].position);
    }
    kTree.each_bound(sql, query, binder, {}, [&](TreeNode node, const std::vector<Cell>&) {
      if (const auto hash = crypto::digest_from_hex(node.hash))
        (*nodes)[{node.level, node.position}] = *hash;
    });
  }
  for (const auto& id : ids)
    if (!nodes->count(id))
      throw std::runtime_error("the audit tree lacks its node at level " +
                               std::to_string(id.level) + ", position " +
                               std::to_string(id.position));
  return [nodes](crypto::NodeId id) { return nodes->at(id); };
}

std::vector<std::string> hex_of(const std::vector<crypto::Digest>& path) {
  std::vector<std::string> out;
  out.reserve(path.size());
  for (const auto& d : path) out.push_back(crypto::to_hex(d));
  return out;
}

}  // namespace

Head read_audit_head(soci::session& sql) {
  auto head = kHead.find_one(sql, "WHERE id = 1");
  if (!head) throw std::runtime_error("the audit trail has no head row");
  return *head;
}

crypto::CompactRange tree_range(const Head& head) {
  std::vector<crypto::Digest> roots;
  for (std::size_t at = 0; at + kDigestHex <= head.tree_roots.size(); at += kDigestHex) {
    const auto root =
        crypto::digest_from_hex(std::string_view(head.tree_roots).substr(at, kDigestHex));
    if (!root) throw std::runtime_error("the audit head's tree roots are not hex digests");
    roots.push_back(*root);
  }
  return crypto::CompactRange(head.tree_size, std::move(roots));
}

void append_audit_leaf(soci::session& sql, Head& head, const domain::RecordedEvent& recorded) {
  auto range = tree_range(head);
  kTree.insert_all(sql, leaf_nodes(range, recorded));
  head.tree_size = range.size();
  head.tree_roots = joined(range.roots());
}

long long extend_audit_tree(soci::session& sql) {
  Head head = read_audit_head(sql);
  auto range = tree_range(head);
  const long long before = range.size();
  for (;;) {
    const auto events = kEvents.find_all(sql, "WHERE seq > :size ORDER BY seq LIMIT :n",
                                         range.size(), static_cast<long long>(kBatch));
    if (events.empty()) break;
    std::vector<TreeNode> nodes;
    for (const auto& e : events) {
      auto made = leaf_nodes(range, e.recorded);
      nodes.insert(nodes.end(), made.begin(), made.end());
    }
    for (std::size_t at = 0; at < nodes.size(); at += kBatch)
      kTree.insert_all(
          sql, {nodes.begin() + static_cast<std::ptrdiff_t>(at),
                nodes.begin() + static_cast<std::ptrdiff_t>(std::min(nodes.size(), at + kBatch))});
  }
  head.tree_size = range.size();
  head.tree_roots = joined(range.roots());
  kHead.update(sql, head);
  return range.size() - before;
}

std::string audit_tree_root(soci::session& sql, const Head& head, long long size) {
  if (size == head.tree_size) return crypto::to_hex(tree_range(head).root());
  return crypto::to_hex(crypto::tree_root(size, read_nodes(sql, crypto::nodes_for_root(size))));
}

std::vector<std::string> audit_inclusion_path(soci::session& sql, long long seq,
                                              long long tree_size) {
  const long long index = seq - 1;
  return hex_of(crypto::inclusion_path(
      index, tree_size, read_nodes(sql, crypto::nodes_for_inclusion(index, tree_size))));
}

std::vector<std::string> audit_consistency_path(soci::session& sql, long long first,
                                                long long second) {
  return hex_of(crypto::consistency_path(
      first, second, read_nodes(sql, crypto::nodes_for_consistency(first, second))));
}

std::vector<domain::SealedEvent> sealed_audit_events(soci::session& sql, long long first_seq,
                                                     std::size_t limit) {
  std::vector<domain::SealedEvent> out;
  kEvents.each_with(
      sql,
      "SELECT " + kEvents.columns("e") +
          ", t.salt FROM audit_events e LEFT JOIN audit_tree t ON t.level = 0 AND t.position = "
          "e.seq - 1 WHERE e.seq >= :first ORDER BY e.seq LIMIT :n",
      {Cell::Kind::text},
      [&](ChainedEvent e, const std::vector<Cell>& extra) {
        // An event without a leaf, or with a damaged salt, is sealed all the same: its
        // commitments then match no leaf, which is what a verifier is to find.
        const auto salt = extra[0].null() ? std::nullopt : crypto::bytes_from_hex(extra[0].text);
        out.push_back(
            crypto::seal(std::move(e.recorded), salt.value_or(std::vector<std::uint8_t>{})));
      },
      first_seq, static_cast<long long>(limit));
  return out;
}

}  // namespace tarjotin::storage
