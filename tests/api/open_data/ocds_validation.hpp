#pragma once
// OCDS output checked the way an integrator would check it: against the official release-package
// schema and Tarjotin's stricter own (schemas/ocds/, draft-04) with RapidJSON's JSON Schema
// validator, plus the rules a schema
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
#include <utility>

#include "server/json.hpp"

namespace tarjotin::testing {

// A release package schema with the release schema it refers to.
class ReleasePackageSchema {
 public:
  // `release_ref`: the reference by which the package schema names the release schema.
  ReleasePackageSchema(const std::string& package_file, const std::string& release_file,
                       std::string release_ref)
      : release_source_(read(release_file)),
        package_source_(read(package_file)),
        release_(release_source_),
        files_(release_, std::move(release_ref)),
        package_(package_source_, &files_) {}

  // Empty when `doc` is valid; else where it breaks which rule.
  std::string violation(const rapidjson::Document& doc) const {
    rapidjson::SchemaValidator validator(package_);
    if (doc.Accept(validator)) return "";
    rapidjson::StringBuffer at, rule;
    validator.GetInvalidDocumentPointer().StringifyUriFragment(at);
    validator.GetInvalidSchemaPointer().StringifyUriFragment(rule);
    return std::string(at.GetString()) + " breaks " + validator.GetInvalidSchemaKeyword() + " at " +
           rule.GetString();
  }

 private:
  // RapidJSON 1.1 passes a reference to another file one character short ("release.jso"), so
  // the file is found by its beginning.
  class Files final : public rapidjson::IRemoteSchemaDocumentProvider {
   public:
    Files(const rapidjson::SchemaDocument& release, std::string ref)
        : release_(release), ref_(std::move(ref)) {}
    const rapidjson::SchemaDocument* GetRemoteDocument(const char* uri,
                                                       rapidjson::SizeType length) override {
      const std::string given(uri, length);
      return !given.empty() && ref_.rfind(given, 0) == 0 ? &release_ : nullptr;
    }

   private:
    const rapidjson::SchemaDocument& release_;
    std::string ref_;
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

// Tarjotin's own schemas (every field it writes named, any other refused, closed code lists) and
// the official OCDS 1.1.5 schemas (schemas/ocds/official/), as an integrator validates.
class OcdsSchemas {
 public:
  // Empty when `json` is a valid release package by both; else where it breaks which rule.
  std::string violation(const std::string& json) const {
    rapidjson::Document doc;
    if (auto error = server::parse_json(json, doc, {64, 100'000, 1'000}))
      return "not JSON: " + error->detail;
    if (auto broken = own_.violation(doc); !broken.empty()) return "own schema: " + broken;
    if (auto broken = official_.violation(doc); !broken.empty()) return "OCDS 1.1.5: " + broken;
    return "";
  }

 private:
  ReleasePackageSchema own_{"release-package.json", "release.json", "release.json"};
  ReleasePackageSchema official_{
      "official/release-package-schema.json", "official/release-schema.json",
      "https://standard.open-contracting.org/schema/1__1__5/release-schema.json"};
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
