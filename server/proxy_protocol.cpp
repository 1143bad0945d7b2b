#include "server/proxy_protocol.hpp"

#include <boost/asio/ip/address.hpp>

#include <charconv>
#include <vector>

namespace tarjotin::server {
namespace {

std::vector<std::string_view> split_spaces(std::string_view line) {
  std::vector<std::string_view> words;
  while (!line.empty()) {
    const auto space = line.find(' ');
    words.push_back(line.substr(0, space));
    if (space == std::string_view::npos) break;
    line.remove_prefix(space + 1);
  }
  return words;
}

bool is_port(std::string_view text) {
  unsigned port = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), port);
  return ec == std::errc{} && end == text.data() + text.size() && port <= 65535 &&
         !(text.size() > 1 && text[0] == '0');
}

}  // namespace

ProxyHeaderResult parse_proxy_header(std::string_view received) {
  constexpr std::string_view signature = "PROXY ";
  const auto prefix = received.substr(0, signature.size());
  if (signature.substr(0, prefix.size()) != prefix)
    return ProxyHeaderInvalid{"the connection does not start with a PROXY header"};
  const auto end = received.find("\r\n");
  if (end == std::string_view::npos) {
    if (received.size() >= kProxyHeaderMaxBytes)
      return ProxyHeaderInvalid{"the PROXY header is longer than 107 bytes"};
    return ProxyHeaderIncomplete{};
  }
  if (end + 2 > kProxyHeaderMaxBytes)
    return ProxyHeaderInvalid{"the PROXY header is longer than 107 bytes"};
  const auto words = split_spaces(received.substr(signature.size(), end - signature.size()));
  const std::size_t length = end + 2;
  if (!words.empty() && words[0] == "UNKNOWN") return ProxyHeader{"", length};
  if (words.size() != 5 || (words[0] != "TCP4" && words[0] != "TCP6"))
    return ProxyHeaderInvalid{"the PROXY header is not TCP4, TCP6 or UNKNOWN with 4 fields"};
  boost::system::error_code source_ec, destination_ec;
  const auto source = boost::asio::ip::make_address(std::string(words[1]), source_ec);
  const auto destination = boost::asio::ip::make_address(std::string(words[2]), destination_ec);
  if (source_ec || destination_ec || source.is_v4() != (words[0] == "TCP4") ||
      destination.is_v4() != source.is_v4())
    return ProxyHeaderInvalid{"the PROXY header's addresses do not match its protocol"};
  if (!is_port(words[3]) || !is_port(words[4]))
    return ProxyHeaderInvalid{"the PROXY header's ports are not ports"};
  return ProxyHeader{source.to_string(), length};
}

}  // namespace tarjotin::server
