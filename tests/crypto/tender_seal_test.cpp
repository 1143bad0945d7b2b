#include "crypto/tender_seal.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "crypto/crypto.hpp"

namespace tarjotin::crypto {
namespace {

using domain::TenderContent;

const std::string kCompetition = "7c0f7f5e-2a4b-4c1d-9e3f-0123456789ab";

std::vector<std::uint8_t> test_key(std::uint8_t first = 0) {
  std::vector<std::uint8_t> key(32);
  for (std::size_t i = 0; i < key.size(); ++i) key[i] = static_cast<std::uint8_t>(first + i);
  return key;
}

TenderContent sample_content() {
  TenderContent c;
  c.price_cents = 123456789;
  c.answers["delivery"] = "Toimitamme kolmen työpäivän kuluessa, myös Åland — ääkköset ok";
  c.answers["quality"] = "ISO 9001 -sertifioitu laadunhallinta, 24/7 päivystys";
  c.answers["empty"] = "";
  c.answers["emoji"] = "Palvelu \xF0\x9F\x9A\x80 nopeasti";
  c.note = "Hinta sisältää arvonlisäveron 25,5 %.";
  return c;
}

bool same(const TenderContent& a, const TenderContent& b) {
  return a.price_cents == b.price_cents && a.answers == b.answers && a.note == b.note;
}

// The test's own strict-enough decoder, so the tests do not lean on the code under test.
std::vector<std::uint8_t> decode(const std::string& text) {
  static const std::string kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::vector<std::uint8_t> out;
  std::uint32_t acc = 0;
  int bits = 0;
  for (char c : text) {
    const auto v = kAlphabet.find(c);
    if (v == std::string::npos) ADD_FAILURE() << "not base64url: " << c;
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<std::uint8_t>(acc >> bits));
      acc &= (1u << bits) - 1;
    }
  }
  return out;
}

std::string encode(const std::vector<std::uint8_t>& bytes) {
  return base64url(bytes.data(), bytes.size());
}

bool contains(const std::vector<std::uint8_t>& haystack, const std::string& needle) {
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) !=
         haystack.end();
}

TEST(TenderSeal, RoundTripsPriceAnswersAndNote) {
  AesGcmTenderSeal seal(test_key());
  const auto content = sample_content();
  const auto opened = seal.open(kCompetition, seal.seal(kCompetition, content));
  ASSERT_TRUE(opened.has_value());
  EXPECT_EQ(opened->price_cents, 123456789);
  EXPECT_EQ(opened->answers, content.answers);
  EXPECT_EQ(opened->answers.at("empty"), "");
  EXPECT_EQ(opened->note, content.note);
}

TEST(TenderSeal, RoundTripsEmptyExtremeAndLargeContent) {
  AesGcmTenderSeal seal(test_key());
  std::vector<TenderContent> cases(4);
  cases[1].price_cents = std::numeric_limits<long long>::max();
  cases[2].price_cents = std::numeric_limits<long long>::min();
  cases[2].answers[""] = "empty key";
  cases[3].price_cents = -1;
  cases[3].note = std::string(200000, 'x') + std::string("\0nul inside", 11);
  for (int i = 0; i < 50; ++i) cases[3].answers["k" + std::to_string(i)] = std::string(i, 'v');
  for (const auto& c : cases) {
    const auto opened = seal.open(kCompetition, seal.seal(kCompetition, c));
    ASSERT_TRUE(opened.has_value());
    EXPECT_TRUE(same(*opened, c));
  }
}

TEST(TenderSeal, OutputIsUrlSafeTextStartingWithTheVersion) {
  AesGcmTenderSeal seal(test_key());
  const auto sealed = seal.seal(kCompetition, sample_content());
  EXPECT_EQ(
      sealed.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
      std::string::npos);
  const auto bytes = decode(sealed);
  ASSERT_FALSE(bytes.empty());
  EXPECT_EQ(bytes[0], 0x01);
  std::size_t plaintext = 8 + 4 + 4 + sample_content().note.size();
  for (const auto& [k, v] : sample_content().answers) plaintext += 8 + k.size() + v.size();
  EXPECT_EQ(bytes.size(), 1 + 12 + plaintext + 16);  // version | IV | ciphertext | tag
}

