#pragma once
// JSON for DPSs, categories, criteria, applications, admissions and messages, both ways. Readers
// take bodies that already passed their schema, so they only map fields.

#include <rapidjson/document.h>

#include "domain/qualification/use_cases.hpp"
#include "server/json.hpp"

namespace tarjotin::server {

void write_dps(JsonWriter& w, const domain::Dps& d);
void write_category(JsonWriter& w, const domain::Category& c,
                    const std::vector<domain::Criterion>* criteria);
void write_application(JsonWriter& w, const domain::ApplicationView& v);
void write_admission(JsonWriter& w, const domain::Admission& a);
void write_message(JsonWriter& w, const domain::Message& m);
void write_attachment(JsonWriter& w, const domain::Attachment& a);

// Refuse impossible calendar dates (the schemas check only the form) with a field error.
domain::Result<domain::DpsInput> read_dps_input(const rapidjson::Value& body);
domain::CategoryInput read_category_input(const rapidjson::Value& body);
std::vector<domain::Criterion> read_criteria(const rapidjson::Value& array);
// The body's optional "answers" array.
domain::Result<std::vector<domain::Answer>> read_answers(const rapidjson::Value& body);

}  // namespace tarjotin::server
