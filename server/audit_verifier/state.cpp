#include "server/audit_verifier/state.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

namespace tarjotin::server {
namespace {

const char* const kHeader =
    "# tarjotin audit verify-remote: the last checkpoint of the log verified. Keep this file:\n"
    "# the next check compares the log against it.\n";

long long whole(const std::string& file, const std::string& key, const std::string& text) {
  std::size_t used = 0;
  long long n = -1;
  try {
    n = std::stoll(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || n < 0)
    throw std::invalid_argument(file + ": " + key + " is not a whole number");
  return n;
}

}  // namespace

std::optional<VerifierState> load_verifier_state(const std::string& file) {
  std::ifstream in(file);
  if (!in) {
    if (!std::filesystem::exists(file)) return std::nullopt;
    throw std::invalid_argument("cannot read the state file " + file);
  }
  std::map<std::string, std::string> values;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.front() == '#') continue;
    const auto space = line.find(' ');
    if (space == std::string::npos) throw std::invalid_argument(file + ": a line without a value");
    values[line.substr(0, space)] = line.substr(space + 1);
  }
  for (const char* key : {"url", "public_key", "tree_size", "root_hash", "signed_at", "key_id",
                          "signature", "tree_roots"})
    if (!values.count(key)) throw std::invalid_argument(file + ": no " + std::string(key));
  VerifierState state;
  state.url = values["url"];
  state.public_key = values["public_key"];
  auto& head = state.checkpoint;
  head.tree_size = whole(file, "tree_size", values["tree_size"]);
  head.root_hash = values["root_hash"];
  head.signed_at = domain::from_micros(whole(file, "signed_at", values["signed_at"]));
  head.key_id = values["key_id"];
  head.signature = values["signature"];
  std::vector<crypto::Digest> roots;
  std::istringstream words(values["tree_roots"]);
  for (std::string word; words >> word;) {
    const auto root = crypto::digest_from_hex(word);
    if (!root) throw std::invalid_argument(file + ": tree_roots holds something else than hashes");
    roots.push_back(*root);
  }
  try {
    state.range = crypto::CompactRange(head.tree_size, std::move(roots));
  } catch (const std::invalid_argument&) {
    throw std::invalid_argument(file + ": tree_roots do not fit tree_size");
  }
  if (crypto::to_hex(state.range.root()) != head.root_hash)
    throw std::invalid_argument(file + ": tree_roots do not make root_hash");
  return state;
}

void save_verifier_state(const std::string& file, const VerifierState& state) {
  std::string roots;
  for (const auto& r : state.range.roots()) roots += (roots.empty() ? "" : " ") + crypto::to_hex(r);
  const auto& head = state.checkpoint;
  const std::string temporary = file + ".new";
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << kHeader << "url " << state.url << "\npublic_key " << state.public_key << "\ntree_size "
        << head.tree_size << "\nroot_hash " << head.root_hash << "\nsigned_at "
        << domain::to_micros(head.signed_at) << "\nkey_id " << head.key_id << "\nsignature "
        << head.signature << "\ntree_roots " << roots << "\n";
    out.flush();
    if (!out) throw std::runtime_error("cannot write the state file " + temporary);
  }
  std::filesystem::rename(temporary, file);
}

}  // namespace tarjotin::server