TEST(TenderSeal, SealedFormRevealsNeitherPriceNorAnswers) {
  AesGcmTenderSeal seal(test_key());
  const auto content = sample_content();
  const auto sealed = seal.seal(kCompetition, content);
  const auto bytes = decode(sealed);
  const std::vector<std::uint8_t> sealed_bytes(sealed.begin(), sealed.end());
  const std::string price_be("\x00\x00\x00\x00\x07\x5b\xcd\x15", 8);  // 123456789
  for (const auto* raw : {&sealed_bytes, &bytes}) {
    EXPECT_FALSE(contains(*raw, "123456789"));
    EXPECT_FALSE(contains(*raw, "1234567"));
    EXPECT_FALSE(contains(*raw, price_be));
    EXPECT_FALSE(contains(*raw, "delivery"));
    EXPECT_FALSE(contains(*raw, "Toimitamme"));
    EXPECT_FALSE(contains(*raw, "sertifioitu"));
    EXPECT_FALSE(contains(*raw, "arvonlis"));
    for (const auto& [key, value] : content.answers)
      if (value.size() >= 6) {
        EXPECT_FALSE(contains(*raw, value.substr(0, 6))) << value;
      }
  }
}

TEST(TenderSeal, SealingTheSameContentTwiceGivesDifferentText) {
  AesGcmTenderSeal seal(test_key());
  const auto a = seal.seal(kCompetition, sample_content());
  const auto b = seal.seal(kCompetition, sample_content());
  EXPECT_NE(a, b);
  const auto ba = decode(a);
  const auto bb = decode(b);
  EXPECT_FALSE(std::equal(ba.begin() + 1, ba.begin() + 13, bb.begin() + 1)) << "IV reused";
  EXPECT_TRUE(seal.open(kCompetition, a).has_value());
  EXPECT_TRUE(seal.open(kCompetition, b).has_value());
}

TEST(TenderSeal, DoesNotOpenUnderAnotherCompetition) {
  AesGcmTenderSeal seal(test_key());
  const auto sealed = seal.seal(kCompetition, sample_content());
  EXPECT_FALSE(seal.open("another-competition", sealed).has_value());
  EXPECT_FALSE(seal.open(kCompetition + "0", sealed).has_value());
  EXPECT_FALSE(seal.open(kCompetition.substr(1), sealed).has_value());
  EXPECT_FALSE(seal.open("", sealed).has_value());
  EXPECT_TRUE(seal.open(kCompetition, sealed).has_value());
}

TEST(TenderSeal, AnyFlippedBitOfTheSealedBytesFailsToOpen) {
  AesGcmTenderSeal seal(test_key());
  const auto bytes = decode(seal.seal(kCompetition, sample_content()));
  ASSERT_TRUE(seal.open(kCompetition, encode(bytes)).has_value());
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    for (std::uint8_t mask : {0x01, 0x10, 0x80, 0xff}) {
      auto tampered = bytes;
      tampered[i] ^= mask;
      EXPECT_FALSE(seal.open(kCompetition, encode(tampered)).has_value())
          << "byte " << i << " mask " << int(mask);
    }
  }
}

TEST(TenderSeal, AnyChangedCharacterOfTheSealedTextFailsToOpen) {
  AesGcmTenderSeal seal(test_key());
  const auto sealed = seal.seal(kCompetition, sample_content());
  for (std::size_t i = 0; i < sealed.size(); ++i) {
    for (char replacement : {'A', 'B', 'z', '-', '_', '=', ' ', '+', '/'}) {
      if (sealed[i] == replacement) continue;
      auto tampered = sealed;
      tampered[i] = replacement;
      EXPECT_FALSE(seal.open(kCompetition, tampered).has_value()) << "position " << i;
    }
  }
}

