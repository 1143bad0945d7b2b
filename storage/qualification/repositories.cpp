#include "storage/qualification/repositories.hpp"

#include <stdexcept>

#include "storage/one_time_statements.hpp"
#include "storage/row_values.hpp"
#include "storage/text_lists.hpp"

namespace tarjotin::storage {
namespace {

using domain::Date;
using domain::from_micros;
using domain::to_micros;

constexpr const char* kDpsColumns =
    "SELECT id, authority_id, title, description, notice_reference, valid_from, valid_until, "
    "state, created_at, updated_at FROM dps ";

domain::Dps dps_from(const soci::row& r) {
  domain::Dps d;
  d.id = r.get<std::string>(0);
  d.authority_id = r.get<std::string>(1);
  d.title = r.get<std::string>(2);
  d.description = r.get<std::string>(3);
  d.notice_reference = r.get<std::string>(4);
  d.valid_from = date_from(int64_at(r, 5));
  d.valid_until = date_from(int64_at(r, 6));
  d.state = enum_named<domain::DpsState, 4>(r.get<std::string>(7));
  d.created_at = from_micros(int64_at(r, 8));
  d.updated_at = from_micros(int64_at(r, 9));
  return d;
}

constexpr const char* kCategoryColumns =
    "SELECT id, dps_id, name_fi, name_sv, name_en, description, characteristics, regions, "
    "languages, price_unit, unit_price_ceiling_cents, award_method, state, criteria_version, "
    "created_at, updated_at FROM categories ";

domain::Category category_from(const soci::row& r) {
  domain::Category c;
  c.id = r.get<std::string>(0);
  c.dps_id = r.get<std::string>(1);
  c.name = {r.get<std::string>(2), r.get<std::string>(3), r.get<std::string>(4)};
  c.description = r.get<std::string>(5);
  c.characteristics = split_lines(r.get<std::string>(6));
  c.regions = split_lines(r.get<std::string>(7));
  c.languages = split_lines(r.get<std::string>(8));
  c.price.unit = r.get<std::string>(9);
  if (!is_null(r, 10)) c.price.unit_price_ceiling_cents = int64_at(r, 10);
  c.award_method = enum_named<domain::AwardMethod, 2>(r.get<std::string>(11));
  c.state = enum_named<domain::CategoryState, 3>(r.get<std::string>(12));
  c.criteria_version = static_cast<int>(int64_at(r, 13));
  c.created_at = from_micros(int64_at(r, 14));
  c.updated_at = from_micros(int64_at(r, 15));
  return c;
}

constexpr const char* kApplicationColumns =
    "SELECT id, provider_id, category_id, criteria_version, state, received_at, decision_due, "
    "extension_reason, decision_reason, decided_at, created_at, updated_at FROM applications ";

domain::Application application_from(const soci::row& r) {
  domain::Application a;
  a.id = r.get<std::string>(0);
  a.provider_id = r.get<std::string>(1);
  a.category_id = r.get<std::string>(2);
  a.criteria_version = static_cast<int>(int64_at(r, 3));
  a.state = enum_named<domain::ApplicationState, 6>(r.get<std::string>(4));
  a.received_at = optional_micros_at(r, 5);
  if (!is_null(r, 6)) a.decision_due = date_from(int64_at(r, 6));
  a.extension_reason = r.get<std::string>(7);
  a.decision_reason = r.get<std::string>(8);
  a.decided_at = optional_micros_at(r, 9);
  a.created_at = from_micros(int64_at(r, 10));
  a.updated_at = from_micros(int64_at(r, 11));
  return a;
}

constexpr const char* kAdmissionColumns =
    "SELECT provider_id, category_id, application_id, state, admitted_at, reason, updated_at "
    "FROM admissions ";

domain::Admission admission_from(const soci::row& r) {
  domain::Admission a;
  a.provider_id = r.get<std::string>(0);
  a.category_id = r.get<std::string>(1);
  a.application_id = r.get<std::string>(2);
  a.state = enum_named<domain::AdmissionState, 3>(r.get<std::string>(3));
  a.admitted_at = from_micros(int64_at(r, 4));
  a.reason = r.get<std::string>(5);
  a.updated_at = from_micros(int64_at(r, 6));
  return a;
}

}  // namespace

// ---- DPS ----

void SociDpss::add(const domain::Dps& d) {
  const std::string state(domain::to_string(d.state));
  const long long from = day_number(d.valid_from), until = day_number(d.valid_until);
  const long long created = to_micros(d.created_at), updated = to_micros(d.updated_at);
  sql_ << "INSERT INTO dps (id, authority_id, title, description, notice_reference, valid_from, "
          "valid_until, state, created_at, updated_at) VALUES (:id, :auth, :title, :descr, "
          ":notice, :from, :until, :state, :created, :updated)",
      soci::use(d.id), soci::use(d.authority_id), soci::use(d.title), soci::use(d.description),
      soci::use(d.notice_reference), soci::use(from), soci::use(until), soci::use(state),
      soci::use(created), soci::use(updated);
}

void SociDpss::update(const domain::Dps& d) {
  const std::string state(domain::to_string(d.state));
  const long long from = day_number(d.valid_from), until = day_number(d.valid_until);
  const long long updated = to_micros(d.updated_at);
  sql_ << "UPDATE dps SET title = :title, description = :descr, notice_reference = :notice, "
          "valid_from = :from, valid_until = :until, state = :state, updated_at = :updated "
          "WHERE id = :id",
      soci::use(d.title), soci::use(d.description), soci::use(d.notice_reference), soci::use(from),
      soci::use(until), soci::use(state), soci::use(updated), soci::use(d.id);
}

std::optional<domain::Dps> SociDpss::find(const std::string& id) {
  soci::row r;
  sql_ << std::string(kDpsColumns) + "WHERE id = :id", soci::use(id), soci::into(r);
  if (!sql_.got_data()) return std::nullopt;
  return dps_from(r);
}

std::vector<domain::Dps> SociDpss::list_visible(const std::string& drafts_of_authority) {
  std::vector<domain::Dps> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << std::string(kDpsColumns) +
                           "WHERE state <> 'draft' OR authority_id = :auth ORDER BY created_at",
       soci::use(drafts_of_authority));
  for (const auto& r : rows) out.push_back(dps_from(r));
  return out;
}

