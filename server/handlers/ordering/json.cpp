#include "server/handlers/ordering/json.hpp"

#include "server/handlers/json_fields.hpp"
#include "server/handlers/ordering/json_parts.hpp"
#include "server/time_format.hpp"

namespace tarjotin::server {

using namespace ordering_json;

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
  write_bool(w, "active", o.active);
  write_field(w, "created_at", format_timestamp(o.created_at));
  write_field(w, "updated_at", format_timestamp(o.updated_at));
  w.EndObject();
}

void write_json(JsonWriter& w, const domain::Consent& c) {
  w.StartObject();
  write_field(w, "id", c.id);
  write_field(w, "customer_id", c.customer_id);
  write_field(w, "provider_id", c.provider_id);
  write_field(w, "scope", domain::to_string(c.scope));
  write_field(w, "given_at", format_timestamp(c.given_at));
  write_optional_time(w, "withdrawn_at", c.withdrawn_at);
  w.EndObject();
}

void write_json(JsonWriter& w, const domain::CustomerView& v) {
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
  for (const auto& consent : v.consents) write_json(w, consent);
  w.EndArray();
  w.EndObject();
}

namespace {

// One card of the list: the entry as shown, beside the offering as it reads now.
void write_entry(JsonWriter& w, const domain::ChoiceEntry& e, const std::string& provider_name,
                 const domain::Offering& o) {
  w.StartObject();
  write_int(w, "position", e.position);
  write_field(w, "offering_id", e.offering_id);
  write_field(w, "provider_id", e.provider_id);
  write_field(w, "provider_name", provider_name);
  write_int(w, "unit_price_cents", e.unit_price_cents);
  // The price above is the one shown and ordered.
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

void write_left_out(JsonWriter& w, const domain::LeftOutOffering& l) {
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

}  // namespace

void write_json(JsonWriter& w, const domain::ChoiceSetView& v) {
  const domain::ChoiceSet& s = v.set;
  w.StartObject();
  write_field(w, "id", s.id);
  write_field(w, "category_id", s.category_id);
  write_field(w, "customer_id", s.customer_id);
  write_field(w, "coaching_unit_id", s.coaching_unit_id);
  // A decimal string: a 64-bit seed does not survive JSON numbers in every client.
  write_field(w, "seed", std::to_string(s.seed));
  write_text_or_null(w, "start_by", s.start_by == domain::Date{} ? "" : format_date(s.start_by));
  write_field(w, "created_at", format_timestamp(s.created_at));
  write_field(w, "expires_at", format_timestamp(s.expires_at));
  write_text_or_null(w, "order_id", s.order_id);
  write_localised(w, "category_name", v.category_name);
  w.Key("entries");
  w.StartArray();
  for (std::size_t i = 0; i < s.entries.size(); ++i)
    write_entry(w, s.entries[i], v.provider_names[i], v.offerings[i]);
  w.EndArray();
  w.Key("left_out");
  w.StartArray();
  for (const auto& l : v.left_out) write_left_out(w, l);
  w.EndArray();
  w.EndObject();
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

domain::Status read_json(JsonBody body, domain::CustomerInput& in) {
  const auto& b = body.value;
  in.reference = text(b, "reference");
  in.region = text(b, "region");
  in.languages = strings(b, "languages");
  in.unemployment = domain::parse_unemployment_band(text(b, "unemployment_band"))
                        .value_or(domain::UnemploymentBand::under_3_months);
  in.age = domain::parse_age_band(text(b, "age_band")).value_or(domain::AgeBand::from_30_to_54);
  return domain::Done{};
}

domain::Status read_json(JsonBody body, domain::ConsentInput& in) {
  in.provider_id = text(body.value, "provider_id");
  return named(text(body.value, "scope"), domain::parse_consent_scope, "/scope", in.scope);
}

domain::Status read_json(JsonBody body, domain::ChoiceSetInput& in) {
  const auto& b = body.value;
  in.category_id = text(b, "category_id");
  in.customer_id = text(b, "customer_id");
  if (b.HasMember("start_by")) {
    auto d = date_member(b, "start_by", "/start_by");
    if (!d) return d.error();
    in.start_by = *d;
  }
  return domain::Done{};
}

}  // namespace tarjotin::server
