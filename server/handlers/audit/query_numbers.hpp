#pragma once
// Whole numbers in the query of the audit routes: a position in the trail, a tree size.

#include <charconv>
#include <optional>
#include <string>
#include <string_view>

#include "domain/result.hpp"
#include "server/api.hpp"

namespace tarjotin::server {

// The query parameter `name` as a whole number of 0 or more; none when it is absent. Anything
// else is refused at "/<name>" with `detail`.
inline domain::Result<std::optional<long long>> whole_number(const Exchange& ex,
                                                             std::string_view name,
                                                             const std::string& detail) {
  const auto text = ex.query_param(name);
  if (!text) return std::optional<long long>();
  long long n = -1;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), n);
  if (text->empty() || ec != std::errc() || end != text->data() + text->size() || n < 0)
    return domain::Error::invalid("/" + std::string(name), "format", detail);
  return std::optional<long long>(n);
}

}  // namespace tarjotin::server
