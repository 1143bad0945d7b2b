#include "server/audit_verifier/remote_log.hpp"

#include <rapidjson/document.h>

#include "crypto/audit_leaf.hpp"
#include "crypto/crypto.hpp"
#include "server/json.hpp"
#include "server/time_format.hpp"

namespace tarjotin::server {
namespace {

// A page of a thousand events is about a megabyte; anything far larger is not the log talking.
constexpr std::size_t kAnswerLimit = 32 * 1024 * 1024;

std::string without_trailing_slashes(std::string url) {
  while (url.ends_with("/")) url.pop_back();
  return url;
}

rapidjson::Document parse(const std::string& what, const std::string& body) {
  rapidjson::Document doc;
  if (const auto error = parse_json(body, doc); error || !doc.IsObject())
    throw LogBroken(what + " is not a JSON object");
  return doc;
}

const rapidjson::Value& member(const rapidjson::Value& v, const std::string& what,
                               const char* name) {
  const auto it = v.FindMember(name);
  if (it == v.MemberEnd()) throw LogBroken(what + " has no " + name);
  return it->value;
}

long long whole(const rapidjson::Value& v, const std::string& what, const char* name) {
  const auto& m = member(v, what, name);
  if (!m.IsInt64() || m.GetInt64() < 0) throw LogBroken(what + ": " + name + " is no count");
  return m.GetInt64();
}

std::string text(const rapidjson::Value& v, const std::string& what, const char* name) {
  const auto& m = member(v, what, name);
  if (!m.IsString()) throw LogBroken(what + ": " + name + " is not a string");
  return {m.GetString(), m.GetStringLength()};
}

crypto::Digest digest(const rapidjson::Value& v, const std::string& what) {
  const auto d = v.IsString() ? crypto::digest_from_hex(v.GetString()) : std::nullopt;
  if (!d) throw LogBroken(what + " is not a SHA-256 hash in hex");
  return *d;
}

std::vector<crypto::Digest> path(const rapidjson::Value& v, const std::string& what) {
  const auto& p = member(v, what, "path");
  if (!p.IsArray()) throw LogBroken(what + ": path is not a list");
  std::vector<crypto::Digest> out;
  for (const auto& h : p.GetArray()) out.push_back(digest(h, what + ": a path hash"));
  return out;
}

}  // namespace

// Each of the eight fields is either shown (its text, and in "salts" the salt that opens its
// commitment) or withheld (its commitment in "commitments"), never both, never neither.
RemoteLeaf published_leaf(const rapidjson::Value& item) {
  if (!item.IsObject()) throw LogBroken("an event is not an object");
  RemoteLeaf leaf;
  leaf.seq = whole(item, "an event", "seq");
  const std::string what = "event " + std::to_string(leaf.seq);
  const auto& salts = member(item, what, "salts");
  const auto& commitments = member(item, what, "commitments");
  if (!salts.IsObject() || !commitments.IsObject())
    throw LogBroken(what + ": salts and commitments are not objects");
  if (salts.MemberCount() + commitments.MemberCount() != domain::kEventFields)
    throw LogBroken(what + " does not account for its eight fields exactly once");
  std::array<crypto::Digest, domain::kEventFields> committed{};
  for (const auto field : domain::kAllEventFields) {
    const std::string name(domain::to_string(field));
    const bool shown = salts.HasMember(name.c_str());
    if (shown == commitments.HasMember(name.c_str()) || shown != item.HasMember(name.c_str()))
      throw LogBroken(what + " gives its field " + name + " neither shown nor committed, or both");
    auto& c = committed[static_cast<std::size_t>(field)];
    if (!shown) {
      c = digest(commitments[name.c_str()], what + ": the commitment of " + name);
      continue;
    }
    std::string value = text(item, what, name.c_str());
    if (field == domain::EventField::at) {
      const auto at = parse_timestamp(value);
      if (!at) throw LogBroken(what + ": at is not an RFC 3339 time");
      value = domain::field_text(domain::AuditEvent{*at, "", "", "", "", "", "", ""}, field);
    }
    c = crypto::field_commitment(digest(salts[name.c_str()], what + ": the salt of " + name),
                                 value);
  }
  leaf.hash = crypto::audit_leaf_hash(leaf.seq, committed);
  return leaf;
}

RemoteLog::RemoteLog(const std::string& url, const std::string& ca_file)
    : base_(without_trailing_slashes(url)),
      https_(ca_file, std::chrono::seconds(30), kAnswerLimit) {
  if (!parse_https_url(base_) || base_.find_first_of("?#") != std::string::npos)
    throw std::invalid_argument("the log's URL must be https://host[:port][/prefix] (got '" + url +
                                "')");
}

std::string RemoteLog::get(const std::string& target) {
  const auto answer = https_.get(base_ + target);
  if (answer.status == 0) throw std::runtime_error("GET " + target + ": " + answer.error);
  if (answer.status == 200) return answer.body;
  std::string detail;
  rapidjson::Document problem;
  if (!parse_json(answer.body, problem) && problem.IsObject() && problem.HasMember("detail") &&
      problem["detail"].IsString())
    detail = std::string(": ") + problem["detail"].GetString();
  throw std::runtime_error("GET " + target + " answered " + std::to_string(answer.status) + detail);
}

std::vector<std::uint8_t> RemoteLog::public_key() {
  const auto doc = parse("the public key", get("/v1/audit/public-key"));
  const auto key = crypto::bytes_from_hex(text(doc, "the public key", "public_key"));
  if (!key || key->size() != 32) throw LogBroken("the public key is not 32 bytes in hex");
  return *key;
}

domain::SignedTreeHead RemoteLog::checkpoint() {
  const std::string what = "the checkpoint";
  const auto doc = parse(what, get("/v1/audit/checkpoint"));
  domain::SignedTreeHead head;
  head.tree_size = whole(doc, what, "tree_size");
  head.root_hash = crypto::to_hex(digest(member(doc, what, "root_hash"), what + ": root_hash"));
  const auto at = parse_timestamp(text(doc, what, "signed_at"));
  if (!at) throw LogBroken(what + ": signed_at is not an RFC 3339 time");
  head.signed_at = *at;
  head.key_id = text(doc, what, "key_id");
  head.signature = text(doc, what, "signature");
  return head;
}

std::vector<crypto::Digest> RemoteLog::consistency_path(long long first, long long second) {
  const std::string what = "the consistency proof from " + std::to_string(first) + " to " +
                           std::to_string(second) + " events";
  const auto doc = parse(what, get("/v1/audit/consistency-proof?first=" + std::to_string(first) +
                                   "&second=" + std::to_string(second)));
  if (whole(doc, what, "first") != first || whole(doc, what, "second") != second)
    throw LogBroken(what + " is about other sizes");
  return path(doc, what);
}

std::vector<crypto::Digest> RemoteLog::inclusion_path(long long seq, long long tree_size) {
  const std::string what = "the inclusion proof of event " + std::to_string(seq);
  const auto doc = parse(what, get("/v1/audit/inclusion-proof?seq=" + std::to_string(seq) +
                                   "&tree_size=" + std::to_string(tree_size)));
  if (whole(doc, what, "seq") != seq || whole(doc, what, "tree_size") != tree_size)
    throw LogBroken(what + " is about another event or size");
  return path(doc, what);
}

std::vector<RemoteLeaf> RemoteLog::leaves_from(long long from, std::size_t limit) {
  const std::string what = "the events from " + std::to_string(from);
  const auto doc = parse(what, get("/v1/audit/events?from=" + std::to_string(from) +
                                   "&limit=" + std::to_string(limit)));
  const auto& items = member(doc, what, "items");
  if (!items.IsArray()) throw LogBroken(what + ": items is not a list");
  std::vector<RemoteLeaf> out;
  for (const auto& item : items.GetArray()) out.push_back(published_leaf(item));
  return out;
}

}  // namespace tarjotin::server
