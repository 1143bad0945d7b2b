#include "crypto/tender_seal.hpp"

#include <fcntl.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <utility>

#include "crypto/crypto.hpp"

namespace tarjotin::crypto {
namespace {

constexpr std::uint8_t kVersion = 0x01;
constexpr std::size_t kIvBytes = 12;
constexpr std::size_t kTagBytes = 16;
constexpr char kHkdfSalt[] = "tarjotin-tender-seal-v1";
constexpr std::string_view kInfoPrefix = "competition:";
constexpr std::string_view kAadPrefix = "tarjotin-tender-v1:";
// price (8) + answer count (4) + note length (4): the smallest plaintext there is.
constexpr std::size_t kMinPlaintext = 16;

// A buffer that holds key material or plaintext and is wiped when it goes away, also when an
// exception passes. Never copied or moved, so no unwiped copy is left behind.
class Secret {
 public:
  explicit Secret(std::size_t size) : bytes_(size) {}
  ~Secret() { OPENSSL_cleanse(bytes_.data(), bytes_.size()); }
  Secret(const Secret&) = delete;
  Secret& operator=(const Secret&) = delete;
  std::uint8_t* data() { return bytes_.data(); }
  const std::uint8_t* data() const { return bytes_.data(); }
  std::size_t size() const { return bytes_.size(); }

 private:
  std::vector<std::uint8_t> bytes_;
};

struct CipherCtxFree {
  void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};
struct KdfFree {
  void operator()(EVP_KDF* k) const { EVP_KDF_free(k); }
};
struct KdfCtxFree {
  void operator()(EVP_KDF_CTX* c) const { EVP_KDF_CTX_free(c); }
};
struct MacFree {
  void operator()(EVP_MAC* m) const { EVP_MAC_free(m); }
};
struct MacCtxFree {
  void operator()(EVP_MAC_CTX* c) const { EVP_MAC_CTX_free(c); }
};

[[noreturn]] void openssl_failure(const char* what) {
  ERR_clear_error();
  throw std::runtime_error(std::string("OpenSSL failed: ") + what);
}

void derive_key(const std::vector<std::uint8_t>& master, std::string info, Secret& out) {
  std::unique_ptr<EVP_KDF, KdfFree> kdf(EVP_KDF_fetch(nullptr, "HKDF", nullptr));
  if (!kdf) openssl_failure("fetching HKDF");
  std::unique_ptr<EVP_KDF_CTX, KdfCtxFree> ctx(EVP_KDF_CTX_new(kdf.get()));
  if (!ctx) openssl_failure("creating an HKDF context");
  char digest[] = "SHA256";
  const OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY,
                                        const_cast<std::uint8_t*>(master.data()), master.size()),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, const_cast<char*>(kHkdfSalt),
                                        sizeof(kHkdfSalt) - 1),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, info.data(), info.size()),
      OSSL_PARAM_construct_end()};
  if (EVP_KDF_derive(ctx.get(), out.data(), out.size(), params) != 1)
    openssl_failure("deriving a sealing key");
}

// What a sealed value is bound to: the key is HKDF(master, kHkdfSalt, info) and the additional
// authenticated data is `aad`, so a value opens only under the purpose and object it was sealed
// for.
struct Binding {
  std::string info;
  std::string aad;
};

Binding tender_binding(const std::string& competition_id) {
  return {std::string(kInfoPrefix) + competition_id, std::string(kAadPrefix) + competition_id};
}

Binding webhook_secret_binding(const std::string& organisation_id) {
  return {"webhook-secret:" + organisation_id, "tarjotin-webhook-secret-v1:" + organisation_id};
}

// ---- Plaintext: the content, length-prefixed, integers big-endian --------------------------
//   price_cents         8 bytes, two's complement
//   answer count        4 bytes
//   per answer, in key order: key length (4) | key | value length (4) | value
//   note length         4 bytes | note
// The map's order makes it deterministic; parse() insists on exactly this shape.

std::size_t serialised_size(const domain::TenderContent& c) {
  std::size_t size = kMinPlaintext + c.note.size();
  for (const auto& [key, value] : c.answers) size += 8 + key.size() + value.size();
  return size;
}

void put_u32(std::uint8_t*& p, std::size_t value) {
  if (value > 0xffffffffu) throw std::length_error("tender content field too long to seal");
  for (int shift = 24; shift >= 0; shift -= 8) *p++ = static_cast<std::uint8_t>(value >> shift);
}

void put_string(std::uint8_t*& p, const std::string& s) {
  put_u32(p, s.size());
  if (!s.empty()) std::memcpy(p, s.data(), s.size());
  p += s.size();
}

