#pragma once
// JSON for DPSs, categories, criteria, applications, admissions, messages, documents and
// re-confirmations, written and read by type. Readers take bodies that already passed their
// schema, so they map fields and refuse only what a schema cannot tell (an impossible date).

#include "domain/qualification/admissions.hpp"
#include "domain/qualification/applications.hpp"
#include "domain/qualification/dpss.hpp"
#include "domain/qualification/messages.hpp"
#include "domain/qualification/reconfirmation.hpp"
#include "domain/qualification/review.hpp"
#include "server/json.hpp"

namespace tarjotin::server {

void write_json(JsonWriter& w, const domain::Dps& d);
void write_json(JsonWriter& w, const domain::Category& c);  // without its criteria, as listed
void write_json(JsonWriter& w, const domain::CategoryView& v);
void write_json(JsonWriter& w, const domain::ApplicationView& v);
void write_json(JsonWriter& w, const domain::Admission& a);
void write_json(JsonWriter& w, const domain::ProviderAdmission& a);
void write_json(JsonWriter& w, const domain::AdmittedProvider& p);
void write_json(JsonWriter& w, const domain::Message& m);
void write_json(JsonWriter& w, const domain::Attachment& a);
void write_json(JsonWriter& w, const domain::ReconfirmationRequest& r);
void write_json(JsonWriter& w, const domain::ReconfirmationView& v);
void write_json(JsonWriter& w, const domain::Reconfirmation& r);

domain::Status read_json(JsonBody body, domain::DpsInput& in);
domain::Status read_json(JsonBody body, domain::DpsAct& act);
domain::Status read_json(JsonBody body, domain::CategoryInput& in);
domain::Status read_json(JsonBody body, domain::NewCategory& in);
domain::Status read_json(JsonBody body, domain::CriteriaInput& in);
domain::Status read_json(JsonBody body, domain::CategoryAct& act);
domain::Status read_json(JsonBody body, domain::AdmissionChange& change);
domain::Status read_json(JsonBody body, domain::AnswersInput& in);
domain::Status read_json(JsonBody body, domain::ClarificationAnswer& answer);
domain::Status read_json(JsonBody body, domain::ClarificationRequest& request);
domain::Status read_json(JsonBody body, domain::DeadlineExtension& extension);
domain::Status read_json(JsonBody body, domain::Decision& decision);
domain::Status read_json(JsonBody body, domain::MessageInput& message);
domain::Status read_json(JsonBody body, domain::ReconfirmationInput& in);

}  // namespace tarjotin::server
