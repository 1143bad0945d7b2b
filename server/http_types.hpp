#pragma once
#include <boost/beast/http.hpp>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/identity.hpp"

namespace tarjotin::server {

namespace http = boost::beast::http;
using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

// What a handler returns; the pipeline turns it into a Response with the common headers.
struct Reply {
  unsigned status = 200;
  std::string body;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
};

}  // namespace tarjotin::server
