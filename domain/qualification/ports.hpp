#pragma once
// What qualification needs from storage; storage/qualification/ implements it.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
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

class AttachmentRepository {
 public:
  virtual ~AttachmentRepository() = default;
  virtual void add(const Attachment& attachment) = 0;
  virtual std::optional<Attachment> find(const std::string& id) = 0;
  virtual std::vector<Attachment> list_for_application(const std::string& application_id) = 0;
};

// Content-addressed bytes, part of the transaction (Transaction::documents()): an attachment row
// and the bytes it names are committed together. Identical content is kept once.
class DocumentStore {
 public:
  virtual ~DocumentStore() = default;
  virtual std::string put(std::string_view bytes) = 0;  // returns the SHA-256 (hex)
  virtual std::optional<std::string> get(const std::string& sha256) = 0;
};

class ReconfirmationRepository {
 public:
  virtual ~ReconfirmationRepository() = default;
  virtual void add_request(const ReconfirmationRequest& request) = 0;
  virtual std::optional<ReconfirmationRequest> find_request(const std::string& id) = 0;
  virtual void put(const Reconfirmation& r) = 0;  // insert or replace
  virtual std::optional<Reconfirmation> find(const std::string& request_id,
                                             const std::string& provider_id) = 0;
  virtual std::vector<Reconfirmation> list_for_request(const std::string& request_id) = 0;
  virtual std::vector<Reconfirmation> list_pending_for_provider(const std::string& provider_id) = 0;
  // Pending re-confirmations whose request was due before `day`.
  virtual std::vector<Reconfirmation> list_lapsing(Date day, std::size_t limit) = 0;
};

}  // namespace tarjotin::domain
