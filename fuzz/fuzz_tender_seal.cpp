// Sealed tenders (crypto/tender_seal.hpp), one case per value of the first input byte
// ('0' to '2'):
//   0 any text offered as a sealed tender never opens (strict base64url, version, GCM tag)
//   1 any content seals and opens to itself, only under its own competition, and a sealed text
//     with one character changed does not open
//   2 the master key file is read only when it is exactly 64 hex digits and a line ending

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/crypto.hpp"
#include "crypto/tender_seal.hpp"
#include "fuzz/fuzz_check.hpp"

namespace tarjotin::fuzz {
namespace {

const std::string kCompetition = "7c0f7f5e-2a4b-4c1d-9e3f-0123456789ab";
const std::string kOtherCompetition = "7c0f7f5e-2a4b-4c1d-9e3f-0123456789ac";

crypto::AesGcmTenderSeal& seal() {
  static auto* s = new crypto::AesGcmTenderSeal(std::vector<std::uint8_t>(32, 0x5a));
  return *s;
}

void forged(std::string_view text) {
  FUZZ_CHECK(!seal().open(kCompetition, std::string(text)).has_value());
}

domain::TenderContent content_from(std::string_view input) {
  domain::TenderContent c;
  if (input.size() >= 8) {
    std::memcpy(&c.price_cents, input.data(), 8);
    input.remove_prefix(8);
  }
  const auto [note, answers] = two_parts(input);
  c.note = std::string(note);
  for (std::string_view rest = answers; !rest.empty();) {
    const auto [key, after_key] = two_parts(rest);
    const auto [value, after_value] = two_parts(after_key);
    c.answers[std::string(key)] = std::string(value);
    if (after_value.data() == nullptr || after_value.empty()) break;
    rest = after_value;
  }
  return c;
}

bool same(const domain::TenderContent& a, const domain::TenderContent& b) {
  return a.price_cents == b.price_cents && a.answers == b.answers && a.note == b.note;
}

void round_trip(std::string_view input) {
  const domain::TenderContent content = content_from(input);
  const std::string sealed = seal().seal(kCompetition, content);
  const auto opened = seal().open(kCompetition, sealed);
  FUZZ_CHECK(opened.has_value() && same(*opened, content));
  FUZZ_CHECK(!seal().open(kOtherCompetition, sealed).has_value());

  // Every character of the text matters: change one to another base64url character.
  static constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string tampered = sealed;
  const std::size_t at = input.size() % tampered.size();
  const auto was = kAlphabet.find(tampered[at]);
  FUZZ_CHECK(was != std::string_view::npos);
  tampered[at] = kAlphabet[(was + 1 + input.size() % 63) % 64];
  FUZZ_CHECK(!seal().open(kCompetition, tampered).has_value());
}

// load_or_create_key_file reads a path; an in-memory file gives it one without touching the
// disk (it exists, so nothing is ever created).
const std::string& key_file_with(std::string_view content) {
  static const int fd = memfd_create("tarjotin-fuzz-key", 0);
  static const std::string path = "/proc/self/fd/" + std::to_string(fd);
  if (fd < 0 || ftruncate(fd, 0) != 0 ||
      pwrite(fd, content.data(), content.size(), 0) != static_cast<ssize_t>(content.size()))
    std::abort();
  return path;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void key_file(std::string_view content) {
  std::string_view digits = content;
  if (digits.ends_with("\r\n"))
    digits.remove_suffix(2);
  else if (digits.ends_with('\n'))
    digits.remove_suffix(1);
  bool well_formed = digits.size() == 64;
  for (char c : digits) well_formed = well_formed && hex_value(c) >= 0;

  std::vector<std::uint8_t> key;
  try {
    key = crypto::load_or_create_key_file(key_file_with(content));
  } catch (const std::runtime_error&) {
    FUZZ_CHECK(!well_formed);
    return;
  }
  FUZZ_CHECK(well_formed);
  FUZZ_CHECK(key.size() == crypto::kTenderSealKeyBytes);
  for (std::size_t i = 0; i < key.size(); ++i)
    FUZZ_CHECK(key[i] == hex_value(digits[2 * i]) * 16 + hex_value(digits[2 * i + 1]));
}

}  // namespace
}  // namespace tarjotin::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tarjotin::fuzz;
  return run_one_of(data, size, {forged, round_trip, key_file});
}
