#pragma once
// The qualification repositories on SOCI, over the tables of storage/qualification/tables.hpp.
#include <soci/soci.h>

#include "domain/qualification/ports.hpp"

namespace tarjotin::storage {

class SociDpss final : public domain::DpsRepository {
 public:
  explicit SociDpss(soci::session& sql) : sql_(sql) {}
  void add(const domain::Dps& dps) override;
  void update(const domain::Dps& dps) override;
  std::optional<domain::Dps> find(const std::string& id) override;
  std::vector<domain::Dps> list_visible(const std::string& drafts_of_authority) override;

 private:
  soci::session& sql_;
};

class SociCategories final : public domain::CategoryRepository {
 public:
  explicit SociCategories(soci::session& sql) : sql_(sql) {}
  void add(const domain::Category& category) override;
  void update(const domain::Category& category) override;
  std::optional<domain::Category> find(const std::string& id) override;
  std::vector<domain::Category> list_for_dps(const std::string& dps_id) override;
  void put_criteria(const std::string& category_id, int version,
                    const std::vector<domain::Criterion>& criteria) override;
  std::vector<domain::Criterion> criteria(const std::string& category_id, int version) override;

 private:
  void write_bonuses(const domain::Category& category);
  std::vector<domain::Category> select(const std::string& where, const std::string& value);
  soci::session& sql_;
};

class SociApplications final : public domain::ApplicationRepository {
 public:
  explicit SociApplications(soci::session& sql) : sql_(sql) {}
  void add(const domain::Application& application) override;
  void update(const domain::Application& application) override;
  std::optional<domain::Application> find(const std::string& id) override;
  std::vector<domain::Application> list(const domain::ApplicationQuery& query) override;
  std::optional<domain::Application> find_pending(const std::string& provider_id,
                                                  const std::string& category_id) override;
  long long count_awaiting_decision_due_before(domain::Date day) override;

 private:
  void write_answers(const domain::Application& application);
  // The applications, each with its answers read.
  std::vector<domain::Application> with_answers(std::vector<domain::Application> applications);
  soci::session& sql_;
};

class SociAdmissions final : public domain::AdmissionRepository {
 public:
  explicit SociAdmissions(soci::session& sql) : sql_(sql) {}
  void put(const domain::Admission& admission) override;
  std::optional<domain::Admission> find(const std::string& provider_id,
                                        const std::string& category_id) override;
  std::vector<domain::Admission> list_for_category(const std::string& category_id) override;

 private:
  soci::session& sql_;
};

class SociMessages final : public domain::MessageRepository {
 public:
  explicit SociMessages(soci::session& sql) : sql_(sql) {}
  void add(const domain::Message& message) override;
  std::vector<domain::Message> list_for_application(const std::string& application_id) override;

 private:
  soci::session& sql_;
};

class SociAttachments final : public domain::AttachmentRepository {
 public:
  explicit SociAttachments(soci::session& sql) : sql_(sql) {}
  void add(const domain::Attachment& attachment) override;
  std::optional<domain::Attachment> find(const std::string& id) override;
  std::vector<domain::Attachment> list_for_application(const std::string& application_id) override;

 private:
  soci::session& sql_;
};

}  // namespace tarjotin::storage
