#include "storage/qualification/reconfirmations.hpp"

#include <stdexcept>

#include "storage/row_values.hpp"

namespace tarjotin::storage {
namespace {

constexpr const char* kColumns =
    "SELECT r.request_id, r.provider_id, r.state, r.answered_at FROM reconfirmations r ";

domain::Reconfirmation reconfirmation_from(const soci::row& r) {
  domain::Reconfirmation out;
  out.request_id = r.get<std::string>(0);
  out.provider_id = r.get<std::string>(1);
  out.state = enum_named<domain::ReconfirmationState, 3>(r.get<std::string>(2));
  out.answered_at = optional_micros_at(r, 3);
  return out;
}

}  // namespace

void SociReconfirmations::add_request(const domain::ReconfirmationRequest& q) {
  const long long due = day_number(q.due);
  const long long at = domain::to_micros(q.requested_at);
  sql_ << "INSERT INTO reconfirmation_requests (id, category_id, criteria_version, due, message, "
          "requested_by, requested_at) VALUES (:id, :cat, :v, :due, :msg, :by, :at)",
      soci::use(q.id), soci::use(q.category_id), soci::use(q.criteria_version), soci::use(due),
      soci::use(q.message), soci::use(q.requested_by), soci::use(at);
}

std::optional<domain::ReconfirmationRequest> SociReconfirmations::find_request(
    const std::string& id) {
  soci::row r;
  sql_ << "SELECT id, category_id, criteria_version, due, message, requested_by, requested_at "
          "FROM reconfirmation_requests WHERE id = :id",
      soci::use(id), soci::into(r);
  if (!sql_.got_data()) return std::nullopt;
  domain::ReconfirmationRequest q;
  q.id = r.get<std::string>(0);
  q.category_id = r.get<std::string>(1);
  q.criteria_version = static_cast<int>(int64_at(r, 2));
  q.due = date_from(int64_at(r, 3));
  q.message = r.get<std::string>(4);
  q.requested_by = r.get<std::string>(5);
  q.requested_at = domain::from_micros(int64_at(r, 6));
  return q;
}

void SociReconfirmations::put(const domain::Reconfirmation& x) {
  const std::string state(domain::to_string(x.state));
  Nullable answered = micros_or_null(x.answered_at);
  sql_ << "DELETE FROM reconfirmations WHERE request_id = :r AND provider_id = :p",
      soci::use(x.request_id), soci::use(x.provider_id);
  sql_ << "INSERT INTO reconfirmations (request_id, provider_id, state, answered_at) VALUES "
          "(:r, :p, :s, :a)",
      soci::use(x.request_id), soci::use(x.provider_id), soci::use(state),
      soci::use(answered.value, answered.ind);
}

std::optional<domain::Reconfirmation> SociReconfirmations::find(const std::string& request_id,
                                                                const std::string& provider_id) {
  soci::row r;
  sql_ << std::string(kColumns) + "WHERE r.request_id = :r AND r.provider_id = :p",
      soci::use(request_id), soci::use(provider_id), soci::into(r);
  if (!sql_.got_data()) return std::nullopt;
  return reconfirmation_from(r);
}

std::vector<domain::Reconfirmation> SociReconfirmations::select(const std::string& where,
                                                                const std::string& value) {
  std::vector<domain::Reconfirmation> out;
  soci::rowset<soci::row> rows = (sql_.prepare << std::string(kColumns) + where, soci::use(value));
  for (const auto& r : rows) out.push_back(reconfirmation_from(r));
  return out;
}

std::vector<domain::Reconfirmation> SociReconfirmations::list_for_request(
    const std::string& request_id) {
  return select("WHERE r.request_id = :v ORDER BY r.provider_id", request_id);
}

std::vector<domain::Reconfirmation> SociReconfirmations::list_pending_for_provider(
    const std::string& provider_id) {
  return select("WHERE r.provider_id = :v AND r.state = 'pending' ORDER BY r.request_id",
                provider_id);
}

std::vector<domain::Reconfirmation> SociReconfirmations::list_lapsing(domain::Date day,
                                                                      std::size_t limit) {
  std::vector<domain::Reconfirmation> out;
  const long long d = day_number(day);
  const long long max = static_cast<long long>(limit);
  soci::rowset<soci::row> rows =
      (sql_.prepare << std::string(kColumns) +
                           "JOIN reconfirmation_requests q ON q.id = r.request_id WHERE r.state = "
                           "'pending' AND q.due < :d ORDER BY q.due, r.request_id, r.provider_id "
                           "LIMIT :n",
       soci::use(d), soci::use(max));
  for (const auto& r : rows) out.push_back(reconfirmation_from(r));
  return out;
}

}  // namespace tarjotin::storage
