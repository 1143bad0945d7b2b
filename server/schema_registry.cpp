#include "server/schema_registry.hpp"

#include <rapidjson/pointer.h>
#include <rapidjson/stringbuffer.h>

#include <stdexcept>

#include "embedded/embedded.hpp"
#include "server/json.hpp"

namespace tarjotin::server {
namespace {

// With its size: a member name may hold a NUL, which must not cut the pointer short.
std::string pointer_text(const rapidjson::Pointer& p) {
  rapidjson::StringBuffer sb;
  p.Stringify(sb);
  return std::string(sb.GetString(), sb.GetSize());
}

std::string child(const std::string& parent, const std::string& member) {
  std::string escaped;
  for (char c : member) {
    if (c == '~')
      escaped += "~0";
    else if (c == '/')
      escaped += "~1";
    else
      escaped.push_back(c);
  }
  return parent + "/" + escaped;
}

// RapidJSON 1.1 reports the object for "required" (it already points at the property itself
// for "additionalProperties"); a caller wants the missing member, so find it from the schema.
std::string offending_member(const std::string& keyword, const rapidjson::Value* schema,
                             const rapidjson::Value* instance) {
  if (!schema || !instance || !schema->IsObject() || !instance->IsObject()) return {};
  if (keyword == "required") {
    const auto req = schema->FindMember("required");
    if (req == schema->MemberEnd() || !req->value.IsArray()) return {};
    for (const auto& name : req->value.GetArray())
      if (name.IsString() && !instance->HasMember(name)) return name.GetString();
  }
  return {};
}

std::string sentence(const std::string& keyword, const std::string& member) {
  if (keyword == "required") return "'" + member + "' is required";
  if (keyword == "additionalProperties") return "'" + member + "' is not a known property";
  if (keyword == "type") return "the value has the wrong type";
  if (keyword == "enum") return "the value is not one of those allowed";
  if (keyword == "pattern") return "the value does not have the required form";
  if (keyword == "minLength") return "the value is too short";
  if (keyword == "maxLength") return "the value is too long";
  if (keyword == "minimum" || keyword == "maximum") return "the number is out of range";
  if (keyword == "minItems" || keyword == "maxItems") return "the list has too few or many items";
  return "the value breaks the schema rule '" + keyword + "'";
}

}  // namespace

// A schema may refer to another file's schema ("$ref": "offering.json"), as a list refers to its
// item: the referred schema is compiled first, and RapidJSON takes it from here.
class SchemaRegistry::Files final : public rapidjson::IRemoteSchemaDocumentProvider {
 public:
  explicit Files(SchemaRegistry& registry) : registry_(registry) {}
  const rapidjson::SchemaDocument* GetRemoteDocument(const char* uri,
                                                     rapidjson::SizeType length) override {
    // RapidJSON 1.1 passes the reference one character short of the '#' or the end
    // ("offering.jso" for "offering.json"), so the file is the one whose name is one longer.
    const std::string given(uri, length);
    for (auto& [name, entry] : registry_.schemas_)
      if ((name + ".json").size() == given.size() + 1 && (name + ".json").rfind(given, 0) == 0)
        return registry_.compile(name);
    return nullptr;
  }

 private:
  SchemaRegistry& registry_;
};

SchemaRegistry::SchemaRegistry() : files_(std::make_unique<Files>(*this)) {
  for (const auto& file : embedded::schemas()) {
    std::string name(file.name);
    if (name.size() < 6 || name.substr(name.size() - 5) != ".json") continue;
    name.resize(name.size() - 5);
    Entry entry;
    if (auto error = parse_json(file.content, entry.source, JsonLimits{64, 100000, 100000}))
      throw std::runtime_error("schema " + name + " does not parse: " + error->detail);
    schemas_.emplace(name, std::move(entry));
  }
  // The API description sits beside the schemas but is not one itself.
  for (const auto& [name, entry] : schemas_)
    if (name != "openapi") compile(name);
}

SchemaRegistry::~SchemaRegistry() = default;

const rapidjson::SchemaDocument* SchemaRegistry::compile(const std::string& name) {
  auto& entry = schemas_.at(name);
  if (!entry.compiled) {
    if (entry.compiling) throw std::runtime_error("schema " + name + " refers to itself");
    entry.compiling = true;
    entry.compiled = std::make_unique<rapidjson::SchemaDocument>(entry.source, files_.get());
    entry.compiling = false;
  }
  return entry.compiled.get();
}

std::vector<std::string> SchemaRegistry::names() const {
  std::vector<std::string> out;
  for (const auto& [name, entry] : schemas_) out.push_back(name);
  return out;
}

const rapidjson::Document& SchemaRegistry::source(const std::string& name) const {
  const auto it = schemas_.find(name);
  if (it == schemas_.end()) throw std::out_of_range("no schema named " + name);
  return it->second.source;
}

std::optional<SchemaViolation> SchemaRegistry::validate(const std::string& name,
                                                        const rapidjson::Value& instance) const {
  const auto it = schemas_.find(name);
  if (it == schemas_.end() || !it->second.compiled)
    throw std::out_of_range("no schema named " + name);
  // RapidJSON 1.1's regex engine keeps its match state inside the compiled schema, so two
  // threads validating a "pattern" at once corrupt each other; one validation at a time per
  // schema (they take microseconds).
  std::lock_guard<std::mutex> lock(*it->second.in_use);
  rapidjson::SchemaValidator validator(*it->second.compiled);
  if (instance.Accept(validator)) return std::nullopt;
  const std::string keyword = validator.GetInvalidSchemaKeyword();
  const rapidjson::Pointer doc_pointer = validator.GetInvalidDocumentPointer();
  const rapidjson::Pointer schema_pointer = validator.GetInvalidSchemaPointer();
  std::string pointer = pointer_text(doc_pointer);
  const std::string member =
      offending_member(keyword, schema_pointer.Get(it->second.source), doc_pointer.Get(instance));
  if (!member.empty()) pointer = child(pointer, member);
  // For an unknown property RapidJSON already points at the property itself.
  const std::string named = member.empty() ? pointer.substr(pointer.rfind('/') + 1) : member;
  return SchemaViolation{pointer, keyword, sentence(keyword, named)};
}

}  // namespace tarjotin::server
