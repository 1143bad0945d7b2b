#pragma once
// Checks of free-form input that the JSON schemas cannot express, shared by the use cases.

#include <string>
#include <vector>

#include "domain/result.hpp"

namespace tarjotin::domain {

constexpr std::size_t kMaxText = 10'000;

inline bool is_blank(const std::string& value) {
  return value.find_first_not_of(" \t\r\n") == std::string::npos;
}

inline Status required_text(const std::string& value, const std::string& pointer,
                            const char* what) {
  if (is_blank(value))
    return Error::invalid(pointer, "required", std::string(what) + " is required");
  if (value.size() > kMaxText)
    return Error::invalid(pointer, "maxLength", std::string(what) + " is too long");
  return Done{};
}

// Lists are stored one item per line.
inline Status check_list(const std::vector<std::string>& items, const std::string& pointer) {
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items[i].empty() || items[i].find('\n') != std::string::npos)
      return Error::invalid(pointer + "/" + std::to_string(i), "pattern",
                            "list items are non-empty single lines");
  return Done{};
}

}  // namespace tarjotin::domain