// ---- Categories ----

void SociCategories::write_bonuses(const domain::Category& c) {
  sql_ << "DELETE FROM category_outcome_bonuses WHERE category_id = :id", soci::use(c.id);
  for (const auto& [outcome, cents] : c.price.outcome_bonus_cents) {
    const long long value = cents;
    sql_ << "INSERT INTO category_outcome_bonuses (category_id, outcome, bonus_cents) "
            "VALUES (:id, :outcome, :cents)",
        soci::use(c.id), soci::use(outcome), soci::use(value);
  }
}

void SociCategories::add(const domain::Category& c) {
  const std::string characteristics = join_lines(c.characteristics),
                    regions = join_lines(c.regions), languages = join_lines(c.languages);
  const std::string award(domain::to_string(c.award_method)), state(domain::to_string(c.state));
  Nullable ceiling(c.price.unit_price_ceiling_cents);
  const long long created = to_micros(c.created_at), updated = to_micros(c.updated_at);
  sql_ << "INSERT INTO categories (id, dps_id, name_fi, name_sv, name_en, description, "
          "characteristics, regions, languages, price_unit, unit_price_ceiling_cents, "
          "award_method, state, criteria_version, created_at, updated_at) VALUES (:id, :dps, "
          ":fi, :sv, :en, :descr, :chars, :regions, :langs, :unit, :ceiling, :award, :state, "
          ":version, :created, :updated)",
      soci::use(c.id), soci::use(c.dps_id), soci::use(c.name.fi), soci::use(c.name.sv),
      soci::use(c.name.en), soci::use(c.description), soci::use(characteristics),
      soci::use(regions), soci::use(languages), soci::use(c.price.unit),
      soci::use(ceiling.value, ceiling.ind), soci::use(award), soci::use(state),
      soci::use(c.criteria_version), soci::use(created), soci::use(updated);
  write_bonuses(c);
}

