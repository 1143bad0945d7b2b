#pragma once
// JSON in and out. Parsing is iterative (RapidJSON's recursive parser overflows the stack on deep
// nesting) and bounded in depth and array length before a document exists.

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <optional>
#include <string>
#include <string_view>

namespace tarjotin::server {

struct JsonLimits {
  std::size_t max_depth = 32;
  std::size_t max_array_items = 10'000;
  std::size_t max_object_members = 1'000;
};

struct JsonParseError {
  std::string detail;  // what is wrong, with the byte offset
  std::string rule;    // "syntax", "encoding", "max-depth", "max-items", "max-members"
};

// Parses `text` into `out`; on failure returns what went wrong and leaves `out` empty.
std::optional<JsonParseError> parse_json(std::string_view text, rapidjson::Document& out,
                                         const JsonLimits& limits = {});

// A writer and a read body of the server's own types, so that the `write_json(JsonWriter&,
// const T&)` and `read_json(JsonBody, T&)` overloads beside each capability's routes are found
// by the type they write or read, wherever a reply template is instantiated.
class JsonWriter : public rapidjson::Writer<rapidjson::StringBuffer> {
 public:
  using Writer::Writer;
};
struct JsonBody {
  const rapidjson::Value& value;  // a request body that passed its route's schema
};

inline void write_string(JsonWriter& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}
inline void write_field(JsonWriter& w, std::string_view key, std::string_view value) {
  write_string(w, key);
  write_string(w, value);
}

// Well-formed UTF-8 without control characters: what may reach the database from a query
// string or a header (PostgreSQL refuses malformed UTF-8, which must not become a 500).
bool is_clean_text(std::string_view text);

// Reads an optional string member; nullopt when absent or not a string.
std::optional<std::string> string_member(const rapidjson::Value& object, const char* name);

}  // namespace tarjotin::server
