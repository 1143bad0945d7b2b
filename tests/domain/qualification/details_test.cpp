// What an officer's details of a DPS, a category and a re-confirmation request must be, and which
// documents an applicant may attach under which name.
#include "domain/qualification/rules.hpp"

#include <gtest/gtest.h>

#include <string>

#include "domain/qualification/dpss.hpp"
#include "tests/domain/dates.hpp"

namespace tarjotin::domain {
namespace {

using testing::date;

void expect_invalid(const Status& status, const std::string& pointer, const std::string& rule) {
  ASSERT_FALSE(status.ok()) << "expected " << pointer << " " << rule;
  ASSERT_EQ(status.error().fields.size(), 1u);
  EXPECT_EQ(status.error().fields[0].pointer, pointer);
  EXPECT_EQ(status.error().fields[0].rule, rule);
}

template <class T>
void expect_invalid(const Result<T>& result, const std::string& pointer, const std::string& rule) {
  expect_invalid(result.ok() ? Status(Done{}) : Status(result.error()), pointer, rule);
}

DpsInput sound_dps() {
  return {"Työllisyyspalvelut", "", "2026-012345", date(2026, 1, 1), date(2029, 12, 31)};
}

CategoryInput sound_category() {
  CategoryInput in;
  in.name = {"Työhönvalmennus", "", ""};
  in.characteristics = {"Yksilövalmennus"};
  in.regions = {"297", "749"};
  in.languages = {"fi"};
  return in;
}

TEST(CheckDps, NeedsATitleAndAValidityThatDoesNotEndBeforeItStarts) {
  EXPECT_TRUE(check_dps(sound_dps()).ok());
  auto in = sound_dps();
  in.title = "  ";
  expect_invalid(check_dps(in), "/title", "required");
  in = sound_dps();
  in.valid_until = in.valid_from;
  EXPECT_TRUE(check_dps(in).ok());
  in.valid_until = in.valid_from - std::chrono::days{1};
  expect_invalid(check_dps(in), "/valid_until", "after-valid-from");
}

TEST(CheckCategory, NeedsAFinnishNameAndServiceLanguages) {
  EXPECT_TRUE(check_category(sound_category()).ok());
  auto in = sound_category();
  in.name.fi.clear();
  in.name.en = "Job coaching";
  expect_invalid(check_category(in), "/name/fi", "required");
  in = sound_category();
  in.languages.clear();
  expect_invalid(check_category(in), "/languages", "minItems");
}

TEST(CheckCategory, ListItemsAreSingleNonEmptyLines) {
  auto in = sound_category();
  in.characteristics = {"Yksilö\nvalmennus"};
  expect_invalid(check_category(in), "/characteristics/0", "pattern");
  in = sound_category();
  in.regions = {"297", ""};
  expect_invalid(check_category(in), "/regions/1", "pattern");
  in = sound_category();
  in.languages = {"fi", "s\nv"};
  expect_invalid(check_category(in), "/languages/1", "pattern");
}

TEST(CheckCategory, APriceCeilingIsAboveZeroWhenThereIsOne) {
  auto in = sound_category();
  in.price.unit_price_ceiling_cents = 0;
  expect_invalid(check_category(in), "/price/unit_price_ceiling_cents", "minimum");
  in.price.unit_price_ceiling_cents = 1;
  EXPECT_TRUE(check_category(in).ok());
  in.price.unit_price_ceiling_cents.reset();
  EXPECT_TRUE(check_category(in).ok());
}

TEST(ReconfirmationRequest, SaysWhatToConfirmByADayAfterToday) {
  const Date today = date(2026, 5, 4);
  EXPECT_TRUE(
      check_reconfirmation_request("Vahvistakaa vakuutus.", today + std::chrono::days{1}, today)
          .ok());
  expect_invalid(check_reconfirmation_request(" \t", today + std::chrono::days{1}, today),
                 "/message", "required");
  expect_invalid(check_reconfirmation_request("Vahvistakaa.", today, today), "/due", "future");
}

const std::string kPdf = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
const std::string kPng("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
const std::string kJpeg("\xFF\xD8\xFF\xE0\0\x10JFIF", 10);

TEST(Documents, AreKnownByTheirSignatureNotTheirClaim) {
  EXPECT_EQ(sniff_media_type(kPdf), MediaType::pdf);
  EXPECT_EQ(sniff_media_type(kPng), MediaType::png);
  EXPECT_EQ(sniff_media_type(kJpeg), MediaType::jpeg);
  EXPECT_FALSE(sniff_media_type("%PDF").has_value());
  EXPECT_FALSE(sniff_media_type("GIF89a").has_value());
  EXPECT_FALSE(sniff_media_type("").has_value());
}

TEST(Documents, APdfPngOrJpegThatIsWhatItsTypeSaysWithinTheLimit) {
  auto type = check_document("application/pdf", kPdf, 1000);
  ASSERT_TRUE(type.ok());
  EXPECT_EQ(*type, MediaType::pdf);
  EXPECT_EQ(*check_document("image/png", kPng, 1000), MediaType::png);
  expect_invalid(check_document("image/gif", "GIF89a", 1000), "", "media-type");
  expect_invalid(check_document("application/pdf", "", 1000), "", "minLength");
  expect_invalid(check_document("application/pdf", kPdf, kPdf.size() - 1), "", "maxLength");
  EXPECT_TRUE(check_document("application/pdf", kPdf, kPdf.size()).ok());
  // A PNG sent as a PDF is refused: the declared type is only a claim.
  expect_invalid(check_document("application/pdf", kPng, 1000), "", "media-type");
}

TEST(SafeFilename, KeepsOnlyTheNameWithoutPathControlOrQuoteCharacters) {
  EXPECT_EQ(safe_filename("todistus.pdf"), "todistus.pdf");
  EXPECT_EQ(safe_filename("../../etc/passwd"), "passwd");
  EXPECT_EQ(safe_filename("C:\\Users\\me\\vakuutus.pdf"), "vakuutus.pdf");
  EXPECT_EQ(safe_filename("a\"b\r\nc\x7f.pdf"), "abc.pdf");
  EXPECT_EQ(safe_filename("..hidden.pdf"), "hidden.pdf");
  EXPECT_EQ(safe_filename(""), "document");
  EXPECT_EQ(safe_filename("dir/"), "document");
  EXPECT_EQ(safe_filename(std::string(300, 'a')), std::string(200, 'a'));
}

TEST(SafeFilename, ALongNameIsCutWithoutHalfACharacter) {
  std::string name = "a";
  for (int i = 0; i < 100; ++i) name += "\xE2\x82\xAC";  // €, three bytes
  const std::string safe = safe_filename(name);
  EXPECT_LE(safe.size(), 200u);
  EXPECT_EQ(name.rfind(safe, 0), 0u);
  EXPECT_EQ((safe.size() - 1) % 3, 0u) << "a euro sign was cut";
}

}  // namespace
}  // namespace tarjotin::domain
