// JSON request bodies: the bounded iterative parser (server/json.hpp), the UTF-8 check for text
// from queries and headers, and validation against every request schema.
//
// Invariants: a document that parses stays within the limits, and written out and parsed again
// it is the same document; a failed parse leaves null; is_clean_text agrees with RapidJSON's own
// UTF-8 validation and a scan for control characters; a schema violation points into the
// document.

#include <rapidjson/encodings.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/pointer.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/fuzz_check.hpp"
#include "server/json.hpp"
#include "server/schema_registry.hpp"

namespace tarjotin::fuzz {
namespace {

using server::JsonLimits;

const server::SchemaRegistry& schemas() {
  static const auto* registry = new server::SchemaRegistry;
  return *registry;
}

const std::vector<std::string>& request_schemas() {
  static const auto* names = [] {
    auto* out = new std::vector<std::string>;
    for (const auto& name : schemas().names())
      if (name.ends_with(".request") && schemas().has(name)) out->push_back(name);
    return out;
  }();
  return *names;
}

// Depth of the deepest container (a scalar is 0) and the most items in any one container.
// What a JSON Pointer names in `doc`, member names compared with their lengths: RapidJSON 1.1's
// Pointer::Get looks members up as C strings, so it cannot find a name that holds a NUL.
const rapidjson::Value* resolve(const rapidjson::Pointer& pointer, const rapidjson::Value& doc) {
  const rapidjson::Value* at = &doc;
  for (std::size_t i = 0; i < pointer.GetTokenCount(); ++i) {
    const auto& token = pointer.GetTokens()[i];
    const std::string_view name(token.name, token.length);
    if (at->IsObject()) {
      const rapidjson::Value* found = nullptr;
      for (const auto& m : at->GetObject())
        if (std::string_view(m.name.GetString(), m.name.GetStringLength()) == name)
          found = &m.value;
      if (!found) return nullptr;
      at = found;
    } else if (at->IsArray() && token.index != rapidjson::kPointerInvalidIndex &&
               token.index < at->Size()) {
      at = &(*at)[static_cast<rapidjson::SizeType>(token.index)];
    } else {
      return nullptr;
    }
  }
  return at;
}

void measure(const rapidjson::Value& v, std::size_t depth, std::size_t& max_depth,
             std::size_t& max_items) {
  if (v.IsArray()) {
    max_depth = std::max(max_depth, depth + 1);
    max_items = std::max<std::size_t>(max_items, v.Size());
    for (const auto& item : v.GetArray()) measure(item, depth + 1, max_depth, max_items);
  } else if (v.IsObject()) {
    max_depth = std::max(max_depth, depth + 1);
    max_items = std::max<std::size_t>(max_items, v.MemberCount());
    for (const auto& m : v.GetObject()) measure(m.value, depth + 1, max_depth, max_items);
  }
}

bool same_number(const rapidjson::Value& a, const rapidjson::Value& b) {
  if (a.IsInt64() && b.IsInt64()) return a.GetInt64() == b.GetInt64();
  if (a.IsUint64() && b.IsUint64()) return a.GetUint64() == b.GetUint64();
  // RapidJSON's default number parsing may land a unit or two in the last place away from what
  // its writer meant, or lose a subnormal; anything more is a real difference.
  const double x = a.GetDouble(), y = b.GetDouble();
  const double difference = std::fabs(x - y);
  return x == y ||
         difference <=
             4 * std::max(std::fabs(x), std::fabs(y)) * std::numeric_limits<double>::epsilon() ||
         difference <= 4 * std::numeric_limits<double>::min();
}

// Member order and duplicates count: this is what reached the handler.
bool same(const rapidjson::Value& a, const rapidjson::Value& b) {
  if (a.IsNumber() || b.IsNumber()) return a.IsNumber() && b.IsNumber() && same_number(a, b);
  if (a.GetType() != b.GetType()) return false;
  if (a.IsString())
    return std::string_view(a.GetString(), a.GetStringLength()) ==
           std::string_view(b.GetString(), b.GetStringLength());
  if (a.IsArray()) {
    if (a.Size() != b.Size()) return false;
    for (rapidjson::SizeType i = 0; i < a.Size(); ++i)
      if (!same(a[i], b[i])) return false;
    return true;
  }
  if (a.IsObject()) {
    if (a.MemberCount() != b.MemberCount()) return false;
    for (auto x = a.MemberBegin(), y = b.MemberBegin(); x != a.MemberEnd(); ++x, ++y)
      if (!same(x->name, y->name) || !same(x->value, y->value)) return false;
    return true;
  }
  return true;  // null, true, false: the type says it all
}

bool rapidjson_valid_utf8(std::string_view text) {
  rapidjson::MemoryStream in(text.data(), text.size());
  rapidjson::GenericStringBuffer<rapidjson::UTF8<>> ignored;
  while (in.Tell() < text.size())
    if (!rapidjson::UTF8<>::Validate(in, ignored)) return false;
  return true;
}

bool has_control_character(std::string_view text) {
  for (char c : text)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return true;
  return false;
}

}  // namespace
}  // namespace tarjotin::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tarjotin::fuzz;
  const std::string_view text = as_text(data, size);

  FUZZ_CHECK(tarjotin::server::is_clean_text(text) ==
             (!has_control_character(text) && rapidjson_valid_utf8(text)));

  const JsonLimits limits;
  rapidjson::Document doc;
  if (auto error = tarjotin::server::parse_json(text, doc, limits)) {
    FUZZ_CHECK(doc.IsNull());
    FUZZ_CHECK(!error->detail.empty());
    FUZZ_CHECK(error->rule == "syntax" || error->rule == "encoding" || error->rule == "max-depth" ||
               error->rule == "max-items" || error->rule == "max-members");
    // A broken limit is named with its own number.
    if (error->rule == "max-depth")
      FUZZ_CHECK(error->detail.find(std::to_string(limits.max_depth)) != std::string::npos);
    if (error->rule == "max-items")
      FUZZ_CHECK(error->detail.find(std::to_string(limits.max_array_items)) != std::string::npos);
    if (error->rule == "max-members")
      FUZZ_CHECK(error->detail.find(std::to_string(limits.max_object_members)) !=
                 std::string::npos);
    return 0;
  }
  std::size_t depth = 0, items = 0;
  measure(doc, 0, depth, items);
  FUZZ_CHECK(depth <= limits.max_depth);
  FUZZ_CHECK(items <= std::max(limits.max_array_items, limits.max_object_members));

  rapidjson::StringBuffer written;
  tarjotin::server::JsonWriter writer(written);
  FUZZ_CHECK(doc.Accept(writer));
  rapidjson::Document again;
  const std::string_view rewritten(written.GetString(), written.GetSize());
  FUZZ_CHECK(!tarjotin::server::parse_json(rewritten, again, limits));
  FUZZ_CHECK(same(doc, again));

  for (const auto& name : request_schemas()) {
    const auto violation = schemas().validate(name, doc);
    if (!violation) continue;
    FUZZ_CHECK(!violation->rule.empty());
    FUZZ_CHECK(!violation->detail.empty());
    FUZZ_CHECK(violation->pointer.empty() || violation->pointer.front() == '/');
    // The pointer names where the document breaks the rule: that place exists, except for a
    // required member, which is named because it is missing.
    if (violation->rule != "required") {
      const rapidjson::Pointer pointer(violation->pointer.c_str(), violation->pointer.size());
      FUZZ_CHECK(pointer.IsValid());
      FUZZ_CHECK(resolve(pointer, doc) != nullptr);
    }
  }
  return 0;
}
