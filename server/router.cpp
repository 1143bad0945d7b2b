#include "server/router.hpp"

#include <algorithm>
#include <stdexcept>

namespace tarjotin::server {
namespace {

bool is_param(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// Path parameters are ids and slugs; anything else in one is refused rather than decoded.
bool plausible_param(const std::string& value) {
  if (value.empty() || value.size() > 128 || value == "." || value == "..") return false;
  return std::all_of(value.begin(), value.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
  });
}

}  // namespace

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> out;
  std::size_t pos = path.empty() || path[0] != '/' ? 0 : 1;
  while (pos <= path.size()) {
    const auto slash = path.find('/', pos);
    out.emplace_back(path.substr(pos, slash == path.npos ? path.npos : slash - pos));
    if (slash == path.npos) break;
    pos = slash + 1;
  }
  return out;
}

void Router::add(Route route) {
  for (const auto& r : routes_)
    if (r.method == route.method && r.path == route.path)
      throw std::logic_error("route added twice: " + route.path);
  patterns_.push_back(split_path(route.path));
  routes_.push_back(std::move(route));
}

RouteMatch Router::match(http::verb method, std::string_view path) const {
  RouteMatch result;
  const auto segments = split_path(path);
  for (std::size_t r = 0; r < routes_.size(); ++r) {
    const Route& route = routes_[r];
    const auto& pattern = patterns_[r];
    if (pattern.size() != segments.size()) continue;
    PathParams params;
    bool fits = true;
    for (std::size_t i = 0; i < pattern.size() && fits; ++i) {
      if (is_param(pattern[i])) {
        fits = plausible_param(segments[i]);
        if (fits) params[pattern[i].substr(1, pattern[i].size() - 2)] = segments[i];
      } else {
        fits = pattern[i] == segments[i];
      }
    }
    if (!fits) continue;
    if (route.method == method) {
      result.route = &route;
      result.params = std::move(params);
      result.allowed.clear();
      return result;
    }
    result.allowed.emplace_back(http::to_string(route.method));
  }
  return result;
}

}  // namespace tarjotin::server
