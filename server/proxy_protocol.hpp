#pragma once
// The PROXY protocol's text header (version 1, as HAProxy, nginx and cloud load balancers send
// it): a load balancer in front of Tarjotin names the client it is passing on, so that the
// per-address connection limit and sign-in throttling count clients, not the balancer.
//   PROXY TCP4 192.0.2.1 198.51.100.1 56324 443\r\n
#include <cstddef>
#include <string>
#include <string_view>
#include <variant>

namespace tarjotin::server {

// The longest header version 1 allows, line end included.
inline constexpr std::size_t kProxyHeaderMaxBytes = 107;

struct ProxyHeader {
  std::string client_address;  // empty for "PROXY UNKNOWN": the balancer's own connection
  std::size_t length = 0;      // bytes of the header, line end included
};
struct ProxyHeaderIncomplete {};
struct ProxyHeaderInvalid {
  std::string why;
};
using ProxyHeaderResult = std::variant<ProxyHeader, ProxyHeaderIncomplete, ProxyHeaderInvalid>;

// Reads the header from the start of `received`; what follows it is the client's own bytes.
ProxyHeaderResult parse_proxy_header(std::string_view received);

}  // namespace tarjotin::server
