#pragma once
// OCDS output checked the way an integrator would check it: against the release-package schema
// (schemas/ocds/, draft-04) with RapidJSON's JSON Schema validator, plus the rules a schema
// cannot state — every contract's award, every related lot and every ocid's prefix.

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>

#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>

#include "server/json.hpp"

namespace tarjotin::testing {

class OcdsSchemas {
 public:
  OcdsSchemas()
      : release_source_(read("release.json")),
        package_source_(read("release-package.json")),
        release_(release_source_),
        files_(release_),
        package_(package_source_, &files_) {}

  // Empty when `json` is a valid release package; else where it breaks which rule.
  std::string violation(const std::string& json) const {
    rapidjson::Document doc;
    if (auto error = server::parse_json(json, doc, {64, 100'000, 1'000}))
      return "not JSON: " + error->detail;
    rapidjson::SchemaValidator validator(package_);
    if (doc.Accept(validator)) return "";
    rapidjson::StringBuffer at, rule;
    validator.GetInvalidDocumentPointer().StringifyUriFragment(at);
    validator.GetInvalidSchemaPointer().StringifyUriFragment(rule);
    return std::string(at.GetString()) + " breaks " + validator.GetInvalidSchemaKeyword() + " at " +
           rule.GetString();
  }

 private:
  // release-package.json refers to its releases' schema by file name. RapidJSON 1.1 passes the
  // reference one character short ("release.jso"), so the file is found by its beginning.
  class Files final : public rapidjson::IRemoteSchemaDocumentProvider {
   public:
    explicit Files(const rapidjson::SchemaDocument& release) : release_(release) {}
    const rapidjson::SchemaDocument* GetRemoteDocument(const char* uri,
                                                       rapidjson::SizeType length) override {
      const std::string given(uri, length);
      return !given.empty() && std::string("release.json").rfind(given, 0) == 0 ? &release_
                                                                                : nullptr;
    }

   private:
    const rapidjson::SchemaDocument& release_;
  };

  static rapidjson::Document read(const std::string& name) {
    std::ifstream in(std::string(TARJOTIN_OCDS_SCHEMAS) + "/" + name);
    std::stringstream text;
    text << in.rdbuf();
    rapidjson::Document doc;
    if (auto error = server::parse_json(text.str(), doc, {64, 100'000, 1'000}))
      throw std::runtime_error("schemas/ocds/" + name + ": " + error->detail);
    return doc;
  }

  rapidjson::Document release_source_, package_source_;
  rapidjson::SchemaDocument release_;
  Files files_;
  rapidjson::SchemaDocument package_;
};

// What no schema says: a contract's awardID names an award of its release, an award's related
// lots are lots of its process (call-offs name the DPS's lots through their related process),
// and every ocid carries the publisher's prefix. Empty when all hold.
inline std::string cross_reference_problem(const rapidjson::Value& package,
                                           const std::string& prefix) {
  for (const auto& r : package["releases"].GetArray()) {
    const std::string ocid = r["ocid"].GetString();
    if (ocid.rfind(prefix + "-", 0) != 0) return ocid + " lacks the prefix " + prefix;
    std::set<std::string> awards, lots;
    if (r.HasMember("awards"))
      for (const auto& a : r["awards"].GetArray()) awards.insert(a["id"].GetString());
    if (r.HasMember("tender") && r["tender"].HasMember("lots"))
      for (const auto& l : r["tender"]["lots"].GetArray()) lots.insert(l["id"].GetString());
    if (r.HasMember("relatedProcesses"))
      for (const auto& p : r["relatedProcesses"].GetArray())
        if (p.HasMember("relatedLots"))
          for (const auto& l : p["relatedLots"].GetArray()) lots.insert(l.GetString());
    if (r.HasMember("contracts"))
      for (const auto& c : r["contracts"].GetArray())
        if (!awards.count(c["awardID"].GetString())) return ocid + ": a contract of no award";
    if (r.HasMember("awards"))
      for (const auto& a : r["awards"].GetArray())
        if (a.HasMember("relatedLots"))
          for (const auto& l : a["relatedLots"].GetArray())
            if (!lots.count(l.GetString())) return ocid + ": an award of an unknown lot";
  }
  return "";
}

}  // namespace tarjotin::testing
