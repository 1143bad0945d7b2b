#include "server/proxy_protocol.hpp"

#include <gtest/gtest.h>

namespace tarjotin::server {
namespace {

std::string client_of(std::string_view received) {
  const auto result = parse_proxy_header(received);
  const auto* header = std::get_if<ProxyHeader>(&result);
  return header ? header->client_address : "<not a header>";
}

bool invalid(std::string_view received) {
  return std::holds_alternative<ProxyHeaderInvalid>(parse_proxy_header(received));
}

TEST(ProxyHeader, NamesTheClientAndWhereItsOwnBytesStart) {
  const std::string header = "PROXY TCP4 192.0.2.1 198.51.100.1 56324 443\r\n";
  const auto result = parse_proxy_header(header + "\x16\x03\x01");
  ASSERT_TRUE(std::holds_alternative<ProxyHeader>(result));
  EXPECT_EQ(std::get<ProxyHeader>(result).client_address, "192.0.2.1");
  EXPECT_EQ(std::get<ProxyHeader>(result).length, header.size());
  EXPECT_EQ(client_of("PROXY TCP6 2001:db8::1 2001:db8::2 1 65535\r\n"), "2001:db8::1");
}

TEST(ProxyHeader, UnknownMeansTheBalancersOwnConnection) {
  EXPECT_EQ(client_of("PROXY UNKNOWN\r\n"), "");
  EXPECT_EQ(client_of("PROXY UNKNOWN ffff:f...f:ffff 1 2\r\n"), "");
}

TEST(ProxyHeader, APartialHeaderWaitsForMore) {
  EXPECT_TRUE(std::holds_alternative<ProxyHeaderIncomplete>(parse_proxy_header("")));
  EXPECT_TRUE(std::holds_alternative<ProxyHeaderIncomplete>(parse_proxy_header("PRO")));
  EXPECT_TRUE(
      std::holds_alternative<ProxyHeaderIncomplete>(parse_proxy_header("PROXY TCP4 192.0.2.1 ")));
}

TEST(ProxyHeader, AnythingElseIsRefused) {
  EXPECT_TRUE(invalid("GET / HTTP/1.1\r\n"));
  EXPECT_TRUE(invalid("\x16\x03\x01\x02"));
  EXPECT_TRUE(invalid("PROXY TCP4 192.0.2.1 198.51.100.1 56324\r\n"));
  EXPECT_TRUE(invalid("PROXY TCP4 2001:db8::1 198.51.100.1 1 2\r\n"));    // not IPv4
  EXPECT_TRUE(invalid("PROXY TCP6 192.0.2.1 198.51.100.1 1 2\r\n"));      // not IPv6
  EXPECT_TRUE(invalid("PROXY TCP4 192.0.2.1 198.51.100.1 65536 2\r\n"));  // not a port
  EXPECT_TRUE(invalid("PROXY TCP4 192.0.2.1 198.51.100.1 01 2\r\n"));
  EXPECT_TRUE(invalid("PROXY UDP4 192.0.2.1 198.51.100.1 1 2\r\n"));
  EXPECT_TRUE(invalid("PROXY TCP4 example.fi 198.51.100.1 1 2\r\n"));
  EXPECT_TRUE(invalid("PROXY " + std::string(110, 'x')));  // no line end within the bound
}

}  // namespace
}  // namespace tarjotin::server
