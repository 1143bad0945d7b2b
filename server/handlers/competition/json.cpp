#include "server/handlers/competition/json.hpp"

#include "domain/competition/rules.hpp"
#include "server/handlers/json_fields.hpp"
#include "server/time_format.hpp"

namespace tarjotin::server {
namespace {

constexpr std::string_view kSignatureHeader = "X-Tarjotin-Signature";

domain::Status read_timestamp(const rapidjson::Value& v, const char* name, domain::Timestamp& t) {
  const auto parsed = parse_timestamp(text(v, name));
  if (!parsed)
    return domain::Error::invalid(std::string("/") + name, "timestamp",
                                  "a UTC time like 2026-12-01T10:00:00Z");
  t = *parsed;
  return domain::Done{};
}

void write_int(JsonWriter& w, std::string_view key, int value) {
  write_string(w, key);
  w.Int(value);
}

void write_criterion(JsonWriter& w, const domain::AwardCriterion& a) {
  w.StartObject();
  write_field(w, "key", a.key);
  write_field(w, "name", a.name);
  write_field(w, "basis", domain::to_string(a.basis));
  write_int(w, "weight", a.weight);
  write_int(w, "max_points", a.max_points);
  w.EndObject();
}

}  // namespace

void write_json(JsonWriter& w, const domain::CompetitionView& v) {
  const auto& c = v.competition;
  w.StartObject();
  write_field(w, "id", c.id);
  write_field(w, "category_id", c.category_id);
  write_field(w, "title", c.title);
  write_field(w, "description", c.description);
  write_field(w, "quantity", c.quantity);
  w.Key("criteria");
  w.StartArray();
  for (const auto& a : c.criteria) write_criterion(w, a);
  w.EndArray();
  write_field(w, "price_formula", "weight × lowest price / tender price");
  write_field(w, "tie_rule", "higher total, then lower price, then earlier receipt");
  write_field(w, "questions_deadline", format_timestamp(c.questions_deadline));
  write_field(w, "tender_deadline", format_timestamp(c.tender_deadline));
  write_int(w, "standstill_days", c.standstill_days);
  write_field(w, "state", domain::to_string(c.state));
  write_field(w, "reason", c.reason);
  write_optional_time(w, "published_at", c.published_at);
  write_optional_time(w, "opened_at", c.opened_at);
  write_optional_time(w, "awarded_at", c.awarded_at);
  write_int(w, "invited", v.invited);
  w.Key("tenders");
  if (v.tenders)
    w.Int(*v.tenders);
  else
    w.Null();
  w.EndObject();
}

void write_json(JsonWriter& w, const domain::Competition& c) {
  write_json(w, domain::CompetitionView{c, 0, std::nullopt});
}

void write_json(JsonWriter& w, const domain::Question& q) {
  w.StartObject();
  write_field(w, "id", q.id);
  write_field(w, "competition_id", q.competition_id);
  w.Key("provider_id");
  if (q.provider_id.empty())
    w.Null();
  else
    write_string(w, q.provider_id);
  write_field(w, "text", q.text);
  write_field(w, "asked_at", format_timestamp(q.asked_at));
  write_field(w, "answer", q.answer);
  write_optional_time(w, "answered_at", q.answered_at);
  w.EndObject();
}

void write_json(JsonWriter& w, const domain::TenderReceipt& r) {
  w.StartObject();
  write_field(w, "tender_id", r.tender_id);
  write_field(w, "competition_id", r.competition_id);
  write_field(w, "state", domain::to_string(r.state));
  write_optional_time(w, "received_at", r.submitted_at);
  write_field(w, "receipt", r.receipt);
  w.EndObject();
}

void write_json(JsonWriter& w, const domain::OpenedTender& t) {
  w.StartObject();
  write_field(w, "tender_id", t.tender.id);
  write_field(w, "provider_id", t.tender.provider_id);
  write_optional_time(w, "received_at", t.tender.submitted_at);
  write_field(w, "receipt", t.tender.receipt);
  w.Key("price_cents");
  w.Int64(t.content.price_cents);
  w.Key("answers");
  w.StartObject();
  for (const auto& [key, answer] : t.content.answers) write_field(w, key, answer);
  w.EndObject();
  write_field(w, "note", t.content.note);
  w.EndObject();
}

void write_json(JsonWriter& w, const domain::QualityScore& q) {
  w.StartObject();
  write_field(w, "tender_id", q.tender_id);
  write_field(w, "criterion_key", q.criterion_key);
  write_int(w, "points", q.points);
  write_field(w, "justification", q.justification);
  write_field(w, "scored_at", format_timestamp(q.scored_at));
  w.EndObject();
}

void write_json(JsonWriter& w, const domain::RankedTender& r) {
  w.StartObject();
  write_field(w, "tender_id", r.tender_id);
  write_field(w, "provider_id", r.provider_id);
  w.Key("price_cents");
  w.Int64(r.price_cents);
  w.Key("scores");
  w.StartObject();
  for (const auto& [key, score] : r.scores) {
    write_string(w, key);
    w.Double(score);
  }
  w.EndObject();
  w.Key("total");
  w.Double(r.total);
  write_int(w, "rank", r.rank);
  w.Key("complete");
  w.Bool(r.complete);
  w.EndObject();
}

void write_json(JsonWriter& w, const domain::TendererDecision& d) {
  w.StartObject();
  write_field(w, "competition_id", d.competition.id);
  write_field(w, "state", domain::to_string(d.competition.state));
  write_field(w, "winner_provider_id", d.winner_provider_id);
  w.Key("winner_total");
  w.Double(d.winner_total);
  w.Key("own");
  if (d.own)
    write_json(w, *d.own);
  else
    w.Null();
  write_optional_time(w, "standstill_until", d.standstill_until);
  w.EndObject();
}

void write_json(JsonWriter& w, const domain::Notification& n) {
  w.StartObject();
  write_field(w, "id", n.id);
  write_field(w, "kind", n.kind);
  write_field(w, domain::subject_field(n.kind), n.subject_id);
  write_field(w, "text", n.text);
  write_field(w, "created_at", format_timestamp(n.created_at));
  w.EndObject();
}

void write_json(JsonWriter& w, const domain::Webhook& hook) {
  w.StartObject();
  write_field(w, "url", hook.url);
  write_field(w, "secret", hook.secret);
  write_field(w, "signature_header", kSignatureHeader);
  w.EndObject();
}

void write_json(JsonWriter& w, const domain::WebhookStatus& status) {
  w.StartObject();
  write_string(w, "url");
  if (status.webhook)
    write_string(w, status.webhook->url);
  else
    w.Null();
  write_optional_time(w, "set_at",
                      status.webhook ? std::optional(status.webhook->created_at) : std::nullopt);
  write_field(w, "signature_header", kSignatureHeader);
  write_string(w, "deliveries");
  w.StartArray();
  for (const auto& e : status.deliveries) {
    const auto state = domain::delivery_state(e);
    const bool more_to_come =
        state == domain::DeliveryState::pending || state == domain::DeliveryState::retrying;
    w.StartObject();
    write_field(w, "event_id", e.id);
    write_field(w, "kind", e.kind);
    write_field(w, "created_at", format_timestamp(e.created_at));
    write_field(w, "state", domain::to_string(state));
    write_int(w, "attempts", e.attempts);
    write_optional_time(w, "delivered_at", e.delivered_at);
    write_optional_time(w, "next_attempt_at",
                        more_to_come ? std::optional(e.next_attempt_at) : std::nullopt);
    write_field(w, "last_error", e.last_error);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

domain::Status read_json(JsonBody body, domain::CompetitionInput& in) {
  const auto& b = body.value;
  in.title = text(b, "title");
  in.description = text(b, "description");
  in.quantity = text(b, "quantity");
  in.standstill_days = static_cast<int>(integer(b, "standstill_days").value_or(14));
  if (auto ok = read_timestamp(b, "questions_deadline", in.questions_deadline); !ok) return ok;
  if (auto ok = read_timestamp(b, "tender_deadline", in.tender_deadline); !ok) return ok;
  if (b.HasMember("criteria") && b["criteria"].IsArray())
    for (const auto& c : b["criteria"].GetArray())
      in.criteria.push_back({text(c, "key"), text(c, "name"),
                             domain::parse_criterion_basis(text(c, "basis"))
                                 .value_or(domain::CriterionBasis::quality),
                             static_cast<int>(integer(c, "weight").value_or(0)),
                             static_cast<int>(integer(c, "max_points").value_or(10))});
  return domain::Done{};
}

domain::Status read_json(JsonBody body, domain::CompetitionTransition& in) {
  const auto act = domain::parse_competition_act(text(body.value, "act"));
  if (!act) return domain::Error::invalid("/act", "enum", "publish, cancel or conclude");
  in.act = *act;
  in.reason = text(body.value, "reason");
  return domain::Done{};
}

domain::Status read_json(JsonBody body, TenderDeadline& in) {
  return read_timestamp(body.value, "tender_deadline", in.tender_deadline);
}

domain::Status read_json(JsonBody body, domain::TenderContent& in) {
  const auto& b = body.value;
  in.price_cents = integer(b, "price_cents").value_or(0);
  in.note = text(b, "note");
  if (b.HasMember("answers") && b["answers"].IsObject())
    for (const auto& m : b["answers"].GetObject())
      if (m.value.IsString()) in.answers[m.name.GetString()] = m.value.GetString();
  return domain::Done{};
}

domain::Status read_json(JsonBody body, domain::QualityScoreInput& in) {
  // A missing or non-integer number of points is out of every scale, and refused as such.
  in.points = static_cast<int>(integer(body.value, "points").value_or(-1));
  in.justification = text(body.value, "justification");
  return domain::Done{};
}

}  // namespace tarjotin::server
