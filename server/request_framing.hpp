#pragma once
// Where a request body ends must be beyond doubt, or the bytes after it can be read as a second,
// smuggled request. Boost.Beast 1.81 accepts framings that later versions refuse (a
// Transfer-Encoding other than exactly "chunked" together with Content-Length, and
// "chunked, gzip" as a body-less request), so every request head passes this check before its
// body is read.

#include <optional>
#include <string>

#include "server/http_types.hpp"

namespace tarjotin::server {

// Nullopt when the framing is unambiguous; otherwise why the request is refused.
std::optional<std::string> framing_problem(const http::request_header<>& head);

}  // namespace tarjotin::server
