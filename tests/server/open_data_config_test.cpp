// The settings open data is published under: the OCDS identifier prefix and the public address.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "server/config.hpp"

namespace tarjotin::server {
namespace {

TEST(OpenDataConfig, TheDefaultPrefixIsTheUnregisteredOne) {
  const Config c;
  EXPECT_EQ(c.ocid_prefix, "ocds-tarjot");
  EXPECT_EQ(c.public_url, "");
}

TEST(OpenDataConfig, APrefixIsOcdsAndSixLowerCaseLettersOrDigits) {
  Config c;
  set_config_value(c, "ocid-prefix", "ocds-a1b2c3");
  EXPECT_EQ(c.ocid_prefix, "ocds-a1b2c3");
  for (const char* bad :
       {"ocds-abc", "ocds-abcdefg", "OCDS-abcdef", "ocds-ABCDEF", "xyzw-abcdef", "ocds-abc-ef", ""})
    EXPECT_THROW(set_config_value(c, "ocid-prefix", bad), std::invalid_argument) << bad;
  EXPECT_EQ(c.ocid_prefix, "ocds-a1b2c3");
}

TEST(OpenDataConfig, ThePublicUrlIsAnHttpsOriginWrittenWithoutItsTrailingSlash) {
  Config c;
  set_config_value(c, "public-url", "https://hankinnat.kuopio.fi/");
  EXPECT_EQ(c.public_url, "https://hankinnat.kuopio.fi");
  set_config_value(c, "public-url", "https://[::1]:8443");
  EXPECT_EQ(c.public_url, "https://[::1]:8443");
  for (const char* bad : {"hankinnat.kuopio.fi", "ftp://x.fi", "https://", "https://a\"b.fi",
                          "https://a.fi/?q=1", "https://a b.fi"})
    EXPECT_THROW(set_config_value(c, "public-url", bad), std::invalid_argument) << bad;
}

TEST(OpenDataConfig, BothComeFromTheEnvironmentLikeEveryOtherSetting) {
  std::string prefix = "TARJOTIN_OCID_PREFIX=ocds-zz9999";
  std::string url = "TARJOTIN_PUBLIC_URL=https://tarjotin.example.fi";
  char* environment[] = {prefix.data(), url.data(), nullptr};
  Config c;
  load_config(c, {}, environment);
  EXPECT_EQ(c.ocid_prefix, "ocds-zz9999");
  EXPECT_EQ(c.public_url, "https://tarjotin.example.fi");
}

}  // namespace
}  // namespace tarjotin::server
