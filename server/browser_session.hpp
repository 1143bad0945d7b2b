#pragma once
// Sessions for the browser: the same opaque session token as a bearer token, carried in an
// HttpOnly cookie so no script (and no injected script) can read it, with a CSRF token that
// every state-changing request must echo in a header.
//
// The cookie is "__Host-" prefixed (Secure, Path=/, no Domain: no subdomain can set or shadow
// it) and SameSite=Strict (no other site's page sends it at all). The CSRF token is derived
// from the session token, so any replica checks it without shared state, and a page on another
// origin, which cannot read our answers, cannot learn it.

#include <optional>
#include <string>
#include <string_view>

#include "domain/time.hpp"
#include "server/http_types.hpp"

namespace tarjotin::server {

inline constexpr std::string_view kSessionCookie = "__Host-tarjotin-session";
inline constexpr std::string_view kCsrfHeader = "X-CSRF-Token";

// The value of the cookie `name` in the request's Cookie headers, if there is one.
std::optional<std::string> cookie_value(const Request& request, std::string_view name);

// The session cookie's value in the request's Cookie header, if there is one.
std::optional<std::string> session_cookie(const Request& request);

// The CSRF token that belongs with a session token.
std::string csrf_token_for(std::string_view session_token);

// Whether a request authenticated by the cookie carries the CSRF token of its session; only
// GET and HEAD, which change nothing, go without.
bool passes_csrf_check(const Request& request, std::string_view session_token);

// Set-Cookie values that set the session until `expires_at`, and that remove it.
std::string session_cookie_header(std::string_view token, domain::Timestamp now,
                                  domain::Timestamp expires_at);
std::string cleared_session_cookie_header();

}  // namespace tarjotin::server
