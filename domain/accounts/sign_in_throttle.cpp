#include "domain/accounts/sign_in_throttle.hpp"

#include <algorithm>
#include <cstdint>

namespace tarjotin::domain {

std::chrono::seconds wait_after(const ThrottleRule& rule, int failures) {
  const int past = failures - rule.free_failures;
  if (past <= 0) return std::chrono::seconds(0);
  // Doubling past 2^20 s exceeds every cap; stop before the shift overflows.
  if (past > 20) return rule.longest_wait;
  const std::chrono::seconds doubled = rule.first_wait * (std::int64_t{1} << (past - 1));
  return std::min(rule.longest_wait, doubled);
}

Timestamp next_attempt_at(const ThrottleRule& rule, const FailureCount& count, Timestamp now) {
  if (count.failures <= 0 || count.last_failure_at + kFailuresForgottenAfter <= now) return {};
  return count.last_failure_at + wait_after(rule, count.failures);
}

std::vector<ThrottleCounter> throttle_counters(const std::string& account,
                                               const std::string& client_address) {
  return {{"account-from:" + account + "|" + client_address, &kPerAccountFromAddress, true},
          {"address:" + client_address, &kPerAddress, false},
          {"account:" + account, &kPerAccount, true}};
}

}  // namespace tarjotin::domain
