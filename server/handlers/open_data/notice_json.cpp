// eForms-shaped JSON: each business term under its SDK field id, as {"name", "value"}; a text
// as {"FIN": ..., "SWE": ...}, a date as eForms writes it, with Helsinki's offset that day.
#include <variant>

#include "server/handlers/open_data/json.hpp"
#include "server/time_format.hpp"

namespace tarjotin::server {
namespace {

namespace notice = domain::notice;

void field_value(JsonWriter& w, const std::string& v) { write_string(w, v); }

void field_value(JsonWriter& w, const notice::Text& t) {
  w.StartObject();
  for (const auto& [language, text] : t.by_language) write_field(w, language, text);
  w.EndObject();
}

void field_value(JsonWriter& w, const domain::Date& d) {
  write_string(w, format_date(d) + helsinki_offset(d));
}

void fields(JsonWriter& w, const notice::Fields& group) {
  for (const auto& f : group) {
    write_string(w, f.id);
    w.StartObject();
    write_field(w, "name", f.name);
    w.Key("value");
    std::visit([&](const auto& v) { field_value(w, v); }, f.value);
    w.EndObject();
  }
}

void group(JsonWriter& w, std::string_view key, const notice::Fields& g) {
  write_string(w, key);
  w.StartObject();
  fields(w, g);
  w.EndObject();
}

void groups(JsonWriter& w, std::string_view key, const std::vector<notice::Fields>& gs) {
  write_string(w, key);
  w.StartArray();
  for (const auto& g : gs) {
    w.StartObject();
    fields(w, g);
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

void write_json(JsonWriter& w, const notice::Notice& n) {
  w.StartObject();
  group(w, "notice", n.notice);
  group(w, "procedure", n.procedure);
  groups(w, "lots", n.lots);
  groups(w, "organisations", n.organisations);
  w.Key("lot_results");
  w.StartArray();
  for (const auto& r : n.results) {
    w.StartObject();
    fields(w, r.fields);
    groups(w, "winners", r.winners);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

}  // namespace tarjotin::server
