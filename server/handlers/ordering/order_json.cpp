// JSON for orders, their closing reports and outcomes, and feedback.
#include "server/handlers/json_fields.hpp"
#include "server/handlers/ordering/json.hpp"
#include "server/handlers/ordering/json_parts.hpp"
#include "server/time_format.hpp"

namespace tarjotin::server {

using namespace ordering_json;

namespace {

void write_order_fields(JsonWriter& w, const domain::Order& o) {
  write_field(w, "id", o.id);
  write_field(w, "choice_set_id", o.choice_set_id);
  write_field(w, "offering_id", o.offering_id);
  write_field(w, "provider_id", o.provider_id);
  write_field(w, "category_id", o.category_id);
  write_field(w, "customer_id", o.customer_id);
  write_field(w, "coaching_unit_id", o.coaching_unit_id);
  write_int(w, "unit_price_cents", o.unit_price_cents);
  write_cents_map(w, "outcome_bonus_cents", o.outcome_bonus_cents);
  write_bool(w, "chosen_by_customer", o.chosen_by_customer);
  write_field(w, "choice_reason", o.choice_reason);
  write_field(w, "state", domain::to_string(o.state));
  write_field(w, "reason", o.reason);
  write_field(w, "placed_at", format_timestamp(o.placed_at));
  write_optional_time(w, "accepted_at", o.accepted_at);
  write_optional_time(w, "started_at", o.started_at);
  write_optional_time(w, "ended_at", o.ended_at);
  write_field(w, "updated_at", format_timestamp(o.updated_at));
}

void write_order_names(JsonWriter& w, const domain::OrderNames& n) {
  write_field(w, "provider_name", n.provider_name);
  write_localised(w, "category_name", n.category_name);
  write_field(w, "coaching_unit_name", n.coaching_unit_name);
  write_optional_text(w, "customer_reference", n.customer_reference);
  w.Key("customer_languages");
  if (n.customer_languages) {
    w.StartArray();
    for (const auto& l : *n.customer_languages) write_string(w, l);
    w.EndArray();
  } else {
    w.Null();
  }
  write_optional_text(w, "customer_region", n.customer_region);
}

}  // namespace

void write_json(JsonWriter& w, const domain::OrderLine& line) {
  w.StartObject();
  write_order_fields(w, line.order);
  write_order_names(w, line.names);
  w.EndObject();
}

void write_json(JsonWriter& w, const domain::OrderView& v) {
  w.StartObject();
  write_order_fields(w, v.order);
  write_order_names(w, v.names);
  w.Key("closing_report");
  if (v.closing_report)
    write_json(w, *v.closing_report);
  else
    w.Null();
  w.Key("outcomes");
  w.StartArray();
  for (const auto& r : v.outcomes) write_json(w, r);
  w.EndArray();
  write_name_or_null(w, "outcome", v.outcome);
  write_int(w, "payable_cents", v.payable_cents);
  w.Key("feedback");
  w.StartArray();
  for (const auto& f : v.feedback) write_json(w, f);
  w.EndArray();
  w.EndObject();
}

void write_json(JsonWriter& w, const domain::PlacedOrder& p) { write_json(w, p.view); }

void write_json(JsonWriter& w, const domain::ClosingReport& r) {
  w.StartObject();
  write_field(w, "order_id", r.order_id);
  write_field(w, "work_done", r.work_done);
  write_field(w, "results", r.results);
  write_field(w, "next_steps", r.next_steps);
  write_bool(w, "further_support_needed", r.further_support_needed);
  write_field(w, "further_support", r.further_support);
  write_field(w, "written_at", format_timestamp(r.written_at));
  w.EndObject();
}

void write_json(JsonWriter& w, const domain::OutcomeRecord& r) {
  w.StartObject();
  write_field(w, "id", r.id);
  write_field(w, "order_id", r.order_id);
  write_field(w, "type", domain::to_string(r.type));
  write_field(w, "date", format_date(r.date));
  write_bool(w, "confirmed", r.confirmed);
  write_field(w, "note", r.note);
  write_field(w, "recorded_at", format_timestamp(r.recorded_at));
  w.EndObject();
}

void write_json(JsonWriter& w, const domain::FeedbackLink& link) {
  w.StartObject();
  write_field(w, "token", link.token);
  write_field(w, "path", "/v1/feedback/" + link.token);
  write_field(w, "expires_at", format_timestamp(link.expires_at));
  w.EndObject();
}

void write_json(JsonWriter& w, const domain::FeedbackForm& f) {
  w.StartObject();
  write_field(w, "provider_name", f.provider_name);
  write_localised(w, "service", f.service);
  write_bool(w, "answered", f.answered);
  write_field(w, "expires_at", format_timestamp(f.expires_at));
  w.EndObject();
}

void write_json(JsonWriter& w, const domain::FeedbackReceived&) {
  w.StartObject();
  write_field(w, "state", "received");
  w.EndObject();
}

void write_json(JsonWriter& w, const domain::Feedback& f) {
  w.StartObject();
  write_field(w, "id", f.id);
  // None where the feedback is shown apart from its order (domain::without_order).
  write_text_or_null(w, "order_id", f.order_id);
  write_field(w, "provider_id", f.provider_id);
  write_field(w, "category_id", f.category_id);
  write_field(w, "source", domain::to_string(f.source));
  write_int(w, "score", f.score);
  write_field(w, "comment", f.comment);
  write_field(w, "language", f.language);
  write_field(w, "given_at", format_timestamp(f.given_at));
  w.EndObject();
}

domain::Status read_json(JsonBody body, domain::OrderInput& in) {
  const auto& b = body.value;
  in.choice_set_id = text(b, "choice_set_id");
  in.offering_id = text(b, "offering_id");
  in.chosen_by_customer = boolean(b, "chosen_by_customer").value_or(true);
  in.choice_reason = text(b, "choice_reason");
  return domain::Done{};
}

domain::Status read_json(JsonBody body, domain::OrderChange& in) {
  in.reason = text(body.value, "reason");
  return named(text(body.value, "act"), domain::parse_order_act, "/act", in.act);
}

domain::Status read_json(JsonBody body, domain::ClosingReportInput& in) {
  const auto& b = body.value;
  in = {text(b, "work_done"), text(b, "results"), text(b, "next_steps"),
        boolean(b, "further_support_needed").value_or(false), text(b, "further_support")};
  return domain::Done{};
}

domain::Status read_json(JsonBody body, domain::OutcomeInput& in) {
  const auto& b = body.value;
  in.note = text(b, "note");
  if (auto ok = named(text(b, "type"), domain::parse_outcome_type, "/type", in.type); !ok)
    return ok;
  auto date = date_member(b, "date", "/date");
  if (!date) return date.error();
  in.date = *date;
  return domain::Done{};
}

// A score the schema let through is 0 to 10; the use case checks it again.
domain::Status read_json(JsonBody body, domain::FeedbackInput& in) {
  const auto& b = body.value;
  in.score = static_cast<int>(integer(b, "score").value_or(-1));
  in.comment = text(b, "comment");
  in.language = text(b, "language");
  return domain::Done{};
}

domain::Status read_json(JsonBody body, domain::RatingInput& in) {
  const auto& b = body.value;
  in.score = static_cast<int>(integer(b, "score").value_or(-1));
  in.comment = text(b, "comment");
  return domain::Done{};
}

}  // namespace tarjotin::server
