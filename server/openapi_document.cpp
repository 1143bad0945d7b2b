// The API description served at /v1/openapi.json: schemas/openapi.json with every JSON Schema
// of schemas/ under components/schemas. The schemas stay draft-04, because the server validates
// bodies with them; OpenAPI 3.0.3 reads a dialect of its own, so each is translated here, once,
// where the document is assembled — not kept twice by hand.
#include <rapidjson/document.h>

#include <string>
#include <vector>

#include "server/api.hpp"
#include "server/json.hpp"

namespace tarjotin::server {
namespace {

using Alloc = rapidjson::Document::AllocatorType;

// A schema's own "definitions" become components of their own, named "<schema>.<definition>"
// (a dot cannot occur in a file's schema name, so they never collide with one).
std::string hoisted_name(const std::string& schema, const std::string& definition) {
  return schema + "." + definition;
}

// Draft-04 says "may be null" with a type list; OpenAPI 3.0 with one type and "nullable".
void translate(rapidjson::Value& v, const std::string& schema, Alloc& alloc) {
  if (v.IsArray()) {
    for (auto& item : v.GetArray()) translate(item, schema, alloc);
    return;
  }
  if (!v.IsObject()) return;
  const auto type = v.FindMember("type");
  if (type != v.MemberEnd() && type->value.IsArray()) {
    std::vector<std::string> kinds;
    bool nullable = false;
    for (const auto& t : type->value.GetArray()) {
      if (std::string(t.GetString()) == "null")
        nullable = true;
      else
        kinds.emplace_back(t.GetString());
    }
    if (kinds.size() == 1) {
      type->value.SetString(kinds.front().c_str(), alloc);
    } else {
      // Several types: one alternative each (no schema of ours does this today).
      v.RemoveMember("type");
      rapidjson::Value any(rapidjson::kArrayType);
      for (const auto& k : kinds) {
        rapidjson::Value alternative(rapidjson::kObjectType);
        alternative.AddMember("type", rapidjson::Value(k.c_str(), alloc), alloc);
        any.PushBack(alternative, alloc);
      }
      v.AddMember("anyOf", any, alloc);
    }
    if (nullable) v.AddMember("nullable", true, alloc);
  }
  const auto ref = v.FindMember("$ref");
  if (ref != v.MemberEnd() && ref->value.IsString()) {
    const std::string target = ref->value.GetString();
    const std::string local = "#/definitions/";
    const auto file_end = target.find(".json");
    if (target.rfind(local, 0) == 0) {
      ref->value.SetString(
          ("#/components/schemas/" + hoisted_name(schema, target.substr(local.size()))).c_str(),
          alloc);
    } else if (file_end != std::string::npos && target.find('/') > file_end) {
      // Another file's schema ("offering.json"), or one of its definitions
      // ("offering.json#/definitions/x"): the component it became.
      const std::string file = target.substr(0, file_end);
      const std::string rest = target.substr(file_end + 5);
      const std::string name = rest.rfind("#" + local, 0) == 0
                                   ? hoisted_name(file, rest.substr(local.size() + 1))
                                   : file;
      ref->value.SetString(("#/components/schemas/" + name).c_str(), alloc);
    }
  }
  // Inside "properties" a member named "type" is a property whose value is a schema object,
  // never a list or a string, so walking every member rewrites keywords only.
  for (auto& member : v.GetObject()) translate(member.value, schema, alloc);
}

void add_schema(rapidjson::Value& components, const std::string& name, rapidjson::Value& schema,
                Alloc& alloc) {
  // OpenAPI 3.0 schema objects take no "$schema", "id" or "definitions".
  schema.RemoveMember("$schema");
  schema.RemoveMember("id");
  const auto definitions = schema.FindMember("definitions");
  if (definitions != schema.MemberEnd()) {
    for (auto& def : definitions->value.GetObject()) {
      rapidjson::Value hoisted;
      hoisted.CopyFrom(def.value, alloc);
      translate(hoisted, name, alloc);
      components.AddMember(
          rapidjson::Value(hoisted_name(name, def.name.GetString()).c_str(), alloc), hoisted,
          alloc);
    }
    schema.RemoveMember("definitions");
  }
  translate(schema, name, alloc);
  components.AddMember(rapidjson::Value(name.c_str(), alloc), schema, alloc);
}

}  // namespace

std::string build_openapi(const SchemaRegistry& schemas) {
  rapidjson::Document doc;
  doc.CopyFrom(schemas.source("openapi"), doc.GetAllocator());
  auto& alloc = doc.GetAllocator();
  if (!doc.HasMember("components"))
    doc.AddMember("components", rapidjson::Value(rapidjson::kObjectType), alloc);
  rapidjson::Value components_schemas(rapidjson::kObjectType);
  for (const auto& name : schemas.names()) {
    if (name == "openapi") continue;
    rapidjson::Value schema;
    schema.CopyFrom(schemas.source(name), alloc);
    add_schema(components_schemas, name, schema, alloc);
  }
  translate(doc["paths"], "openapi", alloc);
  doc["components"].RemoveMember("schemas");
  doc["components"].AddMember("schemas", components_schemas, alloc);
  rapidjson::StringBuffer sb;
  JsonWriter w(sb);
  doc.Accept(w);
  return sb.GetString();
}

}  // namespace tarjotin::server