TEST(TenderSeal, TruncatedOrExtendedTextFailsToOpen) {
  AesGcmTenderSeal seal(test_key());
  const auto sealed = seal.seal(kCompetition, sample_content());
  for (std::size_t n = 0; n < sealed.size(); ++n)
    EXPECT_FALSE(seal.open(kCompetition, sealed.substr(0, n)).has_value()) << n;
  EXPECT_FALSE(seal.open(kCompetition, sealed + "A").has_value());
  EXPECT_FALSE(seal.open(kCompetition, sealed + "AAAA").has_value());
  EXPECT_FALSE(seal.open(kCompetition, sealed + "\n").has_value());
  EXPECT_FALSE(seal.open(kCompetition, sealed + "=").has_value());
  auto bytes = decode(sealed);
  bytes.push_back(0);
  EXPECT_FALSE(seal.open(kCompetition, encode(bytes)).has_value());
}

TEST(TenderSeal, DoesNotOpenUnderADifferentMasterKey) {
  AesGcmTenderSeal seal(test_key(0));
  AesGcmTenderSeal other(test_key(1));
  const auto sealed = seal.seal(kCompetition, sample_content());
  EXPECT_FALSE(other.open(kCompetition, sealed).has_value());
}

TEST(TenderSeal, OpensWithAnotherInstanceOfTheSameMasterKey) {
  const auto sealed = AesGcmTenderSeal(test_key()).seal(kCompetition, sample_content());
  const auto opened = AesGcmTenderSeal(test_key()).open(kCompetition, sealed);
  ASSERT_TRUE(opened.has_value());
  EXPECT_TRUE(same(*opened, sample_content()));
}

