#pragma once
// The audit log's routes as the verifier reads them: each answer parsed and checked for shape,
// events turned into the leaves they must be (crypto/audit_leaf.hpp). An answer that is not
// what the API describes is the log misbehaving, and is thrown as LogBroken.

#include <rapidjson/document.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "crypto/merkle.hpp"
#include "domain/audit/entities.hpp"
#include "server/https_fetch.hpp"

namespace tarjotin::server {

class LogBroken : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct RemoteLeaf {
  long long seq = 0;
  crypto::Digest hash{};
};

// The leaf of one event as GET /v1/audit/events gives it; throws LogBroken when the event does
// not account for each of its fields exactly once.
RemoteLeaf published_leaf(const rapidjson::Value& event);

class RemoteLog {
 public:
  // `url`: https://host[:port][/prefix], below which the API's routes are. Throws
  // std::invalid_argument for anything else and when `ca_file` cannot be read.
  RemoteLog(const std::string& url, const std::string& ca_file);

  std::vector<std::uint8_t> public_key();
  domain::SignedTreeHead checkpoint();
  std::vector<crypto::Digest> consistency_path(long long first, long long second);
  std::vector<crypto::Digest> inclusion_path(long long seq, long long tree_size);
  // The leaves of at most `limit` events from `from` on, in the order given.
  std::vector<RemoteLeaf> leaves_from(long long from, std::size_t limit);

 private:
  std::string get(const std::string& target);
  std::string base_;
  HttpsFetcher https_;
};

}  // namespace tarjotin::server