void serialise(const domain::TenderContent& c, Secret& out) {
  std::uint8_t* p = out.data();
  const auto price = static_cast<std::uint64_t>(c.price_cents);
  for (int shift = 56; shift >= 0; shift -= 8) *p++ = static_cast<std::uint8_t>(price >> shift);
  put_u32(p, c.answers.size());
  for (const auto& [key, value] : c.answers) {
    put_string(p, key);
    put_string(p, value);
  }
  put_string(p, c.note);
}

class Reader {
 public:
  Reader(const std::uint8_t* data, std::size_t size) : p_(data), end_(data + size) {}
  std::size_t left() const { return static_cast<std::size_t>(end_ - p_); }
  bool u64(std::uint64_t& out) {
    if (left() < 8) return false;
    out = 0;
    for (int i = 0; i < 8; ++i) out = (out << 8) | *p_++;
    return true;
  }
  bool u32(std::size_t& out) {
    if (left() < 4) return false;
    out = 0;
    for (int i = 0; i < 4; ++i) out = (out << 8) | *p_++;
    return true;
  }
  bool string(std::string& out) {
    std::size_t size = 0;
    if (!u32(size) || size > left()) return false;
    out.assign(reinterpret_cast<const char*>(p_), size);
    p_ += size;
    return true;
  }

 private:
  const std::uint8_t* p_;
  const std::uint8_t* end_;
};

std::optional<domain::TenderContent> parse(const Secret& plain) {
  Reader in(plain.data(), plain.size());
  domain::TenderContent c;
  std::uint64_t price = 0;
  std::size_t count = 0;
  if (!in.u64(price) || !in.u32(count)) return std::nullopt;
  c.price_cents = static_cast<long long>(price);
  if (count > in.left() / 8) return std::nullopt;  // every answer takes at least 8 bytes
  for (std::size_t i = 0; i < count; ++i) {
    std::string key;
    std::string value;
    if (!in.string(key) || !in.string(value)) return std::nullopt;
    // Strictly ascending keys: no duplicates, and only the one encoding of each content.
    if (!c.answers.empty() && !(c.answers.rbegin()->first < key)) return std::nullopt;
    c.answers.emplace_hint(c.answers.end(), std::move(key), std::move(value));
  }
  if (!in.string(c.note) || in.left() != 0) return std::nullopt;
  return c;
}

// ---- Text: base64url without padding, decoded strictly -------------------------------------

int base64url_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-') return 62;
  if (c == '_') return 63;
  return -1;
}

// Rejects anything but the canonical encoding: other characters, padding, whitespace, a
// dangling character, or non-zero bits left over at the end.
std::optional<std::vector<std::uint8_t>> decode_base64url(std::string_view text) {
  if (text.size() % 4 == 1) return std::nullopt;
  std::vector<std::uint8_t> out;
  out.reserve(text.size() / 4 * 3 + 2);
  std::uint32_t acc = 0;
  int bits = 0;
  for (char ch : text) {
    const int v = base64url_value(ch);
    if (v < 0) return std::nullopt;
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<std::uint8_t>(acc >> bits));
      acc &= (1u << bits) - 1;
    }
  }
  if (acc != 0) return std::nullopt;
  return out;
}

std::vector<std::uint8_t> parse_hex_key(std::string_view text) {
  if (text.size() != 2 * kTenderSealKeyBytes) return {};
  std::vector<std::uint8_t> key(kTenderSealKeyBytes);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    int v = -1;
    if (c >= '0' && c <= '9') v = c - '0';
    if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
    if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
    if (v < 0) {
      OPENSSL_cleanse(key.data(), key.size());
      return {};
    }
    key[i / 2] = static_cast<std::uint8_t>((key[i / 2] << 4) | v);
  }
  return key;
}

std::string errno_text() { return std::strerror(errno); }

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

std::vector<std::uint8_t> read_key_file(const std::string& path, int fd) {
  Fd file(fd);
  // 64 hex digits and a line ending; anything longer is not a key file.
  constexpr std::size_t kMax = 2 * kTenderSealKeyBytes + 2;
  char buffer[kMax + 1];
  std::size_t size = 0;
  while (size < sizeof buffer) {
    const ssize_t n = ::read(file.get(), buffer + size, sizeof buffer - size);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::runtime_error("cannot read key file " + path + ": " + errno_text());
    if (n == 0) break;
    size += static_cast<std::size_t>(n);
  }
  std::string_view text(buffer, size);
  if (text.ends_with("\r\n"))
    text.remove_suffix(2);
  else if (text.ends_with('\n'))
    text.remove_suffix(1);
  auto key = parse_hex_key(text);
  OPENSSL_cleanse(buffer, sizeof buffer);
  if (key.empty())
    throw std::runtime_error("key file " + path +
                             " is malformed: expected 64 hexadecimal digits (a 32-byte key) and "
                             "an optional trailing newline");
  return key;
}

