// The tree maths of RFC 9162 §2.1 against values derived independently, from the RFC's own
// recursive definitions, by tests/crypto/merkle_vectors.py (Certificate Transparency's eight
// test inputs), and exhaustively against each other for every size up to 70.
#include "crypto/merkle.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace tarjotin::crypto {
namespace {

const std::vector<std::string> kInputs = {
    std::string(),
    std::string("\x00", 1),
    "\x10",
    "\x20\x21",
    "\x30\x31",
    "\x40\x41\x42\x43",
    "\x50\x51\x52\x53\x54\x55\x56\x57",
    "\x60\x61\x62\x63\x64\x65\x66\x67\x68\x69\x6a\x6b\x6c\x6d\x6e\x6f"};

const char* const kRoots[] = {
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
};

// Every node of a tree, stored as a log stores them when it appends leaves.
class StoredTree {
 public:
  explicit StoredTree(const std::vector<Digest>& leaves) {
    for (const auto& leaf : leaves)
      for (const auto& [id, hash] : range_.append(leaf)) nodes_[id] = hash;
  }
  explicit StoredTree(const std::vector<std::string>& inputs)
      : StoredTree([&] {
          std::vector<Digest> leaves;
          for (const auto& in : inputs) leaves.push_back(merkle_leaf_hash(in));
          return leaves;
        }()) {}

  // A lookup for the tree of the first `size` leaves, which fails a test that reads beyond it.
  NodeLookup within(long long size) const {
    return [this, size](NodeId id) {
      EXPECT_LE((id.position + 1) << id.level, size) << "node beyond the tree";
      const auto it = nodes_.find(id);
      EXPECT_NE(it, nodes_.end()) << "no node " << id.level << "/" << id.position;
      return it == nodes_.end() ? Digest{} : it->second;
    };
  }
  Digest root(long long size) const { return tree_root(size, within(size)); }
  const CompactRange& range() const { return range_; }

