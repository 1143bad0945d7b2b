#pragma once
#include <soci/soci.h>

#include "domain/competition/ports.hpp"

namespace tarjotin::storage {

class SociCompetitions final : public domain::CompetitionRepository {
 public:
  explicit SociCompetitions(soci::session& sql) : sql_(sql) {}
  void add(const domain::Competition& competition) override;
  void update(const domain::Competition& competition) override;
  std::optional<domain::Competition> find(const std::string& id) override;
  std::vector<domain::Competition> list_for_category(const std::string& category_id) override;
  std::vector<domain::Competition> list_published_for_category(
      const std::string& category_id) override;

  void add_invitation(const domain::Invitation& invitation) override;
  std::vector<domain::Invitation> invitations(const std::string& competition_id) override;
  std::vector<domain::Invitation> invitations_for_provider(const std::string& provider_id) override;

  void add_question(const domain::Question& question) override;
  void update_question(const domain::Question& question) override;
  std::optional<domain::Question> find_question(const std::string& id) override;
  std::vector<domain::Question> questions(const std::string& competition_id) override;

  void add_tender(const domain::Tender& tender) override;
  void update_tender(const domain::Tender& tender) override;
  std::optional<domain::Tender> find_tender(const std::string& id) override;
  std::optional<domain::Tender> find_tender_of(const std::string& competition_id,
                                               const std::string& provider_id) override;
  std::vector<domain::Tender> tenders(const std::string& competition_id) override;

  void put_score(const domain::QualityScore& score) override;
  std::vector<domain::QualityScore> scores(const std::string& competition_id) override;

 private:
  // The competitions (c) matching `where` with `value` bound once, each with its criteria.
  std::vector<domain::Competition> select(const std::string& where, const std::string& value);
  void insert_criteria(const domain::Competition& competition);
  soci::session& sql_;
};

class SociNotifications final : public domain::NotificationRepository {
 public:
  explicit SociNotifications(soci::session& sql) : sql_(sql) {}
  void add(const domain::Notification& notification) override;
  std::vector<domain::Notification> list_for_organisation(const std::string& organisation_id,
                                                          std::size_t limit) override;
  void put_webhook(const domain::Webhook& webhook) override;
  std::optional<domain::Webhook> webhook(const std::string& organisation_id) override;
  void add_event(const domain::OutboxEvent& event) override;
  std::vector<domain::OutboxEvent> claim_due(domain::Timestamp now, domain::Timestamp claim_until,
                                             std::size_t limit) override;
  void update_event(const domain::OutboxEvent& event) override;
  std::optional<domain::OutboxEvent> find_event(const std::string& id) override;
  std::vector<domain::OutboxEvent> recent_events(const std::string& organisation_id,
                                                 std::size_t limit) override;

 private:
  soci::session& sql_;
};

}  // namespace tarjotin::storage
