#include "server/browser_session.hpp"

#include "crypto/crypto.hpp"

namespace tarjotin::server {
namespace {

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<std::string> session_cookie(const Request& request) {
  return cookie_value(request, kSessionCookie);
}

std::optional<std::string> cookie_value(const Request& request, std::string_view name) {
  for (auto it = request.find(http::field::cookie);
       it != request.end() && it->name() == http::field::cookie; ++it) {
    std::string_view rest(it->value().data(), it->value().size());
    while (!rest.empty()) {
      const auto semicolon = rest.find(';');
      const std::string_view pair = trimmed(rest.substr(0, semicolon));
      const auto eq = pair.find('=');
      if (eq != pair.npos && trimmed(pair.substr(0, eq)) == name) {
        const auto value = trimmed(pair.substr(eq + 1));
        if (!value.empty()) return std::string(value);
      }
      if (semicolon == rest.npos) break;
      rest.remove_prefix(semicolon + 1);
    }
  }
  return std::nullopt;
}

std::string csrf_token_for(std::string_view session_token) {
  return crypto::sha256_hex("tarjotin csrf\n" + std::string(session_token));
}

bool passes_csrf_check(const Request& request, std::string_view session_token) {
  if (request.method() == http::verb::get || request.method() == http::verb::head) return true;
  const auto sent = request[kCsrfHeader];
  return crypto::constant_time_equal(std::string_view(sent.data(), sent.size()),
                                     csrf_token_for(session_token));
}

std::string session_cookie_header(std::string_view token, domain::Timestamp now,
                                  domain::Timestamp expires_at) {
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(expires_at - now).count();
  return std::string(kSessionCookie) + "=" + std::string(token) +
         "; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=" +
         std::to_string(seconds > 0 ? seconds : 0);
}

std::string cleared_session_cookie_header() {
  return std::string(kSessionCookie) + "=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0";
}

}  // namespace tarjotin::server
