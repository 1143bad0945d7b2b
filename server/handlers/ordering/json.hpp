#pragma once
// JSON for offerings, customers, choice sets, orders, outcomes, feedback, scorecards and reports,
// written and read by type: offerings', customers' and choice sets' in json.cpp, orders' and
// feedback's in order_json.cpp, the reports' in report_json.cpp. Readers take bodies that passed
// their route's schema.

#include <string>
#include <vector>

#include "domain/ordering/choice.hpp"
#include "domain/ordering/customers.hpp"
#include "domain/ordering/feedback.hpp"
#include "domain/ordering/offerings.hpp"
#include "domain/ordering/orders.hpp"
#include "domain/ordering/reports.hpp"
#include "server/json.hpp"

namespace tarjotin::server {

void write_json(JsonWriter& w, const domain::Offering& o);
void write_json(JsonWriter& w, const domain::CustomerView& v);
void write_json(JsonWriter& w, const domain::Consent& c);
void write_json(JsonWriter& w, const domain::ChoiceSetView& v);

void write_json(JsonWriter& w, const domain::OrderLine& line);  // an order in a list
void write_json(JsonWriter& w, const domain::OrderView& v);
void write_json(JsonWriter& w, const domain::PlacedOrder& p);  // its order
void write_json(JsonWriter& w, const domain::ClosingReport& r);
void write_json(JsonWriter& w, const domain::OutcomeRecord& r);
void write_json(JsonWriter& w, const domain::FeedbackLink& link);
void write_json(JsonWriter& w, const domain::FeedbackForm& f);
void write_json(JsonWriter& w, const domain::FeedbackReceived& r);
void write_json(JsonWriter& w, const domain::Feedback& f);

void write_json(JsonWriter& w, const domain::Scorecard& c);
void write_json(JsonWriter& w, const domain::SpendRow& r);
void write_json(JsonWriter& w, const domain::PayableOrder& p);
// The spend report as a spreadsheet reads it (RFC 4180).
std::string spend_csv(const std::vector<domain::SpendRow>& rows);

domain::Status read_json(JsonBody body, domain::OfferingInput& in);
domain::Status read_json(JsonBody body, domain::CustomerInput& in);
domain::Status read_json(JsonBody body, domain::ConsentInput& in);
domain::Status read_json(JsonBody body, domain::ChoiceSetInput& in);
// The body's fields; the idempotency key comes in a header.
domain::Status read_json(JsonBody body, domain::OrderInput& in);
domain::Status read_json(JsonBody body, domain::OrderChange& in);
domain::Status read_json(JsonBody body, domain::ClosingReportInput& in);
domain::Status read_json(JsonBody body, domain::OutcomeInput& in);
domain::Status read_json(JsonBody body, domain::FeedbackInput& in);
domain::Status read_json(JsonBody body, domain::RatingInput& in);

}  // namespace tarjotin::server