void fsync_directory(const std::filesystem::path& dir) {
  Fd d(::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (d.get() >= 0) ::fsync(d.get());  // best effort: the key itself is already on disk
}

// 0x01 | IV | AES-256-GCM ciphertext | tag, as base64url.
std::string seal_bytes(const std::vector<std::uint8_t>& master, const Binding& binding,
                       const Secret& plain) {
  if (plain.size() > static_cast<std::size_t>(INT_MAX) - kIvBytes - kTagBytes - 1)
    throw std::length_error("too large to seal");
  Secret key(kTenderSealKeyBytes);
  derive_key(master, binding.info, key);
  const auto iv = random_bytes(kIvBytes);
  const std::string& aad = binding.aad;

  std::vector<std::uint8_t> out(1 + kIvBytes + plain.size() + kTagBytes);
  out[0] = kVersion;
  std::memcpy(out.data() + 1, iv.data(), kIvBytes);
  std::uint8_t* ciphertext = out.data() + 1 + kIvBytes;

  std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree> ctx(EVP_CIPHER_CTX_new());
  if (!ctx) openssl_failure("creating a cipher context");
  int n = 0;
  int final_n = 0;
  if (EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(kIvBytes), nullptr) !=
          1 ||
      EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, key.data(), iv.data()) != 1 ||
      EVP_EncryptUpdate(ctx.get(), nullptr, &n, reinterpret_cast<const unsigned char*>(aad.data()),
                        static_cast<int>(aad.size())) != 1 ||
      EVP_EncryptUpdate(ctx.get(), ciphertext, &n, plain.data(), static_cast<int>(plain.size())) !=
          1 ||
      EVP_EncryptFinal_ex(ctx.get(), ciphertext + n, &final_n) != 1 ||
      static_cast<std::size_t>(n + final_n) != plain.size() ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(kTagBytes),
                          ciphertext + plain.size()) != 1)
    openssl_failure("AES-256-GCM encryption");
  return base64url(out.data(), out.size());
}

// The plaintext, or nullptr for anything that does not open under `binding`.
std::unique_ptr<Secret> open_bytes(const std::vector<std::uint8_t>& master, const Binding& binding,
                                   const std::string& sealed, std::size_t min_plaintext) {
  const auto bytes = decode_base64url(sealed);
  if (!bytes || bytes->size() < 1 + kIvBytes + min_plaintext + kTagBytes ||
      bytes->size() > static_cast<std::size_t>(INT_MAX) || (*bytes)[0] != kVersion)
    return nullptr;
  const std::uint8_t* iv = bytes->data() + 1;
  const std::uint8_t* ciphertext = iv + kIvBytes;
  const std::size_t ciphertext_size = bytes->size() - 1 - kIvBytes - kTagBytes;
  const std::uint8_t* tag = ciphertext + ciphertext_size;

  Secret key(kTenderSealKeyBytes);
  derive_key(master, binding.info, key);
  const std::string& aad = binding.aad;

  std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree> ctx(EVP_CIPHER_CTX_new());
  if (!ctx) openssl_failure("creating a cipher context");
  auto plain = std::make_unique<Secret>(ciphertext_size);
  int n = 0;
  int final_n = 0;
  if (EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(kIvBytes), nullptr) !=
          1 ||
      EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, key.data(), iv) != 1 ||
      EVP_DecryptUpdate(ctx.get(), nullptr, &n, reinterpret_cast<const unsigned char*>(aad.data()),
                        static_cast<int>(aad.size())) != 1 ||
      EVP_DecryptUpdate(ctx.get(), plain->data(), &n, ciphertext,
                        static_cast<int>(ciphertext_size)) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(kTagBytes),
                          const_cast<std::uint8_t*>(tag)) != 1)
    openssl_failure("AES-256-GCM decryption");
  // Only the tag check tells tampering apart; nothing decrypted is looked at before it passes.
  if (EVP_DecryptFinal_ex(ctx.get(), plain->data() + n, &final_n) != 1 ||
      static_cast<std::size_t>(n + final_n) != ciphertext_size) {
    ERR_clear_error();
    return nullptr;
  }
  return plain;
}

}  // namespace

