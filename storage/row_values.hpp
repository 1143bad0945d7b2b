#pragma once
#include <soci/soci.h>

#include <optional>
#include <stdexcept>
#include <string>

#include "domain/time.hpp"

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

inline Nullable micros_or_null(const std::optional<domain::Timestamp>& t) {
  return Nullable(t ? std::optional<long long>(domain::to_micros(*t)) : std::nullopt);
}

inline std::optional<domain::Timestamp> optional_micros_at(const soci::row& r, std::size_t i) {
  if (is_null(r, i)) return std::nullopt;
  return domain::from_micros(int64_at(r, i));
}

// Calendar dates are stored as days since 1970-01-01.
inline long long day_number(std::chrono::sys_days d) { return d.time_since_epoch().count(); }
inline std::chrono::sys_days date_from(long long days) {
  return std::chrono::sys_days{std::chrono::days{days}};
}

// An empty reference is stored as NULL, so foreign keys and unique indexes hold.
inline soci::indicator null_if_empty(const std::string& text) {
  return text.empty() ? soci::i_null : soci::i_ok;
}

inline std::string text_at(const soci::row& r, std::size_t i) {
  return r.get_indicator(i) == soci::i_null ? std::string() : r.get<std::string>(i);
}

}  // namespace tarjotin::storage
