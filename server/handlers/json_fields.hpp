#pragma once
// Small readers and writers of JSON fields that every route table uses. Readers take bodies that
// already passed their schema, so they map fields and leave the rules to the schema.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/qualification/entities.hpp"
#include "domain/result.hpp"
#include "server/json.hpp"
#include "server/time_format.hpp"

namespace tarjotin::server {

inline std::string text(const rapidjson::Value& v, const char* name) {
  return string_member(v, name).value_or("");
}

inline std::vector<std::string> strings(const rapidjson::Value& v, const char* name) {
  std::vector<std::string> out;
  if (!v.IsObject() || !v.HasMember(name) || !v[name].IsArray()) return out;
  for (const auto& item : v[name].GetArray())
    if (item.IsString()) out.emplace_back(item.GetString(), item.GetStringLength());
  return out;
}

inline std::optional<long long> integer(const rapidjson::Value& v, const char* name) {
  if (!v.IsObject() || !v.HasMember(name) || !v[name].IsInt64()) return std::nullopt;
  return v[name].GetInt64();
}

inline std::optional<bool> boolean(const rapidjson::Value& v, const char* name) {
  if (!v.IsObject() || !v.HasMember(name) || !v[name].IsBool()) return std::nullopt;
  return v[name].GetBool();
}

// {"name": cents, ...}
inline std::map<std::string, long long> cents_map(const rapidjson::Value& v, const char* name) {
  std::map<std::string, long long> out;
  if (!v.IsObject() || !v.HasMember(name) || !v[name].IsObject()) return out;
  for (const auto& m : v[name].GetObject())
    if (m.value.IsInt64()) out[m.name.GetString()] = m.value.GetInt64();
  return out;
}

inline domain::LocalisedText localised(const rapidjson::Value& v, const char* name) {
  if (!v.IsObject() || !v.HasMember(name)) return {};
  const auto& o = v[name];
  return {text(o, "fi"), text(o, "sv"), text(o, "en")};
}

// The schemas check the form YYYY-MM-DD; whether it is a real day (not 2026-02-30) is checked
// here, so an impossible date is refused rather than stored as something else.
inline domain::Result<domain::Date> date_member(const rapidjson::Value& v, const char* name,
                                                const std::string& pointer) {
  if (auto d = parse_date(text(v, name))) return *d;
  return domain::Error::invalid(pointer, "date", "not a calendar date");
}

inline void write_strings(JsonWriter& w, std::string_view key,
                          const std::vector<std::string>& items) {
  write_string(w, key);
  w.StartArray();
  for (const auto& i : items) write_string(w, i);
  w.EndArray();
}

inline void write_optional_time(JsonWriter& w, std::string_view key,
                                const std::optional<domain::Timestamp>& t) {
  write_string(w, key);
  if (t)
    write_string(w, format_timestamp(*t));
  else
    w.Null();
}

inline void write_optional_number(JsonWriter& w, std::string_view key,
                                  const std::optional<double>& value) {
  write_string(w, key);
  if (value)
    w.Double(*value);
  else
    w.Null();
}

inline void write_localised(JsonWriter& w, std::string_view key, const domain::LocalisedText& t) {
  write_string(w, key);
  w.StartObject();
  write_field(w, "fi", t.fi);
  write_field(w, "sv", t.sv);
  write_field(w, "en", t.en);
  w.EndObject();
}

inline void write_cents_map(JsonWriter& w, std::string_view key,
                            const std::map<std::string, long long>& m) {
  write_string(w, key);
  w.StartObject();
  for (const auto& [name, cents] : m) {
    write_string(w, name);
    w.Int64(cents);
  }
  w.EndObject();
}

}  // namespace tarjotin::server
