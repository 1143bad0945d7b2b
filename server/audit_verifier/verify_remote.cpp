#include "server/audit_verifier/verify_remote.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include "crypto/crypto.hpp"
#include "crypto/tree_head_signing.hpp"
#include "server/audit_verifier/remote_log.hpp"
#include "server/audit_verifier/state.hpp"
#include "server/time_format.hpp"

namespace tarjotin::server {
namespace {

constexpr std::size_t kPage = 1000;

std::string short_hash(const std::string& hex) { return hex.substr(0, 16); }

std::string described(const domain::SignedTreeHead& head) {
  return std::to_string(head.tree_size) + " events, root " + short_hash(head.root_hash) +
         "…, signed " + format_timestamp(head.signed_at);
}

class Check {
 public:
  Check(const VerifyRemoteOptions& options, std::ostream& out)
      : options_(options), out_(out), log_(options.url, options.ca_file) {}

  int run() {
    auto saved = load_verifier_state(options_.state_file);
    if (saved && saved->url != options_.url)
      throw std::invalid_argument("the state file " + options_.state_file + " is for " +
                                  saved->url + ": keep one state file per log");
    try {
      const auto key = pinned_key(saved);
      const auto head = log_.checkpoint();
      say("checkpoint: " + described(head));
      if (!crypto::verify_tree_head(head, key)) {
        problem("the checkpoint's signature does not verify with the pinned key " +
                short_hash(crypto::key_id_of(key)) + "…: it was not signed by the log");
        return finish();
      }
      if (saved && !extends(saved->checkpoint, head)) return finish();
      auto range = rebuild(saved, head);
      if (saved && !options_.full) recheck(saved->checkpoint.tree_size, head);
      if (problems_ == 0)
        save_verifier_state(options_.state_file, {options_.url, crypto::hex(key.data(), key.size()),
                                                  head, std::move(range)});
    } catch (const LogBroken& e) {
      problem(e.what());
    }
    return finish();
  }

 private:
  std::vector<std::uint8_t> pinned_key(const std::optional<VerifierState>& saved) {
    std::vector<std::uint8_t> given;
    if (!options_.public_key_file.empty()) {
      std::ifstream in(options_.public_key_file);
      std::ostringstream pem;
      pem << in.rdbuf();
      const auto key = crypto::ed25519_public_key(pem.str());
      if (!in || !key)
        throw std::invalid_argument(options_.public_key_file + " holds no Ed25519 public key");
      given = *key;
    }
    if (saved) {
      const auto pinned = crypto::bytes_from_hex(saved->public_key);
      if (!pinned) throw std::invalid_argument("the state file's public key is not hex");
      if (!given.empty() && given != *pinned)
        throw std::invalid_argument("the state file pins another key than " +
                                    options_.public_key_file +
                                    ": start a new state file to change keys");
      return *pinned;
    }
    if (!given.empty()) return given;
    auto key = log_.public_key();
    say("pinned the log's public key " + crypto::key_id_of(key) +
        " on first use: compare it with one the log's keeper publishes elsewhere");
    return key;
  }

  // Whether `now` extends the checkpoint this verifier saw last.
  bool extends(const domain::SignedTreeHead& was, const domain::SignedTreeHead& now) {
    if (now.tree_size < was.tree_size) {
      problem("the log shrank from " + std::to_string(was.tree_size) + " to " +
              std::to_string(now.tree_size) + " events: events were removed after the checkpoint " +
              "signed " + format_timestamp(was.signed_at));
      return false;
    }
    if (now.tree_size == was.tree_size) {
      if (now.root_hash == was.root_hash) return true;
      problem("fork: two signed checkpoints of " + std::to_string(now.tree_size) +
              " events with different roots (" + short_hash(was.root_hash) + "… signed " +
              format_timestamp(was.signed_at) + ", " + short_hash(now.root_hash) + "… signed " +
              format_timestamp(now.signed_at) + "): the log's history was rewritten");
      return false;
    }
    if (was.tree_size == 0) return true;
    const auto path = log_.consistency_path(was.tree_size, now.tree_size);
    if (!crypto::verify_consistency(was.tree_size, now.tree_size,
                                    *crypto::digest_from_hex(was.root_hash),
                                    *crypto::digest_from_hex(now.root_hash), path)) {
      problem("the log of " + std::to_string(now.tree_size) +
              " events does not extend the one of " + std::to_string(was.tree_size) +
              " events signed " + format_timestamp(was.signed_at) +
              ": its history was rewritten (or cut short and grown again)");
      return false;
    }
    say("consistent with the checkpoint of " + std::to_string(was.tree_size) +
        " events seen before");
    return true;
  }

