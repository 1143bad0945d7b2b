#pragma once
// JSON for offerings, customers, choice sets, orders, outcomes, feedback, scorecards and reports.

#include <rapidjson/document.h>

#include "domain/ordering/use_cases.hpp"
#include "server/json.hpp"

namespace tarjotin::server {

void write_json(JsonWriter& w, const domain::Offering& o);
void write_customer(JsonWriter& w, const domain::CustomerView& v);
void write_consent(JsonWriter& w, const domain::Consent& c);
void write_choice_set(JsonWriter& w, const domain::ChoiceSetView& v);
void write_order_summary(JsonWriter& w, const domain::OrderLine& line);
void write_order(JsonWriter& w, const domain::OrderView& v);
void write_closing_report(JsonWriter& w, const domain::ClosingReport& r);
void write_outcome(JsonWriter& w, const domain::OutcomeRecord& r);
void write_feedback(JsonWriter& w, const domain::Feedback& f);
void write_scorecard(JsonWriter& w, const domain::Scorecard& c);
void write_spend_row(JsonWriter& w, const domain::SpendRow& r);
void write_payable(JsonWriter& w, const domain::PayableOrder& p);
std::string spend_csv(const std::vector<domain::SpendRow>& rows);

domain::Status read_json(JsonBody body, domain::OfferingInput& in);
domain::CustomerInput read_customer_input(const rapidjson::Value& body);
domain::ClosingReportInput read_closing_report_input(const rapidjson::Value& body);

}  // namespace tarjotin::server