void SociCategories::update(const domain::Category& c) {
  const std::string characteristics = join_lines(c.characteristics),
                    regions = join_lines(c.regions), languages = join_lines(c.languages);
  const std::string award(domain::to_string(c.award_method)), state(domain::to_string(c.state));
  Nullable ceiling(c.price.unit_price_ceiling_cents);
  const long long updated = to_micros(c.updated_at);
  sql_ << "UPDATE categories SET name_fi = :fi, name_sv = :sv, name_en = :en, description = "
          ":descr, characteristics = :chars, regions = :regions, languages = :langs, price_unit = "
          ":unit, unit_price_ceiling_cents = :ceiling, award_method = :award, state = :state, "
          "criteria_version = :version, updated_at = :updated WHERE id = :id",
      soci::use(c.name.fi), soci::use(c.name.sv), soci::use(c.name.en), soci::use(c.description),
      soci::use(characteristics), soci::use(regions), soci::use(languages), soci::use(c.price.unit),
      soci::use(ceiling.value, ceiling.ind), soci::use(award), soci::use(state),
      soci::use(c.criteria_version), soci::use(updated), soci::use(c.id);
  write_bonuses(c);
}

std::vector<domain::Category> SociCategories::select(const std::string& where,
                                                     const std::string& value) {
  std::vector<domain::Category> out;
  for_each_row(
      sql_, std::string(kCategoryColumns) + where + " ORDER BY created_at, id",
      [&](const soci::row& r) { out.push_back(category_from(r)); }, value);
  for (auto& c : out)
    for_each_row(
        sql_, "SELECT outcome, bonus_cents FROM category_outcome_bonuses WHERE category_id = :id",
        [&](const soci::row& b) {
          c.price.outcome_bonus_cents[b.get<std::string>(0)] = int64_at(b, 1);
        },
        c.id);
  return out;
}

std::optional<domain::Category> SociCategories::find(const std::string& id) {
  auto found = select("WHERE id = :v", id);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<domain::Category> SociCategories::list_for_dps(const std::string& dps_id) {
  return select("WHERE dps_id = :v", dps_id);
}

void SociCategories::put_criteria(const std::string& category_id, int version,
                                  const std::vector<domain::Criterion>& criteria) {
  sql_ << "DELETE FROM criteria WHERE category_id = :id AND version = :v", soci::use(category_id),
      soci::use(version);
  int position = 0;
  for (const auto& c : criteria) {
    const std::string type(domain::to_string(c.type)), kind(domain::to_string(c.kind));
    const int attachment = c.attachment_required ? 1 : 0;
    sql_ << "INSERT INTO criteria (category_id, version, position, criterion_key, question, "
            "criterion_type, kind, threshold, max_age_days, attachment_required) VALUES (:cat, "
            ":version, :pos, :key, :question, :type, :kind, :threshold, :age, :attachment)",
        soci::use(category_id), soci::use(version), soci::use(position), soci::use(c.key),
        soci::use(c.question), soci::use(type), soci::use(kind), soci::use(c.threshold),
        soci::use(c.max_age_days), soci::use(attachment);
    ++position;
  }
}

std::vector<domain::Criterion> SociCategories::criteria(const std::string& category_id,
                                                        int version) {
  std::vector<domain::Criterion> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT criterion_key, question, criterion_type, kind, threshold, "
                       "max_age_days, attachment_required FROM criteria WHERE category_id = :id "
                       "AND version = :v ORDER BY position",
       soci::use(category_id), soci::use(version));
  for (const auto& r : rows) {
    domain::Criterion c;
    c.key = r.get<std::string>(0);
    c.question = r.get<std::string>(1);
    c.type = enum_named<domain::CriterionType, 5>(r.get<std::string>(2));
    c.kind = enum_named<domain::CriterionKind, 2>(r.get<std::string>(3));
    c.threshold = double_at(r, 4);
    c.max_age_days = static_cast<int>(int64_at(r, 5));
    c.attachment_required = int64_at(r, 6) != 0;
    out.push_back(std::move(c));
  }
  return out;
}

