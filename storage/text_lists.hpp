#pragma once
// Short lists and name -> amount maps stored in one TEXT column, the same way on both
// databases: items one per line, amounts as "name=value" lines.

#include <charconv>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace tarjotin::storage {

inline std::string join_lines(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i == 0 ? "" : "\n") + items[i];
  return out;
}

inline std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (!text.empty() && pos <= text.size()) {
    const auto nl = text.find('\n', pos);
    out.push_back(text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos));
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  return out;
}

inline std::string join_amounts(const std::map<std::string, long long>& amounts) {
  std::vector<std::string> lines;
  for (const auto& [name, value] : amounts) lines.push_back(name + "=" + std::to_string(value));
  return join_lines(lines);
}

// A line without "=" or with a value that is not a whole number means the data is damaged.
inline std::map<std::string, long long> split_amounts(const std::string& text) {
  std::map<std::string, long long> out;
  for (const auto& line : split_lines(text)) {
    const auto eq = line.rfind('=');
    if (eq == std::string::npos) throw std::runtime_error("stored amount '" + line + "' has no =");
    long long value = 0;
    const char* end = line.data() + line.size();
    const auto [stop, ec] = std::from_chars(line.data() + eq + 1, end, value);
    if (ec != std::errc{} || stop != end)
      throw std::runtime_error("stored amount '" + line + "' is not a whole number");
    out[line.substr(0, eq)] = value;
  }
  return out;
}

}  // namespace tarjotin::storage
