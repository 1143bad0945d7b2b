#include "server/handlers/qualification/json.hpp"

#include "server/handlers/json_fields.hpp"
#include "server/time_format.hpp"

namespace tarjotin::server {

void write_dps(JsonWriter& w, const domain::Dps& d) {
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
    for (const auto& k : *criteria) {
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
    w.EndArray();
  }
  write_field(w, "created_at", format_timestamp(c.created_at));
  write_field(w, "updated_at", format_timestamp(c.updated_at));
  w.EndObject();
}

void write_application(JsonWriter& w, const domain::ApplicationView& v) {
  const auto& a = v.application;
  w.StartObject();
  write_field(w, "id", a.id);
  write_field(w, "provider_id", a.provider_id);
  write_field(w, "category_id", a.category_id);
  w.Key("criteria_version");
  w.Int(a.criteria_version);
  write_field(w, "state", domain::to_string(a.state));
  w.Key("answers");
  w.StartArray();
  for (const auto& ans : a.answers) {
    w.StartObject();
    write_field(w, "key", ans.key);
    if (ans.yes) {
      w.Key("yes");
      w.Bool(*ans.yes);
    }
    if (ans.number) {
      w.Key("number");
      w.Double(*ans.number);
    }
    if (ans.date) write_field(w, "date", format_date(*ans.date));
    if (!ans.text.empty()) write_field(w, "text", ans.text);
    if (!ans.attachment_id.empty()) write_field(w, "attachment_id", ans.attachment_id);
    w.EndObject();
  }
  w.EndArray();
  w.Key("evaluations");
  w.StartArray();
  for (const auto& e : v.evaluations) {
    w.StartObject();
    write_field(w, "key", e.key);
    write_field(w, "verdict", domain::to_string(e.verdict));
    write_field(w, "reason", e.reason);
    w.EndObject();
  }
  w.EndArray();
  write_optional_time(w, "received_at", a.received_at);
  w.Key("decision_due");
  if (a.decision_due)
    write_string(w, format_date(*a.decision_due));
  else
    w.Null();
  w.Key("working_days_left");
  if (v.working_days_left)
    w.Int(*v.working_days_left);
  else
    w.Null();
  w.Key("overdue");
  w.Bool(v.overdue);
  w.Key("deadline_extended");
  w.Bool(!a.extension_reason.empty());
  write_field(w, "extension_reason", a.extension_reason);
  write_field(w, "decision_reason", a.decision_reason);
  write_optional_time(w, "decided_at", a.decided_at);
  write_field(w, "created_at", format_timestamp(a.created_at));
  write_field(w, "updated_at", format_timestamp(a.updated_at));
  w.Key("admission");
  if (v.admission) {
    w.StartObject();
    write_field(w, "state", domain::to_string(v.admission->state));
    write_field(w, "reason", v.admission->reason);
    write_field(w, "updated_at", format_timestamp(v.admission->updated_at));
    w.EndObject();
  } else {
    w.Null();
  }
  w.EndObject();
}

void write_admission(JsonWriter& w, const domain::Admission& a) {
  w.StartObject();
  write_field(w, "provider_id", a.provider_id);
  write_field(w, "category_id", a.category_id);
  write_field(w, "state", domain::to_string(a.state));
  write_field(w, "admitted_at", format_timestamp(a.admitted_at));
  write_field(w, "reason", a.reason);
  write_field(w, "updated_at", format_timestamp(a.updated_at));
  w.EndObject();
}

void write_message(JsonWriter& w, const domain::Message& m) {
  w.StartObject();
  write_field(w, "id", m.id);
  write_field(w, "application_id", m.application_id);
  write_field(w, "author_user_id", m.author_user_id);
  write_field(w, "author_organisation_id", m.author_organisation_id);
  write_field(w, "body", m.body);
  write_field(w, "sent_at", format_timestamp(m.sent_at));
  w.EndObject();
}

void write_attachment(JsonWriter& w, const domain::Attachment& a) {
  w.StartObject();
  write_field(w, "id", a.id);
  write_field(w, "application_id", a.application_id);
  write_field(w, "filename", a.filename);
  write_field(w, "media_type", domain::to_string(a.media_type));
  w.Key("size_bytes");
  w.Int64(a.size_bytes);
  write_field(w, "sha256", a.sha256);
  write_field(w, "uploaded_at", format_timestamp(a.uploaded_at));
  w.EndObject();
}

domain::Result<domain::DpsInput> read_dps_input(const rapidjson::Value& b) {
  auto from = date_member(b, "valid_from", "/valid_from");
  if (!from) return from.error();
  auto until = date_member(b, "valid_until", "/valid_until");
  if (!until) return until.error();
  return domain::DpsInput{text(b, "title"), text(b, "description"), text(b, "notice_reference"),
                          *from, *until};
}

domain::CategoryInput read_category_input(const rapidjson::Value& b) {
  domain::CategoryInput in;
  if (b.HasMember("name")) {
    const auto& n = b["name"];
    in.name = {text(n, "fi"), text(n, "sv"), text(n, "en")};
  }
  in.description = text(b, "description");
  in.characteristics = strings(b, "characteristics");
  in.regions = strings(b, "regions");
  in.languages = strings(b, "languages");
  if (b.HasMember("price")) {
    const auto& p = b["price"];
    in.price.unit = string_member(p, "unit").value_or("service");
    if (p.HasMember("unit_price_ceiling_cents") && p["unit_price_ceiling_cents"].IsInt64())
      in.price.unit_price_ceiling_cents = p["unit_price_ceiling_cents"].GetInt64();
    in.price.outcome_bonus_cents = cents_map(p, "outcome_bonus_cents");
  }
  in.award_method = domain::parse_award_method(text(b, "award_method"))
                        .value_or(domain::AwardMethod::customer_choice);
  return in;
}

std::vector<domain::Criterion> read_criteria(const rapidjson::Value& array) {
  std::vector<domain::Criterion> out;
  if (!array.IsArray()) return out;
  for (const auto& c : array.GetArray()) {
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
    if (c.HasMember("attachment_required") && c["attachment_required"].IsBool())
      k.attachment_required = c["attachment_required"].GetBool();
    out.push_back(std::move(k));
  }
  return out;
}

domain::Result<std::vector<domain::Answer>> read_answers(const rapidjson::Value& body) {
  std::vector<domain::Answer> out;
  if (!body.IsObject() || !body.HasMember("answers") || !body["answers"].IsArray()) return out;
  std::size_t index = 0;
  for (const auto& a : body["answers"].GetArray()) {
    domain::Answer ans;
    ans.key = text(a, "key");
    if (a.HasMember("yes") && a["yes"].IsBool()) ans.yes = a["yes"].GetBool();
    if (a.HasMember("number") && a["number"].IsNumber()) ans.number = a["number"].GetDouble();
    if (a.HasMember("date")) {
      auto date = date_member(a, "date", "/answers/" + std::to_string(index) + "/date");
      if (!date) return date.error();
      ans.date = *date;
    }
    ++index;
    ans.text = text(a, "text");
    ans.attachment_id = text(a, "attachment_id");
    out.push_back(std::move(ans));
  }
  return out;
}

}  // namespace tarjotin::server
