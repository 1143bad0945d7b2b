#include "storage/qualification/repositories.hpp"

#include "storage/qualification/tables.hpp"

namespace tarjotin::storage {

using namespace qualification_tables;

void SociDpss::add(const domain::Dps& d) { kDpss.insert(sql_, d); }

void SociDpss::update(const domain::Dps& d) { kDpss.update(sql_, d); }

std::optional<domain::Dps> SociDpss::find(const std::string& id) {
  return kDpss.find_one(sql_, "WHERE id = :id", id);
}

std::vector<domain::Dps> SociDpss::list_visible(const std::string& drafts_of_authority) {
  return kDpss.find_all(sql_, "WHERE state <> 'draft' OR authority_id = :auth ORDER BY created_at",
                        drafts_of_authority);
}

void SociCategories::write_bonuses(const domain::Category& c) {
  sql_ << "DELETE FROM category_outcome_bonuses WHERE category_id = :id", soci::use(c.id);
  for (const auto& [outcome, cents] : c.price.outcome_bonus_cents)
    kOutcomeBonuses.insert(sql_, {c.id, outcome, cents});
}

void SociCategories::add(const domain::Category& c) {
  kCategories.insert(sql_, c);
  write_bonuses(c);
}

void SociCategories::update(const domain::Category& c) {
  kCategories.update(sql_, c);
  write_bonuses(c);
}

std::vector<domain::Category> SociCategories::select(const std::string& where,
                                                     const std::string& value) {
  auto out = kCategories.find_all(sql_, where + " ORDER BY created_at, id", value);
  for (auto& c : out)
    for (auto& b : kOutcomeBonuses.find_all(sql_, "WHERE category_id = :id", c.id))
      c.price.outcome_bonus_cents[b.outcome] = b.cents;
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
  for (const auto& c : criteria) kCriteria.insert(sql_, {category_id, version, position++, c});
}

std::vector<domain::Criterion> SociCategories::criteria(const std::string& category_id,
                                                        int version) {
  std::vector<domain::Criterion> out;
  for (auto& row :
       kCriteria.find_all(sql_, "WHERE category_id = :id AND version = :v ORDER BY position",
                          category_id, version))
    out.push_back(std::move(row.criterion));
  return out;
}

void SociApplications::write_answers(const domain::Application& a) {
  sql_ << "DELETE FROM application_answers WHERE application_id = :id", soci::use(a.id);
  for (const auto& answer : a.answers) kAnswers.insert(sql_, {a.id, answer});
}

std::vector<domain::Application> SociApplications::with_answers(
    std::vector<domain::Application> applications) {
  for (auto& a : applications)
    for (auto& row :
         kAnswers.find_all(sql_, "WHERE application_id = :id ORDER BY answer_key", a.id))
      a.answers.push_back(std::move(row.answer));
  return applications;
}

void SociApplications::add(const domain::Application& a) {
  kApplications.insert(sql_, a);
  write_answers(a);
}

void SociApplications::update(const domain::Application& a) {
  kApplications.update(sql_, a);
  write_answers(a);
}

std::optional<domain::Application> SociApplications::find(const std::string& id) {
  auto found = with_answers(kApplications.find_all(sql_, "WHERE id = :id", id));
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<domain::Application> SociApplications::list(const domain::ApplicationQuery& q) {
  // Only the filters given become conditions, so the planner can use the index of the one that
  // narrows.
  std::string text = kApplications.select() + "WHERE 1 = 1";
  Binder binder;
  if (!q.provider_id.empty()) {
    text += " AND provider_id = :provider";
    binder.add_value(q.provider_id);
  }
  if (!q.dps_id.empty()) {
    text += " AND category_id IN (SELECT id FROM categories WHERE dps_id = :dps)";
    binder.add_value(q.dps_id);
  }
  if (q.awaiting_decision_only) text += " AND state IN ('submitted', 'clarification_requested')";
  text += " ORDER BY decision_due, received_at, id";
  std::vector<domain::Application> out;
  kApplications.each_bound(
      sql_, text, binder, {},
      [&](domain::Application a, const std::vector<Cell>&) { out.push_back(std::move(a)); });
  return with_answers(std::move(out));
}

std::optional<domain::Application> SociApplications::find_pending(const std::string& provider_id,
                                                                  const std::string& category_id) {
  auto found = with_answers(kApplications.find_all(
      sql_,
      "WHERE provider_id = :p AND category_id = :c AND state IN ('draft', 'submitted', "
      "'clarification_requested')",
      provider_id, category_id));
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

long long SociApplications::count_awaiting_decision_due_before(domain::Date day) {
  const long long d = day_number(day);
  long long n = 0;
  sql_ << "SELECT COUNT(*) FROM applications WHERE state IN ('submitted', "
          "'clarification_requested') AND decision_due < :d",
      soci::use(d), soci::into(n);
  return n;
}

void SociAdmissions::put(const domain::Admission& a) {
  if (!kAdmissions.update(sql_, a)) kAdmissions.insert(sql_, a);
}

std::optional<domain::Admission> SociAdmissions::find(const std::string& provider_id,
                                                      const std::string& category_id) {
  return kAdmissions.find_one(sql_, "WHERE provider_id = :p AND category_id = :c", provider_id,
                              category_id);
}

std::vector<domain::Admission> SociAdmissions::list_for_category(const std::string& category_id) {
  return kAdmissions.find_all(sql_, "WHERE category_id = :c ORDER BY admitted_at, provider_id",
                              category_id);
}

void SociMessages::add(const domain::Message& m) { kMessages.insert(sql_, m); }

std::vector<domain::Message> SociMessages::list_for_application(const std::string& application_id) {
  return kMessages.find_all(sql_, "WHERE application_id = :app ORDER BY sent_at, id",
                            application_id);
}

void SociAttachments::add(const domain::Attachment& a) { kAttachments.insert(sql_, a); }

std::optional<domain::Attachment> SociAttachments::find(const std::string& id) {
  return kAttachments.find_one(sql_, "WHERE id = :id", id);
}

std::vector<domain::Attachment> SociAttachments::list_for_application(
    const std::string& application_id) {
  return kAttachments.find_all(sql_, "WHERE application_id = :app ORDER BY uploaded_at, id",
                               application_id);
}

}  // namespace tarjotin::storage
