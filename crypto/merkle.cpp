#include "crypto/merkle.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <bit>
#include <initializer_list>
#include <memory>
#include <stdexcept>

#include "crypto/crypto.hpp"

namespace tarjotin::crypto {
namespace {

Digest hash_of(std::initializer_list<std::string_view> parts) {
  const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(),
                                                                    &EVP_MD_CTX_free);
  Digest out{};
  unsigned int size = 0;
  bool ok = ctx && EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) == 1;
  for (const auto part : parts)
    ok = ok && EVP_DigestUpdate(ctx.get(), part.data(), part.size()) == 1;
  if (!ok || EVP_DigestFinal_ex(ctx.get(), out.data(), &size) != 1 || size != out.size())
    throw std::runtime_error("SHA-256 failed");
  return out;
}

std::string_view bytes(const Digest& d) {
  return {reinterpret_cast<const char*>(d.data()), d.size()};
}

bool power_of_two(long long n) { return n > 0 && (n & (n - 1)) == 0; }

// k of §2.1.1: the largest power of two smaller than n (n ≥ 2).
long long split(long long n) {
  return static_cast<long long>(std::bit_floor(static_cast<unsigned long long>(n - 1)));
}

// MTH(D[begin:end]) for a range of the recursion: a power-of-two range starts at a multiple of
// its size there, so it is one stored node.
Digest subtree(long long begin, long long end, const NodeLookup& node) {
  const long long size = end - begin;
  if (power_of_two(size)) {
    const int level = std::countr_zero(static_cast<unsigned long long>(size));
    return node({level, begin >> level});
  }
  const long long k = split(size);
  return merkle_node_hash(subtree(begin, begin + k, node), subtree(begin + k, end, node));
}

void path(long long m, long long begin, long long end, const NodeLookup& node,
          std::vector<Digest>& out) {
  const long long n = end - begin;
  if (n == 1) return;
  const long long k = split(n);
  if (m < k) {
    path(m, begin, begin + k, node, out);
    out.push_back(subtree(begin + k, end, node));
  } else {
    path(m - k, begin + k, end, node, out);
    out.push_back(subtree(begin, begin + k, node));
  }
}

void subproof(long long m, long long begin, long long end, bool whole, const NodeLookup& node,
              std::vector<Digest>& out) {
  const long long n = end - begin;
  if (m == n) {
    if (!whole) out.push_back(subtree(begin, end, node));
    return;
  }
  const long long k = split(n);
  if (m <= k) {
    subproof(m, begin, begin + k, whole, node, out);
    out.push_back(subtree(begin + k, end, node));
  } else {
    subproof(m - k, begin + k, end, false, node, out);
    out.push_back(subtree(begin, begin + k, node));
  }
}

template <class Run>
std::vector<NodeId> recorded(Run&& run) {
  std::vector<NodeId> ids;
  run([&ids](NodeId id) {
    ids.push_back(id);
    return Digest{};
  });
  return ids;
}

void shift_until_odd_or_zero(unsigned long long& fn, unsigned long long& sn) {
  while ((fn & 1) == 0 && fn != 0) {
    fn >>= 1;
    sn >>= 1;
  }
}

}  // namespace

Digest sha256(std::string_view data) { return hash_of({data}); }

Digest merkle_leaf_hash(std::string_view leaf_data) {
  return hash_of({std::string_view("\x00", 1), leaf_data});
}

Digest merkle_node_hash(const Digest& left, const Digest& right) {
  return hash_of({std::string_view("\x01", 1), bytes(left), bytes(right)});
}

Digest empty_tree_root() { return hash_of({}); }

std::string to_hex(const Digest& digest) { return hex(digest.data(), digest.size()); }

std::optional<Digest> digest_from_hex(std::string_view text) {
  const auto bytes = bytes_from_hex(text);
  if (!bytes || bytes->size() != Digest{}.size()) return std::nullopt;
  Digest out{};
  std::copy(bytes->begin(), bytes->end(), out.begin());
  return out;
}

Digest tree_root(long long size, const NodeLookup& node) {
  if (size <= 0) return empty_tree_root();
  return subtree(0, size, node);
}

