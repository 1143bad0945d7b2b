#pragma once
// Pieces of ordering's JSON that several of its writers share. Internal to
// server/handlers/ordering.

#include <optional>
#include <string>
#include <string_view>

#include "domain/interval.hpp"
#include "domain/result.hpp"
#include "server/json.hpp"

namespace tarjotin::server::ordering_json {

inline void write_int(JsonWriter& w, std::string_view key, long long value) {
  write_string(w, key);
  w.Int64(value);
}

inline void write_bool(JsonWriter& w, std::string_view key, bool value) {
  write_string(w, key);
  w.Bool(value);
}

// {"low": .., "high": ..}, or null.
inline void write_interval(JsonWriter& w, std::string_view key,
                           const std::optional<domain::Interval>& i) {
  write_string(w, key);
  if (!i) {
    w.Null();
    return;
  }
  w.StartObject();
  w.Key("low");
  w.Double(i->low);
  w.Key("high");
  w.Double(i->high);
  w.EndObject();
}

// The text, or null when there is none.
inline void write_optional_text(JsonWriter& w, std::string_view key,
                                const std::optional<std::string>& text) {
  write_string(w, key);
  if (text)
    write_string(w, *text);
  else
    w.Null();
}

// The text, or null when it is empty: a reference not (yet) made, a date not set.
inline void write_text_or_null(JsonWriter& w, std::string_view key, const std::string& text) {
  write_optional_text(w, key, text.empty() ? std::nullopt : std::optional<std::string>(text));
}

// An enumeration's value by its name (its to_string), or null.
template <class Enum>
void write_name_or_null(JsonWriter& w, std::string_view key, const std::optional<Enum>& value) {
  write_optional_text(w, key, value ? std::optional<std::string>(to_string(*value)) : std::nullopt);
}

// An enumeration's value by its name, refused as the schema would refuse it when it is none.
template <class Enum, class Parse>
domain::Status named(const std::string& text, Parse parse, const char* pointer, Enum& out) {
  const auto parsed = parse(text);
  if (!parsed)
    return domain::Error::invalid(pointer, "enum", "the value is not one of those allowed");
  out = *parsed;
  return domain::Done{};
}

}  // namespace tarjotin::server::ordering_json
