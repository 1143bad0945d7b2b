// JSON of applications and what belongs to them: answers, evaluations, the decision clock,
// clarifications, decisions, messages and documents.
#include "server/handlers/json_fields.hpp"
#include "server/handlers/qualification/json.hpp"
#include "server/time_format.hpp"

namespace tarjotin::server {
namespace {

void write_answer(JsonWriter& w, const domain::Answer& ans) {
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

void write_evaluation(JsonWriter& w, const domain::Evaluation& e) {
  w.StartObject();
  write_field(w, "key", e.key);
  write_field(w, "verdict", domain::to_string(e.verdict));
  write_field(w, "reason", e.reason);
  w.EndObject();
}

// The body's "answers"; an impossible date is refused with its place in the list.
domain::Result<std::vector<domain::Answer>> answers_of(const rapidjson::Value& body) {
  std::vector<domain::Answer> out;
  if (!body.IsObject() || !body.HasMember("answers") || !body["answers"].IsArray()) return out;
  std::size_t index = 0;
  for (const auto& a : body["answers"].GetArray()) {
    domain::Answer ans;
    ans.key = text(a, "key");
    ans.yes = boolean(a, "yes");
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

}  // namespace

void write_json(JsonWriter& w, const domain::ApplicationView& v) {
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
  for (const auto& ans : a.answers) write_answer(w, ans);
  w.EndArray();
  w.Key("evaluations");
  w.StartArray();
  for (const auto& e : v.evaluations) write_evaluation(w, e);
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

void write_json(JsonWriter& w, const domain::Message& m) {
  w.StartObject();
  write_field(w, "id", m.id);
  write_field(w, "application_id", m.application_id);
  write_field(w, "author_user_id", m.author_user_id);
  write_field(w, "author_organisation_id", m.author_organisation_id);
  write_field(w, "body", m.body);
  write_field(w, "sent_at", format_timestamp(m.sent_at));
  w.EndObject();
}

void write_json(JsonWriter& w, const domain::Attachment& a) {
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

domain::Status read_json(JsonBody body, domain::AnswersInput& in) {
  auto answers = answers_of(body.value);
  if (!answers) return answers.error();
  in.answers = std::move(*answers);
  return domain::Done{};
}

domain::Status read_json(JsonBody body, domain::ClarificationAnswer& answer) {
  answer.message = text(body.value, "message");
  if (!body.value.HasMember("answers")) return domain::Done{};
  auto answers = answers_of(body.value);
  if (!answers) return answers.error();
  answer.answers = std::move(*answers);
  return domain::Done{};
}

domain::Status read_json(JsonBody body, domain::ClarificationRequest& request) {
  request.question = text(body.value, "message");
  return domain::Done{};
}

domain::Status read_json(JsonBody body, domain::DeadlineExtension& extension) {
  extension.reason = text(body.value, "reason");
  return domain::Done{};
}

domain::Status read_json(JsonBody body, domain::Decision& decision) {
  decision.admit = text(body.value, "decision") == "admit";
  decision.reason = text(body.value, "reason");
  return domain::Done{};
}

domain::Status read_json(JsonBody body, domain::MessageInput& message) {
  message.body = text(body.value, "body");
  return domain::Done{};
}

}  // namespace tarjotin::server