std::vector<Digest> inclusion_path(long long index, long long size, const NodeLookup& node) {
  if (index < 0 || index >= size) throw std::invalid_argument("leaf index outside the tree");
  std::vector<Digest> out;
  path(index, 0, size, node, out);
  return out;
}

std::vector<Digest> consistency_path(long long first, long long second, const NodeLookup& node) {
  if (first < 0 || second < first) throw std::invalid_argument("tree sizes out of order");
  std::vector<Digest> out;
  if (first > 0 && first < second) subproof(first, 0, second, true, node, out);
  return out;
}

std::vector<NodeId> nodes_for_root(long long size) {
  return recorded([&](const NodeLookup& node) { tree_root(size, node); });
}

std::vector<NodeId> nodes_for_inclusion(long long index, long long size) {
  return recorded([&](const NodeLookup& node) { inclusion_path(index, size, node); });
}

std::vector<NodeId> nodes_for_consistency(long long first, long long second) {
  return recorded([&](const NodeLookup& node) { consistency_path(first, second, node); });
}

bool verify_inclusion(const Digest& leaf, long long index, long long size,
                      const std::vector<Digest>& path, const Digest& root) {
  if (index < 0 || index >= size) return false;
  auto fn = static_cast<unsigned long long>(index);
  auto sn = static_cast<unsigned long long>(size - 1);
  Digest r = leaf;
  for (const Digest& p : path) {
    if (sn == 0) return false;
    if ((fn & 1) != 0 || fn == sn) {
      r = merkle_node_hash(p, r);
      shift_until_odd_or_zero(fn, sn);
    } else {
      r = merkle_node_hash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn == 0 && r == root;
}

bool verify_consistency(long long first, long long second, const Digest& first_root,
                        const Digest& second_root, const std::vector<Digest>& path) {
  if (first < 0 || second < first) return false;
  if (first == 0) return path.empty() && first_root == empty_tree_root();
  if (first == second) return path.empty() && first_root == second_root;
  std::vector<Digest> p;
  p.reserve(path.size() + 1);
  if (power_of_two(first)) p.push_back(first_root);
  p.insert(p.end(), path.begin(), path.end());
  if (p.empty()) return false;
  auto fn = static_cast<unsigned long long>(first - 1);
  auto sn = static_cast<unsigned long long>(second - 1);
  while ((fn & 1) != 0) {
    fn >>= 1;
    sn >>= 1;
  }
  Digest fr = p[0], sr = p[0];
  for (std::size_t i = 1; i < p.size(); ++i) {
    if (sn == 0) return false;
    if ((fn & 1) != 0 || fn == sn) {
      fr = merkle_node_hash(p[i], fr);
      sr = merkle_node_hash(p[i], sr);
      shift_until_odd_or_zero(fn, sn);
    } else {
      sr = merkle_node_hash(sr, p[i]);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return fr == first_root && sr == second_root && sn == 0;
}

CompactRange::CompactRange(long long size, std::vector<Digest> roots)
    : size_(size), roots_(std::move(roots)) {
  if (size < 0 || roots_.size() != static_cast<std::size_t>(
                                       std::popcount(static_cast<unsigned long long>(size))))
    throw std::invalid_argument("a compact range holds one root per bit set in its size");
}

std::vector<std::pair<NodeId, Digest>> CompactRange::append(const Digest& leaf_hash) {
  std::vector<std::pair<NodeId, Digest>> completed{{{0, size_}, leaf_hash}};
  Digest hash = leaf_hash;
  long long position = size_;
  int level = 0;
  // A node at an odd position is a right child: with the last root, its left sibling, it
  // completes their parent, which may in turn complete its own.
  while ((position & 1) != 0) {
    hash = merkle_node_hash(roots_.back(), hash);
    roots_.pop_back();
    ++level;
    position >>= 1;
    completed.push_back({{level, position}, hash});
  }
  roots_.push_back(hash);
  ++size_;
  return completed;
}

Digest CompactRange::root() const {
  if (roots_.empty()) return empty_tree_root();
  Digest r = roots_.back();
  for (auto it = roots_.rbegin() + 1; it != roots_.rend(); ++it) r = merkle_node_hash(*it, r);
  return r;
}

}  // namespace tarjotin::crypto