  // The events after what is trusted (all of them with --full), rebuilt into the tree that must
  // have the checkpoint's root.
  crypto::CompactRange rebuild(const std::optional<VerifierState>& saved,
                               const domain::SignedTreeHead& head) {
    const crypto::CompactRange start =
        saved && !options_.full ? saved->range : crypto::CompactRange{};
    crypto::CompactRange range = start;
    std::vector<crypto::Digest> leaves;
    while (range.size() < head.tree_size) {
      const auto page = log_.leaves_from(range.size() + 1, kPage);
      if (page.empty())
        throw LogBroken("the log gives " + std::to_string(range.size()) +
                        " events where its checkpoint counts " + std::to_string(head.tree_size));
      for (const auto& leaf : page) {
        if (range.size() == head.tree_size) break;
        if (leaf.seq != range.size() + 1)
          throw LogBroken("event " + std::to_string(range.size() + 1) +
                          " is missing: the log goes on with " + std::to_string(leaf.seq));
        range.append(leaf.hash);
        leaves.push_back(leaf.hash);
      }
    }
    if (crypto::to_hex(range.root()) == head.root_hash) {
      say(std::to_string(leaves.size()) + " events rebuilt from " +
          std::to_string(start.size() + 1) + ": they make the checkpoint's root");
      return range;
    }
    const long long first = first_unmatched(start, leaves, head);
    problem(
        "event " + std::to_string(first) +
        " does not match the signed tree: it was changed after it was logged" +
        (first < head.tree_size ? " (the first such event; later ones were not told apart)" : ""));
    return range;
  }

  // The first event whose leaf the log's tree does not hold: the smallest prefix of the rebuilt
  // events that the log cannot prove its checkpoint extends, found by halving.
  long long first_unmatched(const crypto::CompactRange& start,
                            const std::vector<crypto::Digest>& leaves,
                            const domain::SignedTreeHead& head) {
    const auto root = *crypto::digest_from_hex(head.root_hash);
    long long good = start.size(), bad = head.tree_size;
    while (bad - good > 1) {
      const long long mid = good + (bad - good) / 2;
      crypto::CompactRange prefix = start;
      for (long long i = start.size(); i < mid; ++i)
        prefix.append(leaves[static_cast<std::size_t>(i - start.size())]);
      const bool holds = crypto::verify_consistency(mid, head.tree_size, prefix.root(), root,
                                                    log_.consistency_path(mid, head.tree_size));
      (holds ? good : bad) = mid;
    }
    return bad;
  }

  // Earlier events, picked at random, each by its inclusion proof in the new checkpoint's tree.
  void recheck(long long earlier, const domain::SignedTreeHead& head) {
    const long long count = std::min<long long>(options_.recheck, earlier);
    if (count <= 0) return;
    std::mt19937_64 random(std::random_device{}());
    std::uniform_int_distribution<long long> pick(1, earlier);
    std::set<long long> seqs;
    while (static_cast<long long>(seqs.size()) < count) seqs.insert(pick(random));
    const auto root = *crypto::digest_from_hex(head.root_hash);
    for (const long long seq : seqs) {
      const auto leaf = log_.leaves_from(seq, 1);
      if (leaf.empty() || leaf.front().seq != seq)
        throw LogBroken("event " + std::to_string(seq) + " is missing");
      if (!crypto::verify_inclusion(leaf.front().hash, seq - 1, head.tree_size,
                                    log_.inclusion_path(seq, head.tree_size), root))
        problem("event " + std::to_string(seq) +
                " does not match the signed tree: it was changed after it was logged");
    }
    say(std::to_string(count) + " earlier events re-checked by inclusion proof");
  }

  void say(const std::string& line) { out_ << line << "\n"; }
  void problem(const std::string& line) {
    ++problems_;
    out_ << "PROBLEM: " << line << "\n";
  }
  int finish() {
    if (problems_ == 0) {
      out_ << "OK: the log at " << options_.url << " is consistent with everything seen of it\n";
      return kVerified;
    }
    out_ << "FAILED: the saved checkpoint is kept, so the next check finds this again\n";
    return kProblemsFound;
  }

  const VerifyRemoteOptions& options_;
  std::ostream& out_;
  RemoteLog log_;
  int problems_ = 0;
};

}  // namespace

VerifyRemoteOptions parse_verify_remote_args(const std::vector<std::string>& args) {
  VerifyRemoteOptions o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> const std::string& {
      if (i + 1 >= args.size()) throw std::invalid_argument(a + " needs a value");
      return args[++i];
    };
    if (a == "--state")
      o.state_file = value();
    else if (a == "--public-key")
      o.public_key_file = value();
    else if (a == "--ca-file")
      o.ca_file = value();
    else if (a == "--full")
      o.full = true;
    else if (a == "--recheck") {
      const std::string& n = value();
      const auto [end, ec] = std::from_chars(n.data(), n.data() + n.size(), o.recheck);
      if (ec != std::errc() || end != n.data() + n.size() || o.recheck < 0)
        throw std::invalid_argument("--recheck takes a whole number");
    } else if (a.starts_with("--") || !o.url.empty())
      throw std::invalid_argument("unknown argument " + a);
    else
      o.url = a;
  }
  while (o.url.ends_with('/')) o.url.pop_back();
  if (o.url.empty() || o.state_file.empty())
    throw std::invalid_argument(
        "usage: tarjotin audit verify-remote URL --state FILE [--public-key FILE] [--ca-file "
        "FILE] [--full] [--recheck N]");
  return o;
}

int verify_remote_log(const VerifyRemoteOptions& options, std::ostream& out) {
  try {
    Check check(options, out);
    return check.run();
  } catch (const std::exception& e) {
    out << "CANNOT CHECK: " << e.what() << "\n";
    return kCouldNotCheck;
  }
}

int audit_verify_remote(const std::vector<std::string>& args, std::ostream& out) {
  try {
    return verify_remote_log(parse_verify_remote_args(args), out);
  } catch (const std::invalid_argument& e) {
    out << e.what() << "\n";
    return kCouldNotCheck;
  }
}

}  // namespace tarjotin::server
