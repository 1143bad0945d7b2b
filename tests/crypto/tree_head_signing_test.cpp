// Signed tree heads: Ed25519 through OpenSSL over the checkpoint text, keys in the PEM files
// `openssl genpkey` writes, and signatures `openssl pkeyutl` agrees with.
#include "crypto/tree_head_signing.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "crypto/crypto.hpp"

namespace tarjotin::crypto {
namespace {

const std::string kRoot = "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328";

class TreeHeadSigning : public ::testing::Test {
 protected:
  std::filesystem::path dir = [] {
    const auto suffix = random_bytes(6);
    auto d = std::filesystem::temp_directory_path() /
             ("tarjotin-signing-" + hex(suffix.data(), suffix.size()));
    std::filesystem::create_directories(d);
    return d;
  }();
  ~TreeHeadSigning() override { std::filesystem::remove_all(dir); }

  std::string write(const std::string& name, const std::string& text) {
    const auto path = (dir / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  std::string read(const std::string& name) {
    std::ifstream in(dir / name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }
  bool run(const std::string& command) {
    return std::system((command + " >/dev/null 2>&1").c_str()) == 0;
  }
};

TEST_F(TreeHeadSigning, TheSignedTextNamesSizeRootAndTime) {
  EXPECT_EQ(checkpoint_text(8, kRoot, domain::from_micros(1'790'000'000'000'001)),
            "tarjotin audit checkpoint v1\ntree_size 8\nroot_hash " + kRoot +
                "\nsigned_at 1790000000000001\n");
}

TEST_F(TreeHeadSigning, AHeadVerifiesWithItsKeyAndNothingElseDoes) {
  const Ed25519TreeHeadSigner signer(write("log.key", new_ed25519_private_key_pem()));
  const auto at = domain::from_micros(1'790'000'000'000'000);
  const auto head = signer.sign(8, kRoot, at);
  const auto key = *bytes_from_hex(signer.public_key().public_key);
  EXPECT_EQ(head.key_id, key_id_of(key));
  EXPECT_EQ(head.signature.size(), 128u);
  EXPECT_TRUE(verify_tree_head(head, key));

  auto changed = head;
  changed.tree_size = 7;
  EXPECT_FALSE(verify_tree_head(changed, key));
  changed = head;
  changed.root_hash[0] = '6';
  EXPECT_FALSE(verify_tree_head(changed, key));
  changed = head;
  changed.signed_at += std::chrono::microseconds(1);
  EXPECT_FALSE(verify_tree_head(changed, key));
  changed = head;
  changed.signature[10] = changed.signature[10] == '0' ? '1' : '0';
  EXPECT_FALSE(verify_tree_head(changed, key));
  changed = head;
  changed.signature = "zz";
  EXPECT_FALSE(verify_tree_head(changed, key));

  const Ed25519TreeHeadSigner other(write("other.key", new_ed25519_private_key_pem()));
  const auto other_key = *bytes_from_hex(other.public_key().public_key);
  EXPECT_FALSE(verify_tree_head(head, other_key));
  // Signed by the other key but claiming this one's name, or the other way round.
  auto forged = other.sign(8, kRoot, at);
  EXPECT_FALSE(verify_tree_head(forged, key));
  forged.key_id = head.key_id;
  EXPECT_FALSE(verify_tree_head(forged, key));
}

TEST_F(TreeHeadSigning, ThePublishedPemNamesTheSameKey) {
  const Ed25519TreeHeadSigner signer(write("log.key", new_ed25519_private_key_pem()));
  const auto published = signer.public_key();
  const auto from_pem = ed25519_public_key(published.pem);
  ASSERT_TRUE(from_pem);
  EXPECT_EQ(hex(from_pem->data(), from_pem->size()), published.public_key);
  EXPECT_EQ(ed25519_public_key(read("log.key")), from_pem);
  EXPECT_FALSE(ed25519_public_key("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"));
}

TEST_F(TreeHeadSigning, OnlyAnEd25519PrivateKeyIsTaken) {
  EXPECT_THROW(Ed25519TreeHeadSigner((dir / "missing.key").string()), std::invalid_argument);
  EXPECT_THROW(Ed25519TreeHeadSigner(write("garbage.key", "not a key\n")), std::invalid_argument);
  if (!run("openssl version")) GTEST_SKIP() << "no openssl command";
  ASSERT_TRUE(run("openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out " +
                  (dir / "p256.key").string()));
  try {
    Ed25519TreeHeadSigner signer((dir / "p256.key").string());
    ADD_FAILURE() << "a P-256 key was taken";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("p256.key"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(ed25519_public_key(read("p256.key")));
}

TEST_F(TreeHeadSigning, KeysAndSignaturesWorkWithTheOpensslCommand) {
  if (!run("openssl version")) GTEST_SKIP() << "no openssl command";
  const auto key = (dir / "cli.key").string();
  ASSERT_TRUE(run("openssl genpkey -algorithm ed25519 -out " + key));
  ASSERT_TRUE(run("openssl pkey -in " + key + " -pubout -out " + (dir / "cli.pub").string()));
  const Ed25519TreeHeadSigner signer(key);
  EXPECT_EQ(signer.public_key().pem, read("cli.pub"));
  const auto head = signer.sign(3, kRoot, domain::from_micros(1'790'000'000'000'000));
  write("checkpoint.txt", checkpoint_text(head.tree_size, head.root_hash, head.signed_at));
  const auto signature = *bytes_from_hex(head.signature);
  write("checkpoint.sig", std::string(signature.begin(), signature.end()));
  EXPECT_TRUE(run("openssl pkeyutl -verify -rawin -pubin -inkey " + (dir / "cli.pub").string() +
                  " -in " + (dir / "checkpoint.txt").string() + " -sigfile " +
                  (dir / "checkpoint.sig").string()));
  write("checkpoint.txt", checkpoint_text(4, head.root_hash, head.signed_at));
  EXPECT_FALSE(run("openssl pkeyutl -verify -rawin -pubin -inkey " + (dir / "cli.pub").string() +
                   " -in " + (dir / "checkpoint.txt").string() + " -sigfile " +
                   (dir / "checkpoint.sig").string()));
}

}  // namespace
}  // namespace tarjotin::crypto
