#pragma once
// OpenSSL behind small functions, and the domain's crypto ports implemented on them.

#include <cstdint>
#include <memory>
#include <optional>
#include <semaphore>
#include <string>
#include <string_view>
#include <vector>

#include "domain/accounts/ports.hpp"
#include "domain/ports.hpp"

namespace tarjotin::crypto {

std::vector<std::uint8_t> random_bytes(std::size_t count);
std::string sha256_hex(std::string_view data);
std::string hex(const std::uint8_t* data, std::size_t size);
// Pairs of hex digits, either case; nullopt for anything else.
std::optional<std::vector<std::uint8_t>> bytes_from_hex(std::string_view text);
std::string base64url(const std::uint8_t* data, std::size_t size);
// Compares in time that depends only on the lengths.
bool constant_time_equal(std::string_view a, std::string_view b);

struct ScryptCost {
  std::uint64_t n = 1u << 15;  // 32 MiB with r = 8: OWASP's minimum for scrypt
  std::uint64_t r = 8;
  std::uint64_t p = 1;
};

// Hashes as "scrypt$N$r$p$salt$key" (salt and key base64url), so the cost can be raised later
// and old hashes still verify with the cost they were made with.
class ScryptPasswordHasher final : public domain::PasswordHasher {
 public:
  // Each derivation holds 128·N·r bytes (32 MiB at the default) for its whole run, and sign-in
  // is open to anyone: at most `at_once` run together (0: one per core), so memory stays bounded
  // however many requests wait. More at once would not be faster: the work is all CPU.
  explicit ScryptPasswordHasher(ScryptCost cost = {}, unsigned at_once = 0);
  std::string hash(std::string_view password) const override;
  bool verify(std::string_view password, std::string_view encoded) const override;

 private:
  std::vector<std::uint8_t> derive_in_turn(std::string_view password,
                                           const std::vector<std::uint8_t>& salt,
                                           const ScryptCost& cost) const;
  ScryptCost cost_;
  std::unique_ptr<std::counting_semaphore<>> slots_;
};

class SystemSecrets final : public domain::Secrets {
 public:
  std::string new_id() override;
  domain::IssuedToken new_token() override;
  std::string hash_token(std::string_view token) const override;
  std::uint64_t new_seed() override;
};

}  // namespace tarjotin::crypto
