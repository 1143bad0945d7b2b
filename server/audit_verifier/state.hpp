#pragma once
// What `tarjotin audit verify-remote` keeps between checks, in a small text file: the log's URL,
// its pinned public key and the last checkpoint verified, with the tree it was rebuilt to (its
// compact range), so the next check verifies only what came after and knows what to compare.

#include <optional>
#include <string>

#include "crypto/merkle.hpp"
#include "domain/audit/entities.hpp"

namespace tarjotin::server {

struct VerifierState {
  std::string url;
  std::string public_key;  // raw Ed25519 public key, hex
  domain::SignedTreeHead checkpoint;
  crypto::CompactRange range;  // the tree of the checkpoint's events, as rebuilt from them
};

// None when `file` does not exist; throws std::invalid_argument naming the line of a damaged one.
std::optional<VerifierState> load_verifier_state(const std::string& file);
// Written whole to a file beside it and renamed over it, so a crash leaves the old one.
void save_verifier_state(const std::string& file, const VerifierState& state);

}  // namespace tarjotin::server
