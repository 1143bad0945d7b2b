#pragma once
// JSON for competitions, questions, tenders, their opening, scores, ranking and decision, and
// for notifications and webhooks, written and read by type.

#include "domain/competition/evaluation.hpp"
#include "domain/competition/notifications.hpp"
#include "domain/competition/questions.hpp"
#include "domain/competition/tenders.hpp"
#include "server/json.hpp"

namespace tarjotin::server {

// The body of a deadline extension: the new tender deadline.
struct TenderDeadline {
  domain::Timestamp tender_deadline{};
};

void write_json(JsonWriter& w, const domain::CompetitionView& v);
// A competition as lists show it: without the invitation and tender counts.
void write_json(JsonWriter& w, const domain::Competition& c);
void write_json(JsonWriter& w, const domain::Question& q);
void write_json(JsonWriter& w, const domain::TenderReceipt& r);
void write_json(JsonWriter& w, const domain::OpenedTender& t);
void write_json(JsonWriter& w, const domain::QualityScore& q);
void write_json(JsonWriter& w, const domain::RankedTender& r);
void write_json(JsonWriter& w, const domain::TendererDecision& d);
void write_json(JsonWriter& w, const domain::Notification& n);
void write_json(JsonWriter& w, const domain::Webhook& hook);  // the one answer with its secret
void write_json(JsonWriter& w, const domain::WebhookStatus& status);

domain::Status read_json(JsonBody body, domain::CompetitionInput& in);
domain::Status read_json(JsonBody body, domain::CompetitionTransition& in);
domain::Status read_json(JsonBody body, TenderDeadline& in);
domain::Status read_json(JsonBody body, domain::TenderContent& in);
domain::Status read_json(JsonBody body, domain::QualityScoreInput& in);

}  // namespace tarjotin::server
