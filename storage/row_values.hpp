#pragma once
#include <soci/soci.h>

#include <optional>
#include <stdexcept>
#include <string>

namespace tarjotin::storage {

// SQLite describes a column by the value it happens to hold (a small number comes back as
// `int`), PostgreSQL by its declared type; reading integers through this makes both alike.
inline long long int64_at(const soci::row& r, std::size_t i) {
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_integer:
      return r.get<int>(i);
    case soci::dt_long_long:
      return r.get<long long>(i);
    case soci::dt_unsigned_long_long:
      return static_cast<long long>(r.get<unsigned long long>(i));
    case soci::dt_double:
      return static_cast<long long>(r.get<double>(i));
    case soci::dt_string:
      return std::stoll(r.get<std::string>(i));
    default:
      throw soci::soci_error("column " + std::to_string(i) + " does not hold an integer");
  }
}

inline double double_at(const soci::row& r, std::size_t i) {
  if (r.get_properties(i).get_data_type() == soci::dt_double) return r.get<double>(i);
  return static_cast<double>(int64_at(r, i));
}

inline bool is_null(const soci::row& r, std::size_t i) {
  return r.get_indicator(i) == soci::i_null;
}

// Enum values are stored by their domain names (enumerators 0..Count-1); an unknown name means
// the data is damaged.
template <class Enum, int Count>
Enum enum_named(const std::string& text) {
  for (int i = 0; i < Count; ++i)
    if (to_string(static_cast<Enum>(i)) == text) return static_cast<Enum>(i);
  throw std::runtime_error("stored value '" + text + "' is not a known state or kind");
}

// Optional values bound with an indicator, so NULL reaches the database as NULL.
struct Nullable {
  long long value = 0;
  soci::indicator ind = soci::i_null;
  Nullable() = default;
  explicit Nullable(std::optional<long long> v)
      : value(v.value_or(0)), ind(v ? soci::i_ok : soci::i_null) {}
};

inline std::string text_at(const soci::row& r, std::size_t i) {
  return r.get_indicator(i) == soci::i_null ? std::string() : r.get<std::string>(i);
}

}  // namespace tarjotin::storage