// ---- Applications ----

void SociApplications::write_answers(const domain::Application& a) {
  sql_ << "DELETE FROM application_answers WHERE application_id = :id", soci::use(a.id);
  for (const auto& answer : a.answers) {
    Nullable yes(answer.yes ? std::optional<long long>(*answer.yes ? 1 : 0) : std::nullopt);
    double number = answer.number.value_or(0);
    soci::indicator number_ind = answer.number ? soci::i_ok : soci::i_null;
    Nullable date(answer.date ? std::optional<long long>(day_number(*answer.date)) : std::nullopt);
    sql_ << "INSERT INTO application_answers (application_id, answer_key, yes, number, "
            "answer_date, answer_text, attachment_id) VALUES (:app, :key, :yes, :number, :date, "
            ":text, :attachment)",
        soci::use(a.id), soci::use(answer.key), soci::use(yes.value, yes.ind),
        soci::use(number, number_ind), soci::use(date.value, date.ind), soci::use(answer.text),
        soci::use(answer.attachment_id);
  }
}

void SociApplications::read_answers(domain::Application& a) {
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT answer_key, yes, number, answer_date, answer_text, attachment_id "
                       "FROM application_answers WHERE application_id = :id ORDER BY answer_key",
       soci::use(a.id));
  for (const auto& r : rows) {
    domain::Answer answer;
    answer.key = r.get<std::string>(0);
    if (!is_null(r, 1)) answer.yes = int64_at(r, 1) != 0;
    if (!is_null(r, 2)) answer.number = double_at(r, 2);
    if (!is_null(r, 3)) answer.date = date_from(int64_at(r, 3));
    answer.text = r.get<std::string>(4);
    answer.attachment_id = r.get<std::string>(5);
    a.answers.push_back(std::move(answer));
  }
}

namespace {

// An application's columns in the form SOCI binds, shared by insert and update.
struct ApplicationRow {
  std::string state;
  Nullable received, due, decided;
  long long created, updated;

  explicit ApplicationRow(const domain::Application& a)
      : state(domain::to_string(a.state)),
        received(micros_or_null(a.received_at)),
        due(a.decision_due ? std::optional<long long>(day_number(*a.decision_due)) : std::nullopt),
        decided(micros_or_null(a.decided_at)),
        created(to_micros(a.created_at)),
        updated(to_micros(a.updated_at)) {}
};

}  // namespace

void SociApplications::add(const domain::Application& a) {
  ApplicationRow row(a);
  sql_ << "INSERT INTO applications (id, provider_id, category_id, criteria_version, state, "
          "received_at, decision_due, extension_reason, decision_reason, decided_at, created_at, "
          "updated_at) VALUES (:id, :provider, :category, :version, :state, :received, :due, "
          ":ext, :reason, :decided, :created, :updated)",
      soci::use(a.id), soci::use(a.provider_id), soci::use(a.category_id),
      soci::use(a.criteria_version), soci::use(row.state),
      soci::use(row.received.value, row.received.ind), soci::use(row.due.value, row.due.ind),
      soci::use(a.extension_reason), soci::use(a.decision_reason),
      soci::use(row.decided.value, row.decided.ind), soci::use(row.created), soci::use(row.updated);
  write_answers(a);
}

