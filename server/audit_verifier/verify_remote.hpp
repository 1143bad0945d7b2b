#pragma once
// `tarjotin audit verify-remote URL --state FILE [--public-key FILE] [--ca-file FILE] [--full]
// [--recheck N]`: checks a Tarjotin audit log from outside, with nothing but its public API and
// the state file this command keeps (README: How an auditor checks the log).
//
// Each check: the latest checkpoint's signature against the pinned public key (given, or
// pinned on first use); that it extends the checkpoint seen last (same size: the same root;
// larger: a consistency proof; smaller: the log was cut short); every event since then rebuilt
// into leaves that must make the new root; and a few earlier events, picked at random, by
// inclusion proofs (with --full, every event from the first instead). The new checkpoint is
// saved only when everything holds, so a problem is found again on the next check.

#include <ostream>
#include <string>
#include <vector>

namespace tarjotin::server {

struct VerifyRemoteOptions {
  std::string url;
  std::string state_file;
  std::string public_key_file;  // PEM; empty: the state file's key, or the log's on first use
  std::string ca_file;          // empty: the system's trusted certificates
  bool full = false;
  int recheck = 8;  // earlier events re-checked by inclusion proof each time
};

// The arguments after "audit verify-remote"; throws std::invalid_argument with a sentence.
VerifyRemoteOptions parse_verify_remote_args(const std::vector<std::string>& args);

enum VerifyExit { kVerified = 0, kProblemsFound = 1, kCouldNotCheck = 2 };

// One line per finding on `out`; a line starting "PROBLEM:" for each thing that does not hold.
int verify_remote_log(const VerifyRemoteOptions& options, std::ostream& out);

// The command: parses `args`, checks, says how it went. Exit status as VerifyExit.
int audit_verify_remote(const std::vector<std::string>& args, std::ostream& out);

}  // namespace tarjotin::server