 private:
  CompactRange range_;
  std::map<NodeId, Digest> nodes_;
};

std::vector<std::string> hex_of(const std::vector<Digest>& path) {
  std::vector<std::string> out;
  for (const auto& d : path) out.push_back(to_hex(d));
  return out;
}

Digest digest(const char* hex) { return *digest_from_hex(hex); }

TEST(MerkleTree, RootsOfTheCertificateTransparencyVectors) {
  EXPECT_EQ(to_hex(empty_tree_root()), kRoots[0]);
  for (long long n = 1; n <= 8; ++n) {
    const StoredTree tree(std::vector<std::string>(kInputs.begin(), kInputs.begin() + n));
    EXPECT_EQ(to_hex(tree.root(n)), kRoots[n]) << n;
    EXPECT_EQ(to_hex(tree.range().root()), kRoots[n]) << n;
  }
  // The roots of smaller trees come from the nodes of the larger one.
  const StoredTree all(kInputs);
  for (long long n = 0; n <= 8; ++n) EXPECT_EQ(to_hex(all.root(n)), kRoots[n]) << n;
}

TEST(MerkleTree, InclusionPathsOfTheVectors) {
  const StoredTree all(kInputs);
  const std::map<std::pair<long long, long long>, std::vector<std::string>> expected{
      {{0, 8},
       {"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"}},
      {{5, 8},
       {"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}},
      {{2, 3}, {"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"}},
      {{0, 1}, {}},
      {{6, 7},
       {"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}},
  };
  for (const auto& [at, hexes] : expected) {
    const auto [index, size] = at;
    const auto path = inclusion_path(index, size, all.within(size));
    EXPECT_EQ(hex_of(path), hexes) << index << " in " << size;
    const Digest leaf = merkle_leaf_hash(kInputs[static_cast<std::size_t>(index)]);
    EXPECT_TRUE(verify_inclusion(leaf, index, size, path, digest(kRoots[size])));
  }
}

TEST(MerkleTree, ConsistencyPathsOfTheVectors) {
  const StoredTree all(kInputs);
  const std::map<std::pair<long long, long long>, std::vector<std::string>> expected{
      {{1, 8},
       {"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"}},
      {{6, 8},
       {"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}},
      {{2, 5},
       {"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"}},
      {{3, 7},
       {"0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
        "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "837dbb152e9b079010717e84e865da4ebc0fa198a806d59d31bf15accef22d0e"}},
      {{4, 8}, {"6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"}},
  };
  for (const auto& [sizes, hexes] : expected) {
    const auto [first, second] = sizes;
    const auto path = consistency_path(first, second, all.within(second));
    EXPECT_EQ(hex_of(path), hexes) << first << " -> " << second;
    EXPECT_TRUE(
        verify_consistency(first, second, digest(kRoots[first]), digest(kRoots[second]), path));
  }
}

std::vector<Digest> synthetic_leaves(int count) {
  std::vector<Digest> leaves;
  for (int i = 0; i < count; ++i) leaves.push_back(merkle_leaf_hash("event " + std::to_string(i)));
  return leaves;
}

TEST(MerkleTree, EveryInclusionProofUpTo70LeavesVerifiesAndNoOtherDoes) {
  const auto leaves = synthetic_leaves(70);
  const StoredTree tree(leaves);
  for (long long size = 1; size <= 70; ++size) {
    const Digest root = tree.root(size);
    for (long long i = 0; i < size; ++i) {
      const auto path = inclusion_path(i, size, tree.within(size));
      const auto& leaf = leaves[static_cast<std::size_t>(i)];
      ASSERT_TRUE(verify_inclusion(leaf, i, size, path, root)) << i << " in " << size;
      EXPECT_FALSE(verify_inclusion(leaves[(i + 1) % 70], i, size, path, root));
      if (size > 1) {
        EXPECT_FALSE(verify_inclusion(leaf, (i + 1) % size, size, path, root));
      }
      EXPECT_FALSE(verify_inclusion(leaf, i, size, path, tree.root(size < 70 ? size + 1 : 1)));
      auto longer = path;
      longer.push_back(root);
      EXPECT_FALSE(verify_inclusion(leaf, i, size, longer, root));
      if (!path.empty()) {
        auto forged = path;
        forged.back()[0] ^= 1;
        EXPECT_FALSE(verify_inclusion(leaf, i, size, forged, root));
      }
    }
  }
}

TEST(MerkleTree, EveryConsistencyProofUpTo70LeavesVerifiesAndNoOtherDoes) {
  const auto leaves = synthetic_leaves(70);
  const StoredTree tree(leaves);
  for (long long second = 1; second <= 70; ++second) {
    const Digest second_root = tree.root(second);
    for (long long first = 0; first <= second; ++first) {
      const Digest first_root = tree.root(first);
      const auto path = consistency_path(first, second, tree.within(second));
      ASSERT_TRUE(verify_consistency(first, second, first_root, second_root, path))
          << first << " -> " << second;
      if (first > 0 && first < second) {
        // A different history of the same size: its first leaf changed.
        auto rewritten = leaves;
        rewritten[0] = merkle_leaf_hash("rewritten");
        const StoredTree fork(rewritten);
        EXPECT_FALSE(verify_consistency(first, second, fork.root(first), second_root, path));
        EXPECT_FALSE(verify_consistency(first, second, first_root, fork.root(second), path));
        EXPECT_FALSE(verify_consistency(first, second, first_root, second_root, {}));
        auto forged = path;
        forged.front()[31] ^= 1;
        EXPECT_FALSE(verify_consistency(first, second, first_root, second_root, forged));
      }
    }
  }
  EXPECT_FALSE(verify_consistency(5, 4, tree.root(5), tree.root(4), {}));
  EXPECT_FALSE(verify_consistency(4, 4, tree.root(4), tree.root(5), {}));
}

// A proof about a smaller tree, or a path cut short, is no proof about the tree asked about,
// though every hash in it is right: the sizes say how far the path must reach.
TEST(MerkleTree, APathThatEndsBelowTheRootOfTheSizeAskedAboutProvesNothing) {
  const auto leaves = synthetic_leaves(8);
  const StoredTree tree(leaves);
  const auto of_two = inclusion_path(0, 2, tree.within(2));
  EXPECT_FALSE(verify_inclusion(leaves[0], 0, 3, of_two, tree.root(2)));
  auto cut = inclusion_path(0, 8, tree.within(8));
  cut.pop_back();
  EXPECT_FALSE(verify_inclusion(leaves[0], 0, 8, cut, tree.root(4)));
  // Nor does a path that goes on above the root: the tree of one leaf has no sibling.
  EXPECT_FALSE(
      verify_inclusion(leaves[0], 0, 1, {leaves[1]}, merkle_node_hash(leaves[1], leaves[0])));
  const auto two_to_four = consistency_path(2, 4, tree.within(4));
  EXPECT_FALSE(verify_consistency(2, 8, tree.root(2), tree.root(4), two_to_four));
  const auto three_to_four = consistency_path(3, 4, tree.within(4));
  EXPECT_FALSE(verify_consistency(3, 8, tree.root(3), tree.root(4), three_to_four));
}

TEST(MerkleTree, ProofsReadLogarithmicallyManyStoredNodes) {
  const long long size = (1LL << 40) + 12345;
  EXPECT_LE(nodes_for_root(size).size(), 41u);
  EXPECT_LE(nodes_for_inclusion(size - 1, size).size(), 2u * 41u);
  EXPECT_LE(nodes_for_consistency(size / 3, size).size(), 2u * 41u);
}

TEST(MerkleTree, CompactRangeHoldsOneRootPerBitOfItsSize) {
  const StoredTree tree(synthetic_leaves(13));
  EXPECT_EQ(tree.range().size(), 13);
  EXPECT_EQ(tree.range().roots().size(), 3u);
  const CompactRange copy(13, tree.range().roots());
  EXPECT_EQ(copy.root(), tree.root(13));
  EXPECT_THROW(CompactRange(12, tree.range().roots()), std::invalid_argument);
  EXPECT_THROW(CompactRange(-1, {}), std::invalid_argument);
}

TEST(MerkleTree, HexDigestsAreExactly64HexDigits) {
  EXPECT_EQ(digest_from_hex(kRoots[8]).has_value(), true);
  EXPECT_EQ(to_hex(*digest_from_hex(std::string(kRoots[8]).substr(0, 60) + "ABCD")).substr(60),
            "abcd");
  EXPECT_FALSE(digest_from_hex(std::string(kRoots[8]).substr(1)));
  EXPECT_FALSE(digest_from_hex(std::string(kRoots[8]) + "0"));
  EXPECT_FALSE(digest_from_hex(std::string(63, '0') + "g"));
}

}  // namespace
}  // namespace tarjotin::crypto