void SociApplications::update(const domain::Application& a) {
  ApplicationRow row(a);
  sql_ << "UPDATE applications SET criteria_version = :version, state = :state, received_at = "
          ":received, decision_due = :due, extension_reason = :ext, decision_reason = :reason, "
          "decided_at = :decided, updated_at = :updated WHERE id = :id",
      soci::use(a.criteria_version), soci::use(row.state),
      soci::use(row.received.value, row.received.ind), soci::use(row.due.value, row.due.ind),
      soci::use(a.extension_reason), soci::use(a.decision_reason),
      soci::use(row.decided.value, row.decided.ind), soci::use(row.updated), soci::use(a.id);
  write_answers(a);
}

std::optional<domain::Application> SociApplications::find(const std::string& id) {
  soci::row r;
  sql_ << std::string(kApplicationColumns) + "WHERE id = :id", soci::use(id), soci::into(r);
  if (!sql_.got_data()) return std::nullopt;
  auto a = application_from(r);
  read_answers(a);
  return a;
}

std::vector<domain::Application> SociApplications::list(const domain::ApplicationQuery& q) {
  std::vector<domain::Application> out;
  const int awaiting = q.awaiting_decision_only ? 1 : 0;
  soci::rowset<soci::row> rows =
      (sql_.prepare << std::string(kApplicationColumns) +
                           "WHERE (:provider = '' OR provider_id = :provider2) "
                           "AND (:dps = '' OR category_id IN (SELECT id FROM categories WHERE "
                           "dps_id = :dps2)) AND (:awaiting = 0 OR state IN ('submitted', "
                           "'clarification_requested')) ORDER BY decision_due, received_at, id",
       soci::use(q.provider_id), soci::use(q.provider_id), soci::use(q.dps_id), soci::use(q.dps_id),
       soci::use(awaiting));
  for (const auto& r : rows) out.push_back(application_from(r));
  for (auto& a : out) read_answers(a);
  return out;
}

std::optional<domain::Application> SociApplications::find_pending(const std::string& provider_id,
                                                                  const std::string& category_id) {
  soci::row r;
  sql_ << std::string(kApplicationColumns) +
              "WHERE provider_id = :p AND category_id = :c AND state IN ('draft', 'submitted', "
              "'clarification_requested')",
      soci::use(provider_id), soci::use(category_id), soci::into(r);
  if (!sql_.got_data()) return std::nullopt;
  auto a = application_from(r);
  read_answers(a);
  return a;
}

long long SociApplications::count_awaiting_decision_due_before(Date day) {
  const long long d = day_number(day);
  long long n = 0;
  sql_ << "SELECT COUNT(*) FROM applications WHERE state IN ('submitted', "
          "'clarification_requested') AND decision_due < :d",
      soci::use(d), soci::into(n);
  return n;
}

// ---- Admissions ----

void SociAdmissions::put(const domain::Admission& a) {
  const std::string state(domain::to_string(a.state));
  const long long admitted = to_micros(a.admitted_at), updated = to_micros(a.updated_at);
  sql_ << "DELETE FROM admissions WHERE provider_id = :p AND category_id = :c",
      soci::use(a.provider_id), soci::use(a.category_id);
  sql_ << "INSERT INTO admissions (provider_id, category_id, application_id, state, admitted_at, "
          "reason, updated_at) VALUES (:p, :c, :app, :state, :admitted, :reason, :updated)",
      soci::use(a.provider_id), soci::use(a.category_id), soci::use(a.application_id),
      soci::use(state), soci::use(admitted), soci::use(a.reason), soci::use(updated);
}

std::optional<domain::Admission> SociAdmissions::find(const std::string& provider_id,
                                                      const std::string& category_id) {
  soci::row r;
  sql_ << std::string(kAdmissionColumns) + "WHERE provider_id = :p AND category_id = :c",
      soci::use(provider_id), soci::use(category_id), soci::into(r);
  if (!sql_.got_data()) return std::nullopt;
  return admission_from(r);
}

