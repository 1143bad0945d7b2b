#include "server/json.hpp"

#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <cmath>
#include <set>
#include <string>
#include <vector>

namespace tarjotin::server {
namespace {

// Sits between the reader and the document, counting depth and items, and stops the parse
// (returning false) as soon as a limit is crossed, before any deep tree is built.
class BoundedHandler {
 public:
  BoundedHandler(rapidjson::Document& doc, const JsonLimits& limits) : doc_(doc), limits_(limits) {}

  bool Null() { return item() && doc_.Null(); }
  bool Bool(bool b) { return item() && doc_.Bool(b); }
  bool Int(int i) { return item() && doc_.Int(i); }
  bool Uint(unsigned u) { return item() && doc_.Uint(u); }
  bool Int64(int64_t i) { return item() && doc_.Int64(i); }
  bool Uint64(uint64_t u) { return item() && doc_.Uint64(u); }
  bool Double(double d) {
    // RapidJSON 1.1 reads some numbers beyond the largest double (9e308) as infinity, which no
    // JSON writer can write back; they are refused like the larger ones it does catch.
    if (!std::isfinite(d)) {
      number_too_big = true;
      return false;
    }
    return item() && doc_.Double(d);
  }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool copy) {
    return item() && doc_.RawNumber(s, n, copy);
  }
  bool String(const char* s, rapidjson::SizeType n, bool copy) {
    return utf8(s, n) && item() && doc_.String(s, n, copy);
  }
  bool StartObject() { return open(false) && doc_.StartObject(); }
  bool Key(const char* s, rapidjson::SizeType n, bool copy) {
    if (!utf8(s, n)) return false;
    // Two members of one name would leave it to each reader which one counts (RapidJSON's
    // lookups take the first, the schema checks both, other parsers often take the last).
    if (!open_.back().names.emplace(s, n).second) {
      duplicate_name = true;
      return false;
    }
    return doc_.Key(s, n, copy);
  }
  bool EndObject(rapidjson::SizeType n) {
    open_.pop_back();
    return doc_.EndObject(n);
  }
  bool StartArray() { return open(true) && doc_.StartArray(); }
  bool EndArray(rapidjson::SizeType n) {
    open_.pop_back();
    return doc_.EndArray(n);
  }

  std::string limit_broken;
  bool number_too_big = false;
  bool lone_surrogate = false;
  bool duplicate_name = false;

 private:
  struct Container {
    bool is_array;
    std::size_t items;
    std::set<std::string> names;  // of an object's members so far
  };

  // RapidJSON 1.1 checks that "\ud800".."\udbff" is followed by a low surrogate, but lets a
  // lone "\udc00".."\udfff" through as the bytes ED B0..BF xx, which are not UTF-8 (and which
  // PostgreSQL refuses). Those bytes cannot come from the text itself: its encoding is checked.
  bool utf8(const char* s, rapidjson::SizeType n) {
    for (rapidjson::SizeType i = 0; i + 1 < n; ++i)
      if (static_cast<unsigned char>(s[i]) == 0xED &&
          (static_cast<unsigned char>(s[i + 1]) & 0xE0) == 0xA0) {
        lone_surrogate = true;
        return false;
      }
    return true;
  }

  bool item() {
    if (open_.empty()) return true;
    Container& c = open_.back();
    if (++c.items > (c.is_array ? limits_.max_array_items : limits_.max_object_members)) {
      limit_broken = c.is_array ? "max-items" : "max-members";
      return false;
    }
    return true;
  }
  bool open(bool is_array) {
    if (!item()) return false;
    if (open_.size() >= limits_.max_depth) {
      limit_broken = "max-depth";
      return false;
    }
    open_.push_back({is_array, 0, {}});
    return true;
  }

  rapidjson::Document& doc_;
  const JsonLimits& limits_;
  std::vector<Container> open_;
};

}  // namespace

std::optional<JsonParseError> parse_json(std::string_view text, rapidjson::Document& out,
                                         const JsonLimits& limits) {
  out.SetNull();
  // JSON text never holds a raw NUL; refusing it here keeps the reader from mistaking one for
  // the end of the input.
  if (text.find('\0') != std::string_view::npos)
    return JsonParseError{"JSON text may not contain a NUL byte", "syntax"};
  rapidjson::Reader reader;
  rapidjson::MemoryStream stream(text.data(), text.size());
  BoundedHandler handler(out, limits);
  constexpr unsigned kFlags =
      rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;
  std::optional<JsonParseError> error;
  auto generate = [&](rapidjson::Document&) -> bool {
    const rapidjson::ParseResult result = reader.Parse<kFlags>(stream, handler);
    if (result) return true;
    if (!handler.limit_broken.empty()) {
      const std::string& rule = handler.limit_broken;
      error = JsonParseError{
          rule == "max-depth"
              ? "JSON nests deeper than " + std::to_string(limits.max_depth) + " levels"
          : rule == "max-members"
              ? "a JSON object has more than " + std::to_string(limits.max_object_members) +
                    " members"
              : "a JSON array has more than " + std::to_string(limits.max_array_items) + " items",
          rule};
    } else if (handler.duplicate_name) {
      error = JsonParseError{"a JSON object has two members of the same name at byte " +
                                 std::to_string(result.Offset()),
                             "syntax"};
    } else {
      const rapidjson::ParseErrorCode code =
          handler.number_too_big   ? rapidjson::kParseErrorNumberTooBig
          : handler.lone_surrogate ? rapidjson::kParseErrorStringUnicodeSurrogateInvalid
                                   : result.Code();
      const bool encoding = code == rapidjson::kParseErrorStringInvalidEncoding;
      error = JsonParseError{std::string(rapidjson::GetParseError_En(code)) + " at byte " +
                                 std::to_string(result.Offset()),
                             encoding ? "encoding" : "syntax"};
    }
    return false;
  };
  out.Populate(generate);
  if (error) out.SetNull();
  return error;
}

std::optional<std::string> string_member(const rapidjson::Value& object, const char* name) {
  if (!object.IsObject()) return std::nullopt;
  const auto it = object.FindMember(name);
  if (it == object.MemberEnd() || !it->value.IsString()) return std::nullopt;
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

bool is_clean_text(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7f) return false;
    if (c < 0x80) {
      ++i;
      continue;
    }
    // Lead byte: length and the smallest code point it may encode (no overlong forms).
    std::size_t length = 0;
    char32_t code = 0, least = 0;
    if ((c & 0xe0) == 0xc0) {
      length = 2, code = c & 0x1f, least = 0x80;
    } else if ((c & 0xf0) == 0xe0) {
      length = 3, code = c & 0x0f, least = 0x800;
    } else if ((c & 0xf8) == 0xf0) {
      length = 4, code = c & 0x07, least = 0x10000;
    } else {
      return false;
    }
    if (i + length > text.size()) return false;
    for (std::size_t j = 1; j < length; ++j) {
      const auto next = static_cast<unsigned char>(text[i + j]);
      if ((next & 0xc0) != 0x80) return false;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < least || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return false;
    i += length;
  }
  return true;
}

}  // namespace tarjotin::server
