// JSON (and CSV) for scorecards, spend reports and payables.
#include <cstdio>

#include "server/handlers/json_fields.hpp"
#include "server/handlers/ordering/json.hpp"
#include "server/handlers/ordering/json_parts.hpp"
#include "server/time_format.hpp"

namespace tarjotin::server {

using namespace ordering_json;

namespace {

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

void write_nps(JsonWriter& w, std::string_view key, const domain::NetPromoterScore& nps) {
  write_string(w, key);
  w.StartObject();
  write_int(w, "responses", nps.responses);
  write_int(w, "promoters", nps.promoters);
  write_int(w, "passives", nps.passives);
  write_int(w, "detractors", nps.detractors);
  write_optional_number(w, "score", nps.score);
  write_interval(w, "interval", nps.interval);
  w.EndObject();
}

// A name may hold commas and quotes: quoted, with quotes doubled (RFC 4180).
std::string csv_text(const std::string& text) {
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

void write_json(JsonWriter& w, const domain::Scorecard& c) {
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
  write_nps(w, "customer_nps", c.customer_nps);
  write_int(w, "coach_ratings", c.coach_ratings);
  write_optional_number(w, "coach_average", c.coach_average);
  write_optional_number(w, "average_days_to_start", c.average_days_to_start);
  write_band_rates(w, "decline_by_unemployment", c.decline_by_unemployment);
  write_band_rates(w, "decline_by_age", c.decline_by_age);
  w.EndObject();
}

void write_json(JsonWriter& w, const domain::SpendRow& r) {
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

void write_json(JsonWriter& w, const domain::PayableOrder& p) {
  w.StartObject();
  write_field(w, "order_id", p.order.id);
  write_field(w, "provider_id", p.order.provider_id);
  write_field(w, "category_id", p.order.category_id);
  write_field(w, "state", domain::to_string(p.order.state));
  write_field(w, "placed_at", format_timestamp(p.order.placed_at));
  write_int(w, "unit_price_cents", p.order.unit_price_cents);
  write_name_or_null(w, "outcome", p.outcome);
  write_int(w, "payable_cents", p.payable_cents);
  w.EndObject();
}

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

}  // namespace tarjotin::server