std::vector<domain::Admission> SociAdmissions::list_for_category(const std::string& category_id) {
  std::vector<domain::Admission> out;
  for_each_row(
      sql_,
      std::string(kAdmissionColumns) + "WHERE category_id = :c ORDER BY admitted_at, provider_id",
      [&](const soci::row& r) { out.push_back(admission_from(r)); }, category_id);
  return out;
}

// ---- Messages ----

void SociMessages::add(const domain::Message& m) {
  const long long sent = to_micros(m.sent_at);
  sql_ << "INSERT INTO application_messages (id, application_id, author_user_id, "
          "author_organisation_id, body, sent_at) VALUES (:id, :app, :user, :org, :body, :sent)",
      soci::use(m.id), soci::use(m.application_id), soci::use(m.author_user_id),
      soci::use(m.author_organisation_id), soci::use(m.body), soci::use(sent);
}

std::vector<domain::Message> SociMessages::list_for_application(const std::string& application_id) {
  std::vector<domain::Message> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT id, application_id, author_user_id, author_organisation_id, body, "
                       "sent_at FROM application_messages WHERE application_id = :app ORDER BY "
                       "sent_at, id",
       soci::use(application_id));
  for (const auto& r : rows)
    out.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                   r.get<std::string>(3), r.get<std::string>(4), from_micros(int64_at(r, 5))});
  return out;
}

// ---- Attachments ----

namespace {

constexpr const char* kAttachmentColumns =
    "SELECT id, application_id, provider_id, filename, media_type, size_bytes, sha256, "
    "uploaded_by, uploaded_at FROM attachments ";

domain::Attachment attachment_from(const soci::row& r) {
  domain::Attachment a;
  a.id = r.get<std::string>(0);
  a.application_id = r.get<std::string>(1);
  a.provider_id = r.get<std::string>(2);
  a.filename = r.get<std::string>(3);
  const auto type = domain::parse_media_type(r.get<std::string>(4));
  if (!type) throw std::runtime_error("attachments.media_type holds an unknown type");
  a.media_type = *type;
  a.size_bytes = int64_at(r, 5);
  a.sha256 = r.get<std::string>(6);
  a.uploaded_by = r.get<std::string>(7);
  a.uploaded_at = from_micros(int64_at(r, 8));
  return a;
}

}  // namespace

void SociAttachments::add(const domain::Attachment& a) {
  const std::string type(domain::to_string(a.media_type));
  const long long uploaded = to_micros(a.uploaded_at);
  sql_ << "INSERT INTO attachments (id, application_id, provider_id, filename, media_type, "
          "size_bytes, sha256, uploaded_by, uploaded_at) VALUES (:id, :app, :provider, :name, "
          ":type, :size, :sha, :by, :at)",
      soci::use(a.id), soci::use(a.application_id), soci::use(a.provider_id), soci::use(a.filename),
      soci::use(type), soci::use(a.size_bytes), soci::use(a.sha256), soci::use(a.uploaded_by),
      soci::use(uploaded);
}

std::optional<domain::Attachment> SociAttachments::find(const std::string& id) {
  soci::row r;
  sql_ << std::string(kAttachmentColumns) + "WHERE id = :id", soci::use(id), soci::into(r);
  if (!sql_.got_data()) return std::nullopt;
  return attachment_from(r);
}

std::vector<domain::Attachment> SociAttachments::list_for_application(
    const std::string& application_id) {
  std::vector<domain::Attachment> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << std::string(kAttachmentColumns) +
                           "WHERE application_id = :app ORDER BY uploaded_at, id",
       soci::use(application_id));
  for (const auto& r : rows) out.push_back(attachment_from(r));
  return out;
}

}  // namespace tarjotin::storage