TEST(TenderSeal, GarbageAndEmptyInputGiveNothing) {
  AesGcmTenderSeal seal(test_key());
  for (const std::string& garbage :
       {std::string(), std::string("A"), std::string("AQ"), std::string("not base64 at all!"),
        std::string("AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
        std::string(300, 'A'), std::string("\0\0\0\0", 4), std::string("\xff\xfe\xfd\xfc")})
    EXPECT_FALSE(seal.open(kCompetition, garbage).has_value()) << garbage;
  // Well-formed envelopes with the wrong version or nothing authentic inside.
  auto bytes = decode(seal.seal(kCompetition, sample_content()));
  for (std::uint8_t version : {0x00, 0x02, 0xff}) {
    auto other = bytes;
    other[0] = version;
    EXPECT_FALSE(seal.open(kCompetition, encode(other)).has_value());
  }
  std::fill(bytes.begin() + 1, bytes.end(), 0);
  EXPECT_FALSE(seal.open(kCompetition, encode(bytes)).has_value());
}

TEST(TenderSeal, RejectsAMasterKeyThatIsNot32Bytes) {
  EXPECT_THROW(AesGcmTenderSeal(std::vector<std::uint8_t>{}), std::invalid_argument);
  EXPECT_THROW(AesGcmTenderSeal(std::vector<std::uint8_t>(16)), std::invalid_argument);
  EXPECT_THROW(AesGcmTenderSeal(std::vector<std::uint8_t>(31)), std::invalid_argument);
  EXPECT_THROW(AesGcmTenderSeal(std::vector<std::uint8_t>(33)), std::invalid_argument);
  EXPECT_NO_THROW(AesGcmTenderSeal(std::vector<std::uint8_t>(32)));
}

TEST(WebhookSecretSeal, OpensOnlyForItsOrganisationUnderTheSameKey) {
  AesGcmTenderSeal seal(test_key());
  const std::string secret = "K7x-webhook-signing-secret_0123456789abcdefABCDEF";
  const auto sealed = seal.seal_secret("org-1", secret);
  EXPECT_EQ(sealed.find(secret), std::string::npos);
  EXPECT_NE(seal.seal_secret("org-1", secret), sealed);  // a fresh IV each time
  EXPECT_EQ(seal.open_secret("org-1", sealed), secret);
  EXPECT_EQ(AesGcmTenderSeal(test_key()).open_secret("org-1", sealed), secret);
  EXPECT_EQ(seal.open_secret("org-2", sealed), std::nullopt);
  EXPECT_EQ(AesGcmTenderSeal(test_key(1)).open_secret("org-1", sealed), std::nullopt);
  std::string flipped = sealed;
  flipped[flipped.size() / 2] = flipped[flipped.size() / 2] == 'A' ? 'B' : 'A';
  EXPECT_EQ(seal.open_secret("org-1", flipped), std::nullopt);
}

TEST(WebhookSecretSeal, ASealedTenderIsNoSecretAndASealedSecretIsNoTender) {
  AesGcmTenderSeal seal(test_key());
  domain::TenderContent content;
  content.price_cents = 100;
  const auto tender = seal.seal("same-id", content);
  EXPECT_EQ(seal.open_secret("same-id", tender), std::nullopt);
  const auto secret = seal.seal_secret("same-id", std::string(40, 'x'));
  EXPECT_EQ(seal.open("same-id", secret), std::nullopt);
}

TEST(HmacSha256, MatchesRfc4231TestCase2) {
  EXPECT_EQ(hmac_sha256_hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(HmacSha256, MatchesRfc4231TestCase1) {
  EXPECT_EQ(hmac_sha256_hex(std::string(20, '\x0b'), "Hi There"),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
}

TEST(HmacSha256, HandlesEmptyKeyAndData) {
  // Known value of HMAC-SHA256 with an empty key over empty data.
  EXPECT_EQ(hmac_sha256_hex("", ""),
            "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}

class KeyFile : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/tarjotin-tender-seal-test-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  void write(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
  }
  std::filesystem::path dir_;
};

TEST_F(KeyFile, IsCreatedWithMode0600AndReadBackUnchanged) {
  const std::string path = (dir_ / "keys" / "nested" / "tender-seal.key").string();
  const auto created = load_or_create_key_file(path);
  ASSERT_EQ(created.size(), 32u);
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_TRUE(S_ISREG(st.st_mode));
  EXPECT_EQ(st.st_mode & 07777, 0600u);
  std::ifstream in(path, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text, hex(created.data(), created.size()) + "\n");

  EXPECT_EQ(load_or_create_key_file(path), created);
  const auto sealed = AesGcmTenderSeal(created).seal(kCompetition, sample_content());
  EXPECT_TRUE(
      AesGcmTenderSeal(load_or_create_key_file(path)).open(kCompetition, sealed).has_value());
}

TEST_F(KeyFile, NewFilesGetNewKeys) {
  EXPECT_NE(load_or_create_key_file((dir_ / "a.key").string()),
            load_or_create_key_file((dir_ / "b.key").string()));
}

TEST_F(KeyFile, ReadsAWrittenKeyWithOrWithoutNewline) {
  const auto key = test_key();
  const std::string digits = hex(key.data(), key.size());
  std::string upper = digits;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  int i = 0;
  for (const auto& text : {digits, digits + "\n", digits + "\r\n", upper + "\n"}) {
    const std::string path = (dir_ / ("k" + std::to_string(i++))).string();
    write(path, text);
    EXPECT_EQ(load_or_create_key_file(path), key) << text;
  }
}

TEST_F(KeyFile, MalformedFileThrows) {
  const auto key = test_key();
  const std::string digits = hex(key.data(), key.size());
  int i = 0;
  for (const auto& text :
       {std::string(), std::string("\n"), std::string("not a key"), digits.substr(0, 62),
        digits.substr(0, 62) + "\n", digits + "00", digits + "\n\n", " " + digits, digits + " \n",
        digits.substr(0, 63) + "g", std::string(32, '\x01'), digits + "\n" + digits}) {
    const std::string path = (dir_ / ("bad" + std::to_string(i++))).string();
    write(path, text);
    EXPECT_THROW(load_or_create_key_file(path), std::runtime_error) << text;
    // A malformed file is never replaced by a new key.
    std::ifstream in(path, std::ios::binary);
    EXPECT_EQ(std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()),
              text);
  }
}

TEST_F(KeyFile, MalformedFileErrorNamesThePath) {
  const std::string path = (dir_ / "broken.key").string();
  write(path, "xyz\n");
  try {
    load_or_create_key_file(path);
    FAIL() << "expected an exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("malformed"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace tarjotin::crypto
