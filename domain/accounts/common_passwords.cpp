// The shipped list of common passwords, read once into a set.
#include <string>
#include <string_view>
#include <unordered_set>

#include "domain/accounts/rules.hpp"
#include "embedded/embedded.hpp"

namespace tarjotin::domain {
namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Views into the embedded text, which lives as long as the program.
const std::unordered_set<std::string_view>& common_passwords() {
  static const auto set = [] {
    std::unordered_set<std::string_view> out;
    for (const auto& file : embedded::common_passwords()) {
      std::string_view text = file.content;
      while (!text.empty()) {
        const auto end = text.find('\n');
        const auto line = text.substr(0, end);
        if (!line.empty() && line.front() != '#') out.insert(line);
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
      }
    }
    return out;
  }();
  return set;
}

}  // namespace

bool is_common_password(std::string_view password) {
  return common_passwords().count(lower_ascii(password)) > 0;
}

}  // namespace tarjotin::domain
