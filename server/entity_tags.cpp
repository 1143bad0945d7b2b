#include "server/entity_tags.hpp"

#include <charconv>

namespace tarjotin::server {
namespace {

std::string_view trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

}  // namespace

std::string entity_tag(long long version) { return "\"" + std::to_string(version) + "\""; }

std::optional<std::vector<long long>> if_match_versions(std::string_view value) {
  value = trimmed(value);
  if (value.empty() || value == "*") return std::nullopt;
  std::vector<long long> versions;
  std::size_t from = 0;
  while (from <= value.size()) {
    const auto comma = value.find(',', from);
    const auto tag =
        trimmed(value.substr(from, comma == std::string_view::npos ? comma : comma - from));
    if (tag.size() > 2 && tag.front() == '"' && tag.back() == '"') {
      const auto digits = tag.substr(1, tag.size() - 2);
      long long version = 0;
      const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), version);
      if (ec == std::errc() && end == digits.data() + digits.size() && version > 0)
        versions.push_back(version);
    }
    if (comma == std::string_view::npos) break;
    from = comma + 1;
  }
  return versions;
}

}  // namespace tarjotin::server
