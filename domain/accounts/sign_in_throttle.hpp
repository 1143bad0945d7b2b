#pragma once
// Throttling of failed sign-ins (OWASP ASVS 2.2.1). Three counters judge each attempt, each with
// its own allowance and back-off: the account from this client address (a guesser's own
// attempts), the client address (one address trying many accounts), and the account from
// anywhere (guessing spread over many addresses). The counters live in the database, so every
// replica sees the same ones.
//
// What a guesser cannot do to a real user: the strict pair counter is the guesser's own; the
// account counter, which everyone shares, never makes anyone wait more than a minute; the
// address counter holds back only those behind the guesser's own address.
#include <chrono>
#include <string>
#include <vector>

#include "domain/time.hpp"

namespace tarjotin::domain {

struct FailureCount {
  int failures = 0;
  Timestamp last_failure_at{};
};

struct ThrottleRule {
  int free_failures;                // failures that cost no wait
  std::chrono::seconds first_wait;  // after the first failure past them; doubled for each further
  std::chrono::seconds longest_wait;
};

// A counter starts again from zero once nothing under it has failed for this long.
inline constexpr std::chrono::hours kFailuresForgottenAfter{24};

inline constexpr ThrottleRule kPerAccountFromAddress{5, std::chrono::seconds(1),
                                                     std::chrono::minutes(15)};
inline constexpr ThrottleRule kPerAddress{30, std::chrono::seconds(1), std::chrono::minutes(15)};
inline constexpr ThrottleRule kPerAccount{50, std::chrono::seconds(1), std::chrono::minutes(1)};

// How long the next attempt waits after `failures` failures.
std::chrono::seconds wait_after(const ThrottleRule& rule, int failures);
// When the next attempt under this counter may be made, seen at `now`: at once (<= now) when the
// allowance is not spent or the counter has been forgotten.
Timestamp next_attempt_at(const ThrottleRule& rule, const FailureCount& count, Timestamp now);

struct ThrottleCounter {
  std::string key;  // what is counted; stored only as its hash
  const ThrottleRule* rule;
  bool cleared_by_success;  // a correct password clears the account's counters, not the address's
};
// The counters an attempt is judged by. `account` is the normalised e-mail as typed (known or
// not: an unknown one is counted exactly like a known one, so waits tell nothing);
// `client_address` is the address as the transport counts it (an IPv6 client by its /64).
std::vector<ThrottleCounter> throttle_counters(const std::string& account,
                                               const std::string& client_address);
}  // namespace tarjotin::domain