AesGcmTenderSeal::AesGcmTenderSeal(std::vector<std::uint8_t> master_key)
    : master_key_(std::move(master_key)) {
  if (master_key_.size() != kTenderSealKeyBytes) {
    OPENSSL_cleanse(master_key_.data(), master_key_.size());
    throw std::invalid_argument("the tender seal master key must be 32 bytes, got " +
                                std::to_string(master_key_.size()));
  }
}

AesGcmTenderSeal::~AesGcmTenderSeal() { OPENSSL_cleanse(master_key_.data(), master_key_.size()); }

std::string AesGcmTenderSeal::seal(const std::string& competition_id,
                                   const domain::TenderContent& content) {
  Secret plain(serialised_size(content));
  serialise(content, plain);
  return seal_bytes(master_key_, tender_binding(competition_id), plain);
}

std::optional<domain::TenderContent> AesGcmTenderSeal::open(const std::string& competition_id,
                                                            const std::string& sealed) {
  const auto plain = open_bytes(master_key_, tender_binding(competition_id), sealed, kMinPlaintext);
  if (!plain) return std::nullopt;
  return parse(*plain);
}

std::string AesGcmTenderSeal::seal_secret(const std::string& organisation_id,
                                          const std::string& secret) {
  Secret plain(secret.size());
  std::memcpy(plain.data(), secret.data(), secret.size());
  return seal_bytes(master_key_, webhook_secret_binding(organisation_id), plain);
}

std::optional<std::string> AesGcmTenderSeal::open_secret(const std::string& organisation_id,
                                                         const std::string& sealed) {
  const auto plain = open_bytes(master_key_, webhook_secret_binding(organisation_id), sealed, 1);
  if (!plain) return std::nullopt;
  return std::string(reinterpret_cast<const char*>(plain->data()), plain->size());
}

std::vector<std::uint8_t> load_or_create_key_file(const std::string& path) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    const int existing = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (existing >= 0) return read_key_file(path, existing);
    if (errno != ENOENT)
      throw std::runtime_error("cannot open key file " + path + ": " + errno_text());

    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) {
      std::error_code ec;
      std::filesystem::create_directories(parent, ec);
      if (ec)
        throw std::runtime_error("cannot create the directory of key file " + path + ": " +
                                 ec.message());
    }
    Fd file(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (file.get() < 0) {
      if (errno == EEXIST) continue;  // created by someone else meanwhile: read theirs
      throw std::runtime_error("cannot create key file " + path + ": " + errno_text());
    }
    auto key = random_bytes(kTenderSealKeyBytes);
    std::string text = hex(key.data(), key.size()) + "\n";
    std::string error;
    if (::fchmod(file.get(), 0600) != 0) error = errno_text();  // whatever the umask did
    for (std::size_t written = 0; error.empty() && written < text.size();) {
      const ssize_t n = ::write(file.get(), text.data() + written, text.size() - written);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) error = errno_text();
      if (n == 0) error = "nothing written";
      if (n > 0) written += static_cast<std::size_t>(n);
    }
    if (error.empty() && ::fsync(file.get()) != 0) error = errno_text();
    if (::close(file.release()) != 0 && error.empty()) error = errno_text();
    OPENSSL_cleanse(text.data(), text.size());
    if (!error.empty()) {
      OPENSSL_cleanse(key.data(), key.size());
      ::unlink(path.c_str());
      throw std::runtime_error("cannot write key file " + path + ": " + error);
    }
    fsync_directory(parent);
    return key;
  }
  throw std::runtime_error("cannot open or create key file " + path);
}

std::string hmac_sha256_hex(std::string_view key, std::string_view data) {
  std::unique_ptr<EVP_MAC, MacFree> mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
  if (!mac) openssl_failure("fetching HMAC");
  std::unique_ptr<EVP_MAC_CTX, MacCtxFree> ctx(EVP_MAC_CTX_new(mac.get()));
  if (!ctx) openssl_failure("creating an HMAC context");
  char digest[] = "SHA256";
  const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                               OSSL_PARAM_construct_end()};
  static const unsigned char kEmpty[1] = {0};
  const auto* key_bytes = key.empty() ? kEmpty : reinterpret_cast<const unsigned char*>(key.data());
  unsigned char out[EVP_MAX_MD_SIZE];
  std::size_t size = 0;
  if (EVP_MAC_init(ctx.get(), key_bytes, key.size(), params) != 1 ||
      EVP_MAC_update(ctx.get(), reinterpret_cast<const unsigned char*>(data.data()), data.size()) !=
          1 ||
      EVP_MAC_final(ctx.get(), out, &size, sizeof out) != 1)
    openssl_failure("HMAC-SHA256");
  return hex(out, size);
}

}  // namespace tarjotin::crypto
