#pragma once
// Every JSON Schema in schemas/, compiled once at start-up and shared by all threads; each
// validation gets its own SchemaValidator.

#include <rapidjson/document.h>
#include <rapidjson/schema.h>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace tarjotin::server {

struct SchemaViolation {
  std::string pointer;  // JSON pointer into the instance, e.g. "/user/email"
  std::string rule;     // the schema keyword that failed, e.g. "maxLength"
  std::string detail;
};

class SchemaRegistry {
 public:
  // Compiles the embedded schemas; throws std::runtime_error naming a schema that does not parse.
  SchemaRegistry();
  ~SchemaRegistry();

  bool has(const std::string& name) const {
    const auto it = schemas_.find(name);
    return it != schemas_.end() && it->second.compiled != nullptr;
  }
  std::vector<std::string> names() const;
  // Validates `instance` against schemas/<name>.json; nullopt when it conforms.
  std::optional<SchemaViolation> validate(const std::string& name,
                                          const rapidjson::Value& instance) const;
  // The schema's own text, as parsed (for the OpenAPI document).
  const rapidjson::Document& source(const std::string& name) const;

 private:
  class Files;
  const rapidjson::SchemaDocument* compile(const std::string& name);

  struct Entry {
    rapidjson::Document source;
    std::unique_ptr<rapidjson::SchemaDocument> compiled;
    bool compiling = false;
    std::unique_ptr<std::mutex> in_use = std::make_unique<std::mutex>();
  };
  std::map<std::string, Entry> schemas_;
  std::unique_ptr<Files> files_;
};

}  // namespace tarjotin::server
