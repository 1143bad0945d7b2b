#include "domain/identifiers.hpp"

#include <gtest/gtest.h>

using tarjotin::domain::canonical_business_id;

TEST(BusinessId, AcceptsFinnishIdWhoseCheckDigitMatches) {
  // 0737546-2: 0*7+7*9+3*10+7*5+5*8+4*4+6*2 = 0+63+30+35+40+16+12 = 196; 196 % 11 = 9;
  // 11 - 9 = 2.
  auto r = canonical_business_id("FI", "0737546-2");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value(), "0737546-2");
}

TEST(BusinessId, AcceptsCheckDigitZeroWhenRemainderIsZero) {
  // 1572860-0: 7+45+70+10+64+24+0 = 220; 220 % 11 = 0, so the check digit is 0.
  EXPECT_TRUE(canonical_business_id("FI", "1572860-0").ok());
}

TEST(BusinessId, RefusesFinnishIdWithWrongCheckDigit) {
  auto r = canonical_business_id("FI", "0737546-3");
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.error().fields.size(), 1u);
  EXPECT_EQ(r.error().fields[0].pointer, "/business_id");
  EXPECT_EQ(r.error().fields[0].rule, "check-digit");
}

TEST(BusinessId, RefusesFinnishIdWhoseRemainderIsOne) {
  // 0000110: 1*8 + 1*4 = 12; 12 % 11 = 1, a remainder for which no ID is ever issued, so no
  // check digit makes it valid.
  for (char digit = '0'; digit <= '9'; ++digit) {
    std::string id = "0000110-";
    id.push_back(digit);
    EXPECT_FALSE(canonical_business_id("FI", id).ok()) << id;
  }
}

TEST(BusinessId, RefusesFinnishIdOfWrongShape) {
  for (const char* id : {"0737546", "07375462", "073754-62", "a737546-2", "0737546-x", ""}) {
    auto r = canonical_business_id("FI", id);
    ASSERT_FALSE(r.ok()) << id;
    EXPECT_EQ(r.error().fields[0].rule, "pattern") << id;
  }
}

TEST(BusinessId, CanonicalisesOtherMemberStatesIds) {
  auto r = canonical_business_id("SE", "5560-1234 56");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value(), "5560123456");
  EXPECT_FALSE(canonical_business_id("SE", "55/60").ok());
  EXPECT_FALSE(canonical_business_id("SE", "12").ok());
}

TEST(BusinessId, RefusesCountryThatIsNotAnIsoCode) {
  auto r = canonical_business_id("fin", "0737546-2");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().fields[0].pointer, "/country");
}

TEST(BusinessId, CheckDigitIsGivenForIssuedNumbersAndNoneForRemainderOne) {
  using tarjotin::domain::finnish_check_digit;
  EXPECT_EQ(finnish_check_digit("0737546"), 2);
  EXPECT_EQ(finnish_check_digit("1572860"), 0);
  // 1000008: 7 + 2*8 = 23; 23 % 11 = 1, a number never issued.
  EXPECT_EQ(finnish_check_digit("1000008"), std::nullopt);
  EXPECT_FALSE(canonical_business_id("FI", "1000008-0").ok());
}

TEST(IdentityCode, IsFoundWhereverItStandsInTheText) {
  using tarjotin::domain::looks_like_identity_code;
  for (const char* text : {"010190-123A", "131052-308T", "case 010190A1234 here", "010100+9999",
                           "311299Y123x", "010190-1234"})
    EXPECT_TRUE(looks_like_identity_code(text)) << text;
}

TEST(IdentityCode, IsNotSeenInReferencesOfOtherShapes) {
  using tarjotin::domain::looks_like_identity_code;
  for (const char* text : {"", "ASIAKAS-42", "010190-123", "010190Z123A", "01019-0123A",
                           "010190-12A4", "010190-123-", "2026-01-15 case"})
    EXPECT_FALSE(looks_like_identity_code(text)) << text;
}
