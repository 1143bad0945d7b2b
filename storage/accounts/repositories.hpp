#pragma once
#include <soci/soci.h>

#include "domain/accounts/ports.hpp"

namespace tarjotin::storage {

class SociOrganisations final : public domain::OrganisationRepository {
 public:
  explicit SociOrganisations(soci::session& sql) : sql_(sql) {}
  void add(const domain::Organisation& organisation) override;
  std::optional<domain::Organisation> find(const std::string& id) override;
  std::vector<domain::Organisation> find_many(const std::vector<std::string>& ids) override;
  std::optional<domain::Organisation> find_by_business_id(const std::string& country,
                                                          const std::string& business_id) override;

 private:
  soci::session& sql_;
};

class SociUsers final : public domain::UserRepository {
 public:
  explicit SociUsers(soci::session& sql) : sql_(sql) {}
  void add(const domain::User& user) override;
  std::optional<domain::User> find(const std::string& id) override;
  std::optional<domain::User> find_by_email(const std::string& email) override;
  std::vector<domain::User> list_for_organisation(const std::string& organisation_id) override;
  void set_active(const std::string& id, bool active) override;
  bool any_administrator() override;
  void set_password(const std::string& id, const std::string& hash, bool change_required) override;

 private:
  std::optional<domain::User> find_where(const std::string& column, const std::string& value);
  soci::session& sql_;
};

class SociSessions final : public domain::SessionRepository {
 public:
  explicit SociSessions(soci::session& sql) : sql_(sql) {}
  void add(const domain::SessionRecord& session) override;
  std::optional<domain::SessionRecord> find(const std::string& token_hash) override;
  void revoke(const std::string& token_hash, domain::Timestamp at) override;
  void revoke_all_for_user(const std::string& user_id, domain::Timestamp at) override;
  void revoke_others_of_user(const std::string& user_id, const std::string& keep,
                             domain::Timestamp at) override;
  long long purge_ended(domain::Timestamp now) override;

 private:
  soci::session& sql_;
};

class SociSignInFailures final : public domain::SignInFailureRepository {
 public:
  explicit SociSignInFailures(soci::session& sql) : sql_(sql) {}
  domain::FailureCount find(const std::string& key_hash) override;
  void record(const std::string& key_hash, domain::Timestamp at,
              domain::Timestamp forget_before) override;
  void clear(const std::string& key_hash) override;
  long long purge_forgotten(domain::Timestamp forget_before) override;

 private:
  soci::session& sql_;
};

}  // namespace tarjotin::storage
