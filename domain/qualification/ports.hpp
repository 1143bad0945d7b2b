#pragma once
// Repositories for the qualification part; storage/ implements them.

#include <optional>
#include <string>
#include <vector>

#include "domain/qualification/entities.hpp"

namespace tarjotin::domain {

class DpsRepository {
 public:
  virtual ~DpsRepository() = default;
  virtual void add(const Dps& dps) = 0;
  virtual void update(const Dps& dps) = 0;
  virtual std::optional<Dps> find(const std::string& id) = 0;
  // Every DPS that is not a draft, and the drafts of `drafts_of_authority` (may be empty).
  virtual std::vector<Dps> list_visible(const std::string& drafts_of_authority) = 0;
};

class CategoryRepository {
 public:
  virtual ~CategoryRepository() = default;
  virtual void add(const Category& category) = 0;
  virtual void update(const Category& category) = 0;
  virtual std::optional<Category> find(const std::string& id) = 0;
  virtual std::vector<Category> list_for_dps(const std::string& dps_id) = 0;
  // Criteria are kept per version: applications are judged against the version they answered.
  virtual void put_criteria(const std::string& category_id, int version,
                            const std::vector<Criterion>& criteria) = 0;
  virtual std::vector<Criterion> criteria(const std::string& category_id, int version) = 0;
};

struct ApplicationQuery {
  std::string provider_id;  // empty: any
  std::string dps_id;       // empty: any
  bool awaiting_decision_only = false;
};

class ApplicationRepository {
 public:
  virtual ~ApplicationRepository() = default;
  virtual void add(const Application& application) = 0;
  virtual void update(const Application& application) = 0;  // answers included
  virtual std::optional<Application> find(const std::string& id) = 0;
  virtual std::vector<Application> list(const ApplicationQuery& query) = 0;
  // A draft, submitted or clarification-requested application of the provider in the category.
  virtual std::optional<Application> find_pending(const std::string& provider_id,
                                                  const std::string& category_id) = 0;
  // Applications awaiting a decision whose last day is before `day`.
  virtual long long count_awaiting_decision_due_before(Date day) = 0;
};

class AdmissionRepository {
 public:
  virtual ~AdmissionRepository() = default;
  virtual void put(const Admission& admission) = 0;  // insert or replace
  virtual std::optional<Admission> find(const std::string& provider_id,
                                        const std::string& category_id) = 0;
  virtual std::vector<Admission> list_for_category(const std::string& category_id) = 0;
};

class MessageRepository {
 public:
  virtual ~MessageRepository() = default;
  virtual void add(const Message& message) = 0;
  virtual std::vector<Message> list_for_application(const std::string& application_id) = 0;
};

}  // namespace tarjotin::domain
