#pragma once
// The Merkle tree of RFC 9162 (Certificate Transparency v2) §2.1: SHA-256, a leaf hashed as
// 0x00‖data and a node as 0x01‖left‖right, the tree of n leaves split at the largest power of
// two below n. The log stores the hash of every complete subtree once (a "node": 2^level leaves
// from leaf position·2^level), so the root of any size and any proof is made of O(log n) stored
// nodes; the functions here say which, and compute from them.

#include <array>
#include <compare>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tarjotin::crypto {

using Digest = std::array<std::uint8_t, 32>;

Digest sha256(std::string_view data);
Digest merkle_leaf_hash(std::string_view leaf_data);
Digest merkle_node_hash(const Digest& left, const Digest& right);
// The root of the empty tree: the hash of nothing.
Digest empty_tree_root();

std::string to_hex(const Digest& digest);
// Exactly 64 hex digits, either case; anything else is no digest.
std::optional<Digest> digest_from_hex(std::string_view text);

// The complete subtree of 2^level leaves that starts at leaf position·2^level.
struct NodeId {
  int level = 0;
  long long position = 0;
  auto operator<=>(const NodeId&) const = default;
};

// A stored node's hash. Called only for nodes that lie wholly inside the tree asked about.
using NodeLookup = std::function<Digest(NodeId)>;

Digest tree_root(long long size, const NodeLookup& node);
// PATH(index, D[size]) of §2.1.3.1: the siblings from the leaf up.
std::vector<Digest> inclusion_path(long long index, long long size, const NodeLookup& node);
// PROOF(first, D[second]) of §2.1.4.1; empty when first is 0 or equals second.
std::vector<Digest> consistency_path(long long first, long long second, const NodeLookup& node);

// The nodes each of the above reads, so a store can fetch them in one query first.
std::vector<NodeId> nodes_for_root(long long size);
std::vector<NodeId> nodes_for_inclusion(long long index, long long size);
std::vector<NodeId> nodes_for_consistency(long long first, long long second);

// §2.1.3.2: whether `path` proves `leaf` is leaf `index` of the tree of `size` with `root`.
bool verify_inclusion(const Digest& leaf, long long index, long long size,
                      const std::vector<Digest>& path, const Digest& root);
// §2.1.4.2: whether `path` proves the tree of `second` leaves with `second_root` extends the one
// of `first` leaves with `first_root`. A tree extends the empty tree, and itself, with no path.
bool verify_consistency(long long first, long long second, const Digest& first_root,
                        const Digest& second_root, const std::vector<Digest>& path);

// The roots of the complete subtrees a tree is made of, largest first (one per bit set in its
// size): all that is needed to append leaves and to know the root, for the log that writes the
// tree and for a verifier that rebuilds it from the leaves it reads.
class CompactRange {
 public:
  CompactRange() = default;
  // Throws std::invalid_argument unless there is one root per bit set in `size`.
  CompactRange(long long size, std::vector<Digest> roots);

  long long size() const { return size_; }
  const std::vector<Digest>& roots() const { return roots_; }
  // Adds the next leaf; returns every node it completes, the leaf itself first (level 0), so
  // the log can store them.
  std::vector<std::pair<NodeId, Digest>> append(const Digest& leaf_hash);
  Digest root() const;

 private:
  long long size_ = 0;
  std::vector<Digest> roots_;
};

}  // namespace tarjotin::crypto
