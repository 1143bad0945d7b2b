#include "storage/accounts_repository.hpp"

#include "storage/row_values.hpp"

#include <stdexcept>

namespace tarjotin::storage {
namespace {

using domain::from_micros;
using domain::to_micros;

domain::Organisation organisation_from(const soci::row& r) {
  domain::Organisation o;
  o.id = r.get<std::string>(0);
  o.kind = domain::parse_organisation_kind(r.get<std::string>(1))
               .value_or(domain::OrganisationKind::provider);
  o.name = r.get<std::string>(2);
  o.country = r.get<std::string>(3);
  o.business_id = text_at(r, 4);
  o.created_at = from_micros(int64_at(r, 5));
  return o;
}

domain::User user_from(const soci::row& r) {
  domain::User u;
  u.id = r.get<std::string>(0);
  u.organisation_id = r.get<std::string>(1);
  u.email = r.get<std::string>(2);
  u.display_name = r.get<std::string>(3);
  const auto role = domain::parse_role(r.get<std::string>(4));
  if (!role) throw std::runtime_error("users.role holds an unknown role");
  u.role = *role;
  u.password_hash = r.get<std::string>(5);
  u.active = int64_at(r, 6) != 0;
  u.created_at = from_micros(int64_at(r, 7));
  u.password_change_required = int64_at(r, 8) != 0;
  return u;
}

constexpr const char* kOrganisationColumns =
    "SELECT id, kind, name, country, business_id, created_at FROM organisations ";
constexpr const char* kUserColumns =
    "SELECT id, organisation_id, email, display_name, role, password_hash, "
    "active, created_at, password_change_required FROM users ";

}  // namespace

void SociOrganisations::add(const domain::Organisation& o) {
  const std::string kind(domain::to_string(o.kind));
  const long long created = to_micros(o.created_at);
  soci::indicator business_ind = null_if_empty(o.business_id);
  sql_ << "INSERT INTO organisations (id, kind, name, country, business_id, created_at) "
          "VALUES (:id, :kind, :name, :country, :business_id, :created_at)",
      soci::use(o.id), soci::use(kind), soci::use(o.name), soci::use(o.country),
      soci::use(o.business_id, business_ind), soci::use(created);
}

std::optional<domain::Organisation> SociOrganisations::find(const std::string& id) {
  soci::row r;
  sql_ << std::string(kOrganisationColumns) + "WHERE id = :id", soci::use(id), soci::into(r);
  if (!sql_.got_data()) return std::nullopt;
  return organisation_from(r);
}

std::optional<domain::Organisation> SociOrganisations::find_by_business_id(
    const std::string& country, const std::string& business_id) {
  soci::row r;
  sql_ << std::string(kOrganisationColumns) + "WHERE country = :country AND business_id = :bid",
      soci::use(country), soci::use(business_id), soci::into(r);
  if (!sql_.got_data()) return std::nullopt;
  return organisation_from(r);
}

void SociUsers::add(const domain::User& u) {
  const std::string role(domain::to_string(u.role));
  const int active = u.active ? 1 : 0;
  const int change_required = u.password_change_required ? 1 : 0;
  const long long created = to_micros(u.created_at);
  sql_ << "INSERT INTO users (id, organisation_id, email, display_name, role, password_hash, "
          "active, created_at, password_change_required) VALUES (:id, :org, :email, :name, "
          ":role, :hash, :active, :created, :change_required)",
      soci::use(u.id), soci::use(u.organisation_id), soci::use(u.email), soci::use(u.display_name),
      soci::use(role), soci::use(u.password_hash), soci::use(active), soci::use(created),
      soci::use(change_required);
}

std::optional<domain::User> SociUsers::find_where(const std::string& column,
                                                  const std::string& value) {
  soci::row r;
  sql_ << std::string(kUserColumns) + "WHERE " + column + " = :value", soci::use(value),
      soci::into(r);
  if (!sql_.got_data()) return std::nullopt;
  return user_from(r);
}

std::optional<domain::User> SociUsers::find(const std::string& id) { return find_where("id", id); }

std::optional<domain::User> SociUsers::find_by_email(const std::string& email) {
  return find_where("email", email);
}

std::vector<domain::User> SociUsers::list_for_organisation(const std::string& organisation_id) {
  std::vector<domain::User> users;
  soci::rowset<soci::row> rows =
      (sql_.prepare << std::string(kUserColumns) + "WHERE organisation_id = :org ORDER BY email",
       soci::use(organisation_id));
  for (const auto& r : rows) users.push_back(user_from(r));
  return users;
}

void SociUsers::set_password(const std::string& id, const std::string& hash, bool change_required) {
  const int required = change_required ? 1 : 0;
  sql_ << "UPDATE users SET password_hash = :hash, password_change_required = :required WHERE id "
          "= :id",
      soci::use(hash), soci::use(required), soci::use(id);
}

bool SociUsers::any_administrator() {
  long long n = 0;
  sql_ << "SELECT COUNT(*) FROM users WHERE role = 'admin'", soci::into(n);
  return n > 0;
}

void SociUsers::set_active(const std::string& id, bool active) {
  const int value = active ? 1 : 0;
  sql_ << "UPDATE users SET active = :active WHERE id = :id", soci::use(value), soci::use(id);
}

void SociSessions::add(const domain::SessionRecord& s) {
  const long long created = to_micros(s.created_at);
  const long long expires = to_micros(s.expires_at);
  sql_ << "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) "
          "VALUES (:hash, :user, :created, :expires)",
      soci::use(s.token_hash), soci::use(s.user_id), soci::use(created), soci::use(expires);
}

std::optional<domain::SessionRecord> SociSessions::find(const std::string& token_hash) {
  soci::row r;
  sql_ << "SELECT token_hash, user_id, created_at, expires_at, "
          "revoked_at FROM sessions WHERE token_hash = :hash",
      soci::use(token_hash), soci::into(r);
  if (!sql_.got_data()) return std::nullopt;
  domain::SessionRecord s;
  s.token_hash = r.get<std::string>(0);
  s.user_id = r.get<std::string>(1);
  s.created_at = from_micros(int64_at(r, 2));
  s.expires_at = from_micros(int64_at(r, 3));
  s.revoked_at = optional_micros_at(r, 4);
  return s;
}

void SociSessions::revoke(const std::string& token_hash, domain::Timestamp at) {
  const long long when = to_micros(at);
  sql_ << "UPDATE sessions SET revoked_at = :at WHERE token_hash = :hash AND revoked_at IS NULL",
      soci::use(when), soci::use(token_hash);
}

void SociSessions::revoke_all_for_user(const std::string& user_id, domain::Timestamp at) {
  const long long when = to_micros(at);
  sql_ << "UPDATE sessions SET revoked_at = :at WHERE user_id = :user AND revoked_at IS NULL",
      soci::use(when), soci::use(user_id);
}

void SociSessions::revoke_others_of_user(const std::string& user_id, const std::string& keep,
                                         domain::Timestamp at) {
  const long long when = to_micros(at);
  sql_ << "UPDATE sessions SET revoked_at = :at WHERE user_id = :user AND token_hash <> :keep "
          "AND revoked_at IS NULL",
      soci::use(when), soci::use(user_id), soci::use(keep);
}

long long SociSessions::purge_ended(domain::Timestamp now) {
  const long long when = to_micros(now);
  soci::statement st = (sql_.prepare << "DELETE FROM sessions WHERE expires_at <= :now OR "
                                        "revoked_at <= :now2",
                        soci::use(when), soci::use(when));
  st.execute(true);
  return st.get_affected_rows();
}

domain::FailureCount SociSignInFailures::find(const std::string& key_hash) {
  int failures = 0;
  long long last = 0;
  sql_ << "SELECT failures, last_failure_at FROM sign_in_failures WHERE key_hash = :k",
      soci::into(failures), soci::into(last), soci::use(key_hash);
  if (!sql_.got_data()) return {};
  return {failures, domain::from_micros(last)};
}

void SociSignInFailures::record(const std::string& key_hash, domain::Timestamp at,
                                domain::Timestamp forget_before) {
  const long long when = to_micros(at);
  const long long forget = to_micros(forget_before);
  // One statement, so two replicas counting the same key at once both count.
  sql_ << "INSERT INTO sign_in_failures (key_hash, failures, last_failure_at) VALUES (:k, 1, :at) "
          "ON CONFLICT (key_hash) DO UPDATE SET failures = CASE WHEN "
          "sign_in_failures.last_failure_at <= :forget THEN 1 ELSE sign_in_failures.failures + 1 "
          "END, last_failure_at = :at2",
      soci::use(key_hash), soci::use(when), soci::use(forget), soci::use(when);
}

long long SociSignInFailures::purge_forgotten(domain::Timestamp forget_before) {
  const long long forget = to_micros(forget_before);
  soci::statement st =
      (sql_.prepare << "DELETE FROM sign_in_failures WHERE last_failure_at <= :forget",
       soci::use(forget));
  st.execute(true);
  return st.get_affected_rows();
}

void SociSignInFailures::clear(const std::string& key_hash) {
  sql_ << "DELETE FROM sign_in_failures WHERE key_hash = :k", soci::use(key_hash);
}

}  // namespace tarjotin::storage
