#include "server/client_address.hpp"

#include <gtest/gtest.h>

namespace tarjotin::server {
namespace {

TEST(CountedClientAddress, AnIpv6ClientIsCountedByItsSlash64) {
  EXPECT_EQ(counted_client_address("2001:db8:1:2:aaaa:bbbb:cccc:dddd"), "2001:db8:1:2::/64");
  EXPECT_EQ(counted_client_address("2001:db8:1:2::1"),
            counted_client_address("2001:db8:1:2:ffff::9"));
  EXPECT_NE(counted_client_address("2001:db8:1:2::1"), counted_client_address("2001:db8:1:3::1"));
}

TEST(CountedClientAddress, Ipv4AndItsMappedFormAreOneClient) {
  EXPECT_EQ(counted_client_address("192.0.2.7"), "192.0.2.7");
  EXPECT_EQ(counted_client_address("::ffff:192.0.2.7"), "192.0.2.7");
  EXPECT_EQ(counted_client_address(""), "");
}

}  // namespace
}  // namespace tarjotin::server
