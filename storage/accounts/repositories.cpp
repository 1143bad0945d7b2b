#include "storage/accounts/repositories.hpp"

#include "storage/accounts/tables.hpp"

namespace tarjotin::storage {

using namespace accounts_tables;
using domain::to_micros;

void SociOrganisations::add(const domain::Organisation& o) { kOrganisations.insert(sql_, o); }

std::optional<domain::Organisation> SociOrganisations::find(const std::string& id) {
  return kOrganisations.find_one(sql_, "WHERE id = :id", id);
}

std::vector<domain::Organisation> SociOrganisations::find_many(
    const std::vector<std::string>& ids) {
  return kOrganisations.find_in(sql_, "id", ids);
}

std::optional<domain::Organisation> SociOrganisations::find_by_business_id(
    const std::string& country, const std::string& business_id) {
  return kOrganisations.find_one(sql_, "WHERE country = :country AND business_id = :bid", country,
                                 business_id);
}

void SociUsers::add(const domain::User& u) { kUsers.insert(sql_, u); }

std::optional<domain::User> SociUsers::find_where(const std::string& column,
                                                  const std::string& value) {
  return kUsers.find_one(sql_, "WHERE " + column + " = :value", value);
}

std::optional<domain::User> SociUsers::find(const std::string& id) { return find_where("id", id); }

std::optional<domain::User> SociUsers::find_by_email(const std::string& email) {
  return find_where("email", email);
}

std::vector<domain::User> SociUsers::list_for_organisation(const std::string& organisation_id) {
  return kUsers.find_all(sql_, "WHERE organisation_id = :org ORDER BY email", organisation_id);
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

void SociSessions::add(const domain::SessionRecord& s) { kSessions.insert(sql_, s); }

std::optional<domain::SessionRecord> SociSessions::find(const std::string& token_hash) {
  return kSessions.find_one(sql_, "WHERE token_hash = :hash", token_hash);
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
