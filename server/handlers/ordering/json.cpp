#include "server/handlers/ordering/json.hpp"

#include "server/handlers/json_fields.hpp"
#include "server/time_format.hpp"

namespace tarjotin::server {
namespace {

void write_int(JsonWriter& w, std::string_view key, long long value) {
  write_string(w, key);
  w.Int64(value);
}

void write_interval(JsonWriter& w, std::string_view key, const std::optional<domain::Interval>& i) {
  write_string(w, key);
  if (!i) {
    w.Null();
    return;
  }
  w.StartObject();
  w.Key("low");
  w.Double(i->low);
  w.Key("high");
  w.Double(i->high);
  w.EndObject();
}

void write_band_rates(JsonWriter& w, std::string_view key,
                      const std::vector<domain::RateByBand>& rows) {
  write_string(w, key);
  w.StartArray();
  for (const auto& r : rows) {
    w.StartObject();
    write_field(w, "band", r.band);
    write_int(w, "decided", r.decided);
    write_int(w, "declined", r.declined);
    write_optional_number(w, "decline_rate", r.decline_rate);
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

void write_json(JsonWriter& w, const domain::Offering& o) {
  w.StartObject();
  write_field(w, "id", o.id);
  write_field(w, "provider_id", o.provider_id);
  write_field(w, "category_id", o.category_id);
  write_localised(w, "description", o.description);
  write_int(w, "unit_price_cents", o.unit_price_cents);
  write_cents_map(w, "outcome_bonus_cents", o.outcome_bonus_cents);
  write_int(w, "free_places", o.free_places);
  write_strings(w, "regions", o.regions);
  write_strings(w, "languages", o.languages);
  write_field(w, "earliest_start", format_date(o.earliest_start));
  write_int(w, "typical_duration_days", o.typical_duration_days);
  w.Key("active");
  w.Bool(o.active);
  write_field(w, "created_at", format_timestamp(o.created_at));
  write_field(w, "updated_at", format_timestamp(o.updated_at));
  w.EndObject();
}

void write_consent(JsonWriter& w, const domain::Consent& c) {
  w.StartObject();
  write_field(w, "id", c.id);
  write_field(w, "customer_id", c.customer_id);
  write_field(w, "provider_id", c.provider_id);
  write_field(w, "scope", domain::to_string(c.scope));
  write_field(w, "given_at", format_timestamp(c.given_at));
  write_optional_time(w, "withdrawn_at", c.withdrawn_at);
  w.EndObject();
}

void write_customer(JsonWriter& w, const domain::CustomerView& v) {
  const auto& c = v.customer;
  w.StartObject();
  write_field(w, "id", c.id);
  write_field(w, "coaching_unit_id", c.coaching_unit_id);
  write_field(w, "reference", c.reference);
  write_field(w, "region", c.region);
  write_strings(w, "languages", c.languages);
  write_field(w, "unemployment_band", domain::to_string(c.unemployment));
  write_field(w, "age_band", domain::to_string(c.age));
  write_field(w, "created_at", format_timestamp(c.created_at));
  write_field(w, "updated_at", format_timestamp(c.updated_at));
  w.Key("consents");
  w.StartArray();
  for (const auto& consent : v.consents) write_consent(w, consent);
  w.EndArray();
  w.EndObject();
}

void write_choice_set(JsonWriter& w, const domain::ChoiceSetView& v) {
  const domain::ChoiceSet& s = v.set;
  w.StartObject();
  write_field(w, "id", s.id);
  write_field(w, "category_id", s.category_id);
  write_field(w, "customer_id", s.customer_id);
  write_field(w, "coaching_unit_id", s.coaching_unit_id);
  // A decimal string: a 64-bit seed does not survive JSON numbers in every client.
  write_field(w, "seed", std::to_string(s.seed));
  w.Key("start_by");
  if (s.start_by == domain::Date{})
    w.Null();
  else
    write_string(w, format_date(s.start_by));
  write_field(w, "created_at", format_timestamp(s.created_at));
  write_field(w, "expires_at", format_timestamp(s.expires_at));
  w.Key("order_id");
  if (s.order_id.empty())
    w.Null();
  else
    write_string(w, s.order_id);
  write_localised(w, "category_name", v.category_name);
  w.Key("entries");
  w.StartArray();
  for (std::size_t i = 0; i < s.entries.size(); ++i) {
    const auto& e = s.entries[i];
    const auto& o = v.offerings[i];
    w.StartObject();
    write_int(w, "position", e.position);
    write_field(w, "offering_id", e.offering_id);
    write_field(w, "provider_id", e.provider_id);
    write_field(w, "provider_name", v.provider_names[i]);
    write_int(w, "unit_price_cents", e.unit_price_cents);
    // The offering as it reads now; the price above is the one shown and ordered.
    w.Key("offering");
    w.StartObject();
    write_localised(w, "description", o.description);
    write_field(w, "earliest_start", format_date(o.earliest_start));
    write_int(w, "typical_duration_days", o.typical_duration_days);
    write_strings(w, "languages", o.languages);
    write_strings(w, "regions", o.regions);
    w.EndObject();
    w.Key("scorecard");
    w.StartObject();
    write_int(w, "orders", e.orders);
    write_int(w, "ended", e.ended);
    write_optional_number(w, "completion_rate", e.completion_rate);
    write_interval(w, "completion_interval", e.completion_interval);
    write_optional_number(w, "net_promoter_score", e.net_promoter_score);
    write_interval(w, "nps_interval", e.nps_interval);
    write_int(w, "nps_responses", e.nps_responses);
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.Key("left_out");
  w.StartArray();
  for (const auto& l : v.left_out) {
    w.StartObject();
    write_field(w, "offering_id", l.offering_id);
    write_field(w, "provider_id", l.provider_id);
    write_field(w, "provider_name", l.provider_name);
    w.Key("reasons");
    w.StartArray();
    for (const auto r : l.reasons) write_string(w, domain::to_string(r));
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

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
  w.Key("chosen_by_customer");
  w.Bool(o.chosen_by_customer);
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
  w.Key("customer_reference");
  if (n.customer_reference)
    write_string(w, *n.customer_reference);
  else
    w.Null();
  w.Key("customer_languages");
  if (n.customer_languages) {
    w.StartArray();
    for (const auto& l : *n.customer_languages) write_string(w, l);
    w.EndArray();
  } else {
    w.Null();
  }
  w.Key("customer_region");
  if (n.customer_region)
    write_string(w, *n.customer_region);
  else
    w.Null();
}
}  // namespace

void write_order_summary(JsonWriter& w, const domain::OrderLine& line) {
  w.StartObject();
  write_order_fields(w, line.order);
  write_order_names(w, line.names);
  w.EndObject();
}

void write_closing_report(JsonWriter& w, const domain::ClosingReport& r) {
  w.StartObject();
  write_field(w, "order_id", r.order_id);
  write_field(w, "work_done", r.work_done);
  write_field(w, "results", r.results);
  write_field(w, "next_steps", r.next_steps);
  w.Key("further_support_needed");
  w.Bool(r.further_support_needed);
  write_field(w, "further_support", r.further_support);
  write_field(w, "written_at", format_timestamp(r.written_at));
  w.EndObject();
}

void write_outcome(JsonWriter& w, const domain::OutcomeRecord& r) {
  w.StartObject();
  write_field(w, "id", r.id);
  write_field(w, "order_id", r.order_id);
  write_field(w, "type", domain::to_string(r.type));
  write_field(w, "date", format_date(r.date));
  w.Key("confirmed");
  w.Bool(r.confirmed);
  write_field(w, "note", r.note);
  write_field(w, "recorded_at", format_timestamp(r.recorded_at));
  w.EndObject();
}

void write_feedback(JsonWriter& w, const domain::Feedback& f) {
  w.StartObject();
  write_field(w, "id", f.id);
  w.Key("order_id");
  if (f.order_id.empty())
    w.Null();
  else
    write_string(w, f.order_id);
  write_field(w, "provider_id", f.provider_id);
  write_field(w, "category_id", f.category_id);
  write_field(w, "source", domain::to_string(f.source));
  write_int(w, "score", f.score);
  write_field(w, "comment", f.comment);
  write_field(w, "language", f.language);
  write_field(w, "given_at", format_timestamp(f.given_at));
  w.EndObject();
}

void write_order(JsonWriter& w, const domain::OrderView& v) {
  w.StartObject();
  write_order_fields(w, v.order);
  write_order_names(w, v.names);
  w.Key("closing_report");
  if (v.closing_report)
    write_closing_report(w, *v.closing_report);
  else
    w.Null();
  w.Key("outcomes");
  w.StartArray();
  for (const auto& r : v.outcomes) write_outcome(w, r);
  w.EndArray();
  w.Key("outcome");
  if (v.outcome)
    write_string(w, domain::to_string(*v.outcome));
  else
    w.Null();
  write_int(w, "payable_cents", v.payable_cents);
  w.Key("feedback");
  w.StartArray();
  for (const auto& f : v.feedback) write_feedback(w, f);
  w.EndArray();
  w.EndObject();
}

void write_scorecard(JsonWriter& w, const domain::Scorecard& c) {
  w.StartObject();
  write_field(w, "provider_id", c.provider_id);
  write_int(w, "orders", c.orders);
  write_int(w, "accepted", c.accepted);
  write_int(w, "declined", c.declined);
  write_optional_number(w, "acceptance_rate", c.acceptance_rate);
  write_interval(w, "acceptance_interval", c.acceptance_interval);
  write_int(w, "ended", c.ended);
  write_int(w, "completed", c.completed);
  write_optional_number(w, "completion_rate", c.completion_rate);
  write_interval(w, "completion_interval", c.completion_interval);
  w.Key("outcomes");
  w.StartObject();
  for (const auto& [type, count] : c.outcomes) write_int(w, domain::to_string(type), count);
  w.EndObject();
  write_int(w, "with_outcome", c.with_outcome);
  write_int(w, "positive", c.positive);
  write_optional_number(w, "positive_rate", c.positive_rate);
  write_optional_number(w, "expected_positive_rate", c.expected_positive_rate);
  write_optional_number(w, "observed_to_expected", c.observed_to_expected);
  w.Key("customer_nps");
  w.StartObject();
  write_int(w, "responses", c.customer_nps.responses);
  write_int(w, "promoters", c.customer_nps.promoters);
  write_int(w, "passives", c.customer_nps.passives);
  write_int(w, "detractors", c.customer_nps.detractors);
  write_optional_number(w, "score", c.customer_nps.score);
  write_interval(w, "interval", c.customer_nps.interval);
  w.EndObject();
  write_int(w, "coach_ratings", c.coach_ratings);
  write_optional_number(w, "coach_average", c.coach_average);
  write_optional_number(w, "average_days_to_start", c.average_days_to_start);
  write_band_rates(w, "decline_by_unemployment", c.decline_by_unemployment);
  write_band_rates(w, "decline_by_age", c.decline_by_age);
  w.EndObject();
}

void write_spend_row(JsonWriter& w, const domain::SpendRow& r) {
  w.StartObject();
  write_field(w, "month", r.month);
  write_field(w, "category_id", r.category_id);
  write_field(w, "provider_id", r.provider_id);
  write_int(w, "orders", r.orders);
  write_int(w, "payable_cents", r.payable_cents);
  write_localised(w, "category_name", r.category_name);
  write_field(w, "provider_name", r.provider_name);
  w.EndObject();
}

void write_payable(JsonWriter& w, const domain::PayableOrder& p) {
  w.StartObject();
  write_field(w, "order_id", p.order.id);
  write_field(w, "provider_id", p.order.provider_id);
  write_field(w, "category_id", p.order.category_id);
  write_field(w, "state", domain::to_string(p.order.state));
  write_field(w, "placed_at", format_timestamp(p.order.placed_at));
  write_int(w, "unit_price_cents", p.order.unit_price_cents);
  w.Key("outcome");
  if (p.outcome)
    write_string(w, domain::to_string(*p.outcome));
  else
    w.Null();
  write_int(w, "payable_cents", p.payable_cents);
  w.EndObject();
}

namespace {
// A name may hold commas and quotes: quoted, with quotes doubled (RFC 4180).
std::string csv_text(const std::string& text) {
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}
}  // namespace

std::string spend_csv(const std::vector<domain::SpendRow>& rows) {
  // Ids and months never hold commas or quotes; names are quoted. Euros with two decimals, as a
  // spreadsheet expects; CRLF per RFC 4180. The category's name is the Finnish one.
  std::string out =
      "month,category_id,category_name,provider_id,provider_name,orders,payable_eur\r\n";
  for (const auto& r : rows) {
    char euros[32];
    std::snprintf(euros, sizeof euros, "%lld.%02lld", r.payable_cents / 100, r.payable_cents % 100);
    out += r.month + "," + r.category_id + "," + csv_text(r.category_name.fi) + "," +
           r.provider_id + "," + csv_text(r.provider_name) + "," + std::to_string(r.orders) + "," +
           euros + "\r\n";
  }
  return out;
}

domain::Status read_json(JsonBody body, domain::OfferingInput& in) {
  const auto& b = body.value;
  in.description = localised(b, "description");
  in.unit_price_cents = integer(b, "unit_price_cents").value_or(0);
  in.outcome_bonus_cents = cents_map(b, "outcome_bonus_cents");
  in.free_places = static_cast<int>(integer(b, "free_places").value_or(0));
  in.regions = strings(b, "regions");
  in.languages = strings(b, "languages");
  auto start = date_member(b, "earliest_start", "/earliest_start");
  if (!start) return start.error();
  in.earliest_start = *start;
  in.typical_duration_days = static_cast<int>(integer(b, "typical_duration_days").value_or(0));
  in.active = boolean(b, "active").value_or(true);
  return domain::Done{};
}

domain::CustomerInput read_customer_input(const rapidjson::Value& b) {
  domain::CustomerInput in;
  in.reference = text(b, "reference");
  in.region = text(b, "region");
  in.languages = strings(b, "languages");
  in.unemployment = domain::parse_unemployment_band(text(b, "unemployment_band"))
                        .value_or(domain::UnemploymentBand::under_3_months);
  in.age = domain::parse_age_band(text(b, "age_band")).value_or(domain::AgeBand::from_30_to_54);
  return in;
}

domain::ClosingReportInput read_closing_report_input(const rapidjson::Value& b) {
  return {text(b, "work_done"), text(b, "results"), text(b, "next_steps"),
          boolean(b, "further_support_needed").value_or(false), text(b, "further_support")};
}

}  // namespace tarjotin::server
