#include "crypto/crypto.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>
#include <charconv>
#include <stdexcept>
#include <thread>

namespace tarjotin::crypto {
namespace {

constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kKeyBytes = 32;
constexpr std::uint64_t kMaxN = 1u << 20;  // refuse hashes that would cost a gigabyte to verify

std::vector<std::uint8_t> derive(std::string_view password, const std::vector<std::uint8_t>& salt,
                                 const ScryptCost& cost) {
  std::vector<std::uint8_t> key(kKeyBytes);
  // maxmem 0 lets OpenSSL use its 32 MiB default; raise it to what N and r need.
  const std::uint64_t maxmem = 128 * cost.r * cost.n + 1024 * 1024 * 8;
  if (EVP_PBE_scrypt(password.data(), password.size(), salt.data(), salt.size(), cost.n, cost.r,
                     cost.p, maxmem, key.data(), key.size()) != 1)
    throw std::runtime_error("scrypt derivation failed");
  return key;
}

std::vector<std::uint8_t> from_base64url(std::string_view text) {
  std::string b64(text);
  for (char& c : b64) c = c == '-' ? '+' : c == '_' ? '/' : c;
  while (b64.size() % 4) b64.push_back('=');
  std::vector<std::uint8_t> out(b64.size() / 4 * 3 + 3);
  const int n = EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(b64.data()),
                                static_cast<int>(b64.size()));
  if (n < 0) return {};
  std::size_t size = static_cast<std::size_t>(n);
  for (std::size_t i = b64.size(); i > 0 && b64[i - 1] == '='; --i) --size;
  out.resize(size);
  return out;
}

bool parse_u64(std::string_view text, std::uint64_t& out) {
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc{} && ptr == text.data() + text.size();
}

struct Encoded {
  ScryptCost cost;
  std::vector<std::uint8_t> salt;
  std::vector<std::uint8_t> key;
};

bool decode(std::string_view encoded, Encoded& out) {
  std::vector<std::string_view> parts;
  while (true) {
    const auto dollar = encoded.find('$');
    parts.push_back(encoded.substr(0, dollar));
    if (dollar == std::string_view::npos) break;
    encoded.remove_prefix(dollar + 1);
  }
  if (parts.size() != 6 || parts[0] != "scrypt") return false;
  if (!parse_u64(parts[1], out.cost.n) || !parse_u64(parts[2], out.cost.r) ||
      !parse_u64(parts[3], out.cost.p))
    return false;
  if (out.cost.n < 2 || out.cost.n > kMaxN || (out.cost.n & (out.cost.n - 1)) != 0 ||
      out.cost.r == 0 || out.cost.r > 32 || out.cost.p == 0 || out.cost.p > 16)
    return false;
  out.salt = from_base64url(parts[4]);
  out.key = from_base64url(parts[5]);
  return out.salt.size() == kSaltBytes && out.key.size() == kKeyBytes;
}

}  // namespace

std::vector<std::uint8_t> random_bytes(std::size_t count) {
  std::vector<std::uint8_t> out(count);
  if (RAND_bytes(out.data(), static_cast<int>(count)) != 1)
    throw std::runtime_error("the system random generator failed");
  return out;
}

std::string hex(const std::uint8_t* data, std::size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (std::size_t i = 0; i < size; ++i) {
    out.push_back(kDigits[data[i] >> 4]);
    out.push_back(kDigits[data[i] & 0xf]);
  }
  return out;
}

std::optional<std::vector<std::uint8_t>> bytes_from_hex(std::string_view text) {
  if (text.size() % 2 != 0) return std::nullopt;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::vector<std::uint8_t> out(text.size() / 2);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const int high = nibble(text[2 * i]), low = nibble(text[2 * i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    out[i] = static_cast<std::uint8_t>(high << 4 | low);
  }
  return out;
}

std::string sha256_hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("SHA-256 failed");
  return hex(digest, size);
}

std::string base64url(const std::uint8_t* data, std::size_t size) {
  std::string out(4 * ((size + 2) / 3) + 1, '\0');
  const int n =
      EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, static_cast<int>(size));
  out.resize(static_cast<std::size_t>(n));
  while (!out.empty() && out.back() == '=') out.pop_back();
  for (char& c : out) c = c == '+' ? '-' : c == '/' ? '_' : c;
  return out;
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

ScryptPasswordHasher::ScryptPasswordHasher(ScryptCost cost, unsigned at_once) : cost_(cost) {
  if (at_once == 0) at_once = std::max(1u, std::thread::hardware_concurrency());
  slots_ = std::make_unique<std::counting_semaphore<>>(static_cast<std::ptrdiff_t>(at_once));
}

std::vector<std::uint8_t> ScryptPasswordHasher::derive_in_turn(
    std::string_view password, const std::vector<std::uint8_t>& salt,
    const ScryptCost& cost) const {
  slots_->acquire();
  try {
    auto key = derive(password, salt, cost);
    slots_->release();
    return key;
  } catch (...) {
    slots_->release();
    throw;
  }
}

std::string ScryptPasswordHasher::hash(std::string_view password) const {
  const auto salt = random_bytes(kSaltBytes);
  const auto key = derive_in_turn(password, salt, cost_);
  return "scrypt$" + std::to_string(cost_.n) + "$" + std::to_string(cost_.r) + "$" +
         std::to_string(cost_.p) + "$" + base64url(salt.data(), salt.size()) + "$" +
         base64url(key.data(), key.size());
}

bool ScryptPasswordHasher::verify(std::string_view password, std::string_view encoded) const {
  Encoded parsed;
  if (!decode(encoded, parsed)) {
    derive_in_turn(password, std::vector<std::uint8_t>(kSaltBytes), cost_);
    return false;
  }
  const auto key = derive_in_turn(password, parsed.salt, parsed.cost);
  return CRYPTO_memcmp(key.data(), parsed.key.data(), kKeyBytes) == 0;
}

std::string SystemSecrets::new_id() {
  auto b = random_bytes(16);
  b[6] = static_cast<std::uint8_t>((b[6] & 0x0f) | 0x40);  // version 4
  b[8] = static_cast<std::uint8_t>((b[8] & 0x3f) | 0x80);  // RFC 4122 variant
  const std::string h = hex(b.data(), b.size());
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
         "-" + h.substr(20);
}

domain::IssuedToken SystemSecrets::new_token() {
  const auto b = random_bytes(32);
  std::string token = "tjn_" + base64url(b.data(), b.size());
  std::string hash = hash_token(token);
  return {std::move(token), std::move(hash)};
}

// A token carries 256 random bits, so a fast hash is enough to make a stolen table useless; a
// slow KDF here would only slow every request down.
std::string SystemSecrets::hash_token(std::string_view token) const { return sha256_hex(token); }

std::uint64_t SystemSecrets::new_seed() {
  const auto bytes = random_bytes(8);
  std::uint64_t seed = 0;
  for (auto b : bytes) seed = (seed << 8) | b;
  return seed;
}

}  // namespace tarjotin::crypto
