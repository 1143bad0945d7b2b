#pragma once
// Enum <-> name tables. The names are stored and sent over the API, so they are the
// enumerators' own spelling and never change once data exists.

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace tarjotin::domain {

template <class Key, std::size_t N>
using NameTable = std::array<std::pair<Key, std::string_view>, N>;

template <class Table, class Key>
constexpr std::string_view name_in(const Table& table, Key key) {
  for (const auto& [k, name] : table)
    if (k == key) return name;
  return "unknown";
}

template <class Key, class Table>
constexpr std::optional<Key> key_in(const Table& table, std::string_view text) {
  for (const auto& [k, name] : table)
    if (name == text) return k;
  return std::nullopt;
}

}  // namespace tarjotin::domain
