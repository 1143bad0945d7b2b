#include "server/handlers/qualification/json.hpp"

#include "server/handlers/json_fields.hpp"
#include "server/time_format.hpp"

namespace tarjotin::server {
namespace {

void write_criterion(JsonWriter& w, const domain::Criterion& k) {
  w.StartObject();
  write_field(w, "key", k.key);
  write_field(w, "question", k.question);
  write_field(w, "type", domain::to_string(k.type));
  write_field(w, "kind", domain::to_string(k.kind));
  // Only the parameter the criterion's type uses is written.
  if (k.type == domain::CriterionType::number_at_least) {
    w.Key("threshold");
    w.Double(k.threshold);
  }
  if (k.type == domain::CriterionType::date_within_days) {
    w.Key("max_age_days");
    w.Int(k.max_age_days);
  }
  w.Key("attachment_required");
  w.Bool(k.attachment_required);
  w.EndObject();
}

void write_category(JsonWriter& w, const domain::Category& c,
                    const std::vector<domain::Criterion>* criteria) {
  w.StartObject();
  write_field(w, "id", c.id);
  write_field(w, "dps_id", c.dps_id);
  write_localised(w, "name", c.name);
  write_field(w, "description", c.description);
  write_strings(w, "characteristics", c.characteristics);
  write_strings(w, "regions", c.regions);
  write_strings(w, "languages", c.languages);
  w.Key("price");
  w.StartObject();
  write_field(w, "unit", c.price.unit);
  w.Key("unit_price_ceiling_cents");
  if (c.price.unit_price_ceiling_cents)
    w.Int64(*c.price.unit_price_ceiling_cents);
  else
    w.Null();
  write_cents_map(w, "outcome_bonus_cents", c.price.outcome_bonus_cents);
  w.EndObject();
  write_field(w, "award_method", domain::to_string(c.award_method));
  write_field(w, "state", domain::to_string(c.state));
  w.Key("criteria_version");
  w.Int(c.criteria_version);
  if (criteria) {
    w.Key("criteria");
    w.StartArray();
    for (const auto& k : *criteria) write_criterion(w, k);
    w.EndArray();
  }
  write_field(w, "created_at", format_timestamp(c.created_at));
  write_field(w, "updated_at", format_timestamp(c.updated_at));
  w.EndObject();
}

std::vector<domain::Criterion> criteria_of(const rapidjson::Value& body) {
  std::vector<domain::Criterion> out;
  if (!body.HasMember("criteria") || !body["criteria"].IsArray()) return out;
  for (const auto& c : body["criteria"].GetArray()) {
    domain::Criterion k;
    k.key = text(c, "key");
    k.question = text(c, "question");
    k.type = domain::parse_criterion_type(text(c, "type")).value_or(domain::CriterionType::text);
    k.kind =
        domain::parse_criterion_kind(text(c, "kind")).value_or(domain::CriterionKind::selection);
    if (c.HasMember("threshold") && c["threshold"].IsNumber())
      k.threshold = c["threshold"].GetDouble();
    if (c.HasMember("max_age_days") && c["max_age_days"].IsInt())
      k.max_age_days = c["max_age_days"].GetInt();
    k.attachment_required = boolean(c, "attachment_required").value_or(false);
    out.push_back(std::move(k));
  }
  return out;
}

void write_request_fields(JsonWriter& w, const domain::ReconfirmationRequest& q) {
  write_field(w, "id", q.id);
  write_field(w, "category_id", q.category_id);
  w.Key("criteria_version");
  w.Int(q.criteria_version);
  write_field(w, "due", format_date(q.due));
  write_field(w, "message", q.message);
  write_field(w, "requested_at", format_timestamp(q.requested_at));
}

// The name of the act a transition body asks for; the schema allows only the names there are.
template <class Act, class Parse>
domain::Status read_act(JsonBody body, Act& act, Parse parse) {
  const auto asked = parse(text(body.value, "act"));
  if (!asked) return domain::Error::invalid("/act", "enum", "not an act this object has");
  act = *asked;
  return domain::Done{};
}

}  // namespace

void write_json(JsonWriter& w, const domain::Dps& d) {
  w.StartObject();
  write_field(w, "id", d.id);
  write_field(w, "authority_id", d.authority_id);
  write_field(w, "title", d.title);
  write_field(w, "description", d.description);
  write_field(w, "notice_reference", d.notice_reference);
  write_field(w, "valid_from", format_date(d.valid_from));
  write_field(w, "valid_until", format_date(d.valid_until));
  write_field(w, "state", domain::to_string(d.state));
  write_field(w, "created_at", format_timestamp(d.created_at));
  write_field(w, "updated_at", format_timestamp(d.updated_at));
  w.EndObject();
}

void write_json(JsonWriter& w, const domain::Category& c) { write_category(w, c, nullptr); }

void write_json(JsonWriter& w, const domain::CategoryView& v) {
  write_category(w, v.category, &v.criteria);
}

void write_json(JsonWriter& w, const domain::Admission& a) {
  w.StartObject();
  write_field(w, "provider_id", a.provider_id);
  write_field(w, "category_id", a.category_id);
  write_field(w, "state", domain::to_string(a.state));
  write_field(w, "admitted_at", format_timestamp(a.admitted_at));
  write_field(w, "reason", a.reason);
  write_field(w, "updated_at", format_timestamp(a.updated_at));
  w.EndObject();
}

void write_json(JsonWriter& w, const domain::ProviderAdmission& p) {
  w.StartObject();
  write_field(w, "provider_id", p.provider.id);
  write_field(w, "name", p.provider.name);
  write_field(w, "state", domain::to_string(p.admission.state));
  write_field(w, "reason", p.admission.reason);
  write_field(w, "admitted_at", format_timestamp(p.admission.admitted_at));
  write_field(w, "updated_at", format_timestamp(p.admission.updated_at));
  w.EndObject();
}

void write_json(JsonWriter& w, const domain::AdmittedProvider& p) {
  w.StartObject();
  write_field(w, "provider_id", p.provider_id);
  write_field(w, "name", p.name);
  write_field(w, "country", p.country);
  write_field(w, "business_id", p.business_id);
  write_field(w, "admitted_at", format_timestamp(p.admitted_at));
  w.EndObject();
}

void write_json(JsonWriter& w, const domain::ReconfirmationRequest& r) {
  w.StartObject();
  write_request_fields(w, r);
  w.EndObject();
}

void write_json(JsonWriter& w, const domain::ReconfirmationView& v) {
  w.StartObject();
  write_request_fields(w, v.request);
  w.Key("providers");
  w.StartArray();
  for (const auto& r : v.providers) write_json(w, r);
  w.EndArray();
  w.EndObject();
}

void write_json(JsonWriter& w, const domain::Reconfirmation& r) {
  w.StartObject();
  write_field(w, "request_id", r.request_id);
  write_field(w, "provider_id", r.provider_id);
  write_field(w, "state", domain::to_string(r.state));
  write_optional_time(w, "answered_at", r.answered_at);
  w.EndObject();
}

domain::Status read_json(JsonBody body, domain::DpsInput& in) {
  const auto& b = body.value;
  auto from = date_member(b, "valid_from", "/valid_from");
  if (!from) return from.error();
  auto until = date_member(b, "valid_until", "/valid_until");
  if (!until) return until.error();
  in = {text(b, "title"), text(b, "description"), text(b, "notice_reference"), *from, *until};
  return domain::Done{};
}

domain::Status read_json(JsonBody body, domain::DpsAct& act) {
  return read_act(body, act, domain::parse_dps_act);
}

domain::Status read_json(JsonBody body, domain::CategoryInput& in) {
  const auto& b = body.value;
  if (b.HasMember("name")) in.name = localised(b, "name");
  in.description = text(b, "description");
  in.characteristics = strings(b, "characteristics");
  in.regions = strings(b, "regions");
  in.languages = strings(b, "languages");
  if (b.HasMember("price")) {
    const auto& p = b["price"];
    in.price.unit = string_member(p, "unit").value_or("service");
    in.price.unit_price_ceiling_cents = integer(p, "unit_price_ceiling_cents");
    in.price.outcome_bonus_cents = cents_map(p, "outcome_bonus_cents");
  }
  in.award_method = domain::parse_award_method(text(b, "award_method"))
                        .value_or(domain::AwardMethod::customer_choice);
  return domain::Done{};
}

domain::Status read_json(JsonBody body, domain::NewCategory& in) {
  in.criteria = criteria_of(body.value);
  return read_json(body, in.details);
}

domain::Status read_json(JsonBody body, domain::CriteriaInput& in) {
  in.criteria = criteria_of(body.value);
  return domain::Done{};
}

domain::Status read_json(JsonBody body, domain::CategoryAct& act) {
  return read_act(body, act, domain::parse_category_act);
}

domain::Status read_json(JsonBody body, domain::AdmissionChange& change) {
  change.reason = text(body.value, "reason");
  return read_act(body, change.act, domain::parse_admission_act);
}

domain::Status read_json(JsonBody body, domain::ReconfirmationInput& in) {
  auto due = date_member(body.value, "due", "/due");
  if (!due) return due.error();
  in.due = *due;
  in.message = text(body.value, "message");
  return domain::Done{};
}

}  // namespace tarjotin::server
