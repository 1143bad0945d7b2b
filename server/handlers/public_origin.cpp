#include "server/handlers/public_origin.hpp"

#include <cctype>
#include <string_view>

namespace tarjotin::server {
namespace {

bool plausible_host(std::string_view host) {
  if (host.empty() || host.size() > 255) return false;
  for (const char c : host)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != ':' &&
        c != '[' && c != ']')
      return false;
  return true;
}

}  // namespace

std::optional<std::string> public_origin(const std::string& public_url, const Request& request) {
  if (!public_url.empty()) return public_url;
  const auto host = request[http::field::host];
  const std::string_view name(host.data(), host.size());
  if (!plausible_host(name)) return std::nullopt;
  return "https://" + std::string(name);
}

}  // namespace tarjotin::server
