#include "crypto/tree_head_signing.hpp"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "crypto/crypto.hpp"
#include "crypto/merkle.hpp"

namespace tarjotin::crypto {
namespace {

constexpr std::size_t kPublicKeyBytes = 32;
constexpr std::size_t kSignatureBytes = 64;

struct PkeyFree {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};
struct MdCtxFree {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

std::unique_ptr<BIO, BioFree> memory_bio(std::string_view text) {
  return std::unique_ptr<BIO, BioFree>(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())));
}

std::string bio_text(BIO* bio) {
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio, &data);
  return size > 0 ? std::string(data, static_cast<std::size_t>(size)) : std::string();
}

std::vector<std::uint8_t> raw_public_key(EVP_PKEY* key) {
  std::vector<std::uint8_t> raw(kPublicKeyBytes);
  std::size_t size = raw.size();
  if (EVP_PKEY_get_raw_public_key(key, raw.data(), &size) != 1 || size != kPublicKeyBytes)
    throw std::runtime_error("cannot read the Ed25519 public key");
  return raw;
}

bool is_ed25519(EVP_PKEY* key) { return key && EVP_PKEY_get_id(key) == EVP_PKEY_ED25519; }

}  // namespace

struct Ed25519TreeHeadSigner::Key {
  Pkey pkey;
};

std::string checkpoint_text(long long tree_size, std::string_view root_hash,
                            domain::Timestamp signed_at) {
  return "tarjotin audit checkpoint v1\ntree_size " + std::to_string(tree_size) + "\nroot_hash " +
         std::string(root_hash) + "\nsigned_at " + std::to_string(domain::to_micros(signed_at)) +
         "\n";
}

Ed25519TreeHeadSigner::Ed25519TreeHeadSigner(const std::string& key_file)
    : key_(std::make_unique<Key>()) {
  std::ifstream in(key_file, std::ios::binary);
  if (!in) throw std::invalid_argument("cannot read the audit signing key file " + key_file);
  std::ostringstream text;
  text << in.rdbuf();
  std::string pem = text.str();
  const auto bio = memory_bio(pem);
  key_->pkey.reset(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
  OPENSSL_cleanse(pem.data(), pem.size());
  if (!is_ed25519(key_->pkey.get()))
    throw std::invalid_argument("the audit signing key file " + key_file +
                                " holds no Ed25519 private key in PEM (make one with: openssl "
                                "genpkey -algorithm ed25519 -out " +
                                key_file + ")");
  const auto raw = raw_public_key(key_->pkey.get());
  public_key_.public_key = hex(raw.data(), raw.size());
  public_key_.key_id = key_id_of(raw);
  const std::unique_ptr<BIO, BioFree> out(BIO_new(BIO_s_mem()));
  if (!out || PEM_write_bio_PUBKEY(out.get(), key_->pkey.get()) != 1)
    throw std::runtime_error("cannot write the audit public key as PEM");
  public_key_.pem = bio_text(out.get());
}

Ed25519TreeHeadSigner::~Ed25519TreeHeadSigner() = default;

domain::SignedTreeHead Ed25519TreeHeadSigner::sign(long long tree_size,
                                                   const std::string& root_hash,
                                                   domain::Timestamp at) const {
  const std::string text = checkpoint_text(tree_size, root_hash, at);
  const std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
  std::vector<std::uint8_t> signature(kSignatureBytes);
  std::size_t size = signature.size();
  // Ed25519 hashes the message itself: no digest is named, and the whole text goes in at once.
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key_->pkey.get()) != 1 ||
      EVP_DigestSign(ctx.get(), signature.data(), &size,
                     reinterpret_cast<const unsigned char*>(text.data()), text.size()) != 1 ||
      size != kSignatureBytes)
    throw std::runtime_error("Ed25519 signing failed");
  return {tree_size, root_hash, at, public_key_.key_id, hex(signature.data(), signature.size())};
}

std::string new_ed25519_private_key_pem() {
  Pkey key(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
  const std::unique_ptr<BIO, BioFree> out(BIO_new(BIO_s_mem()));
  if (!key || !out ||
      PEM_write_bio_PrivateKey(out.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
    throw std::runtime_error("cannot make an Ed25519 key");
  return bio_text(out.get());
}

std::optional<std::vector<std::uint8_t>> ed25519_public_key(std::string_view pem) {
  auto bio = memory_bio(pem);
  Pkey key(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
  if (!key) {
    bio = memory_bio(pem);
    key.reset(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
  }
  if (!is_ed25519(key.get())) return std::nullopt;
  return raw_public_key(key.get());
}

std::string key_id_of(const std::vector<std::uint8_t>& raw_public_key) {
  return sha256_hex(std::string_view(reinterpret_cast<const char*>(raw_public_key.data()),
                                     raw_public_key.size()));
}

bool verify_tree_head(const domain::SignedTreeHead& head,
                      const std::vector<std::uint8_t>& raw_public_key) {
  const auto signature = bytes_from_hex(head.signature);
  if (!signature || signature->size() != kSignatureBytes ||
      raw_public_key.size() != kPublicKeyBytes || head.key_id != key_id_of(raw_public_key))
    return false;
  Pkey key(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, raw_public_key.data(),
                                       raw_public_key.size()));
  const std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
  const std::string text = checkpoint_text(head.tree_size, head.root_hash, head.signed_at);
  return key && ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) == 1 &&
         EVP_DigestVerify(ctx.get(), signature->data(), signature->size(),
                          reinterpret_cast<const unsigned char*>(text.data()), text.size()) == 1;
}

}  // namespace tarjotin::crypto
