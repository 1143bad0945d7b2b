#pragma once
// Ordering's repositories on SOCI, one source file each (offerings.cpp, customers.cpp,
// choice_sets.cpp, orders.cpp), their columns declared once in tables.hpp.
#include <soci/soci.h>

#include <functional>

#include "domain/ordering/ports.hpp"
#include "storage/table.hpp"

namespace tarjotin::storage {

class SociOfferings final : public domain::OfferingRepository {
 public:
  explicit SociOfferings(soci::session& sql) : sql_(sql) {}
  void add(const domain::Offering& offering) override;
  bool update(const domain::Offering& offering, long long read_version) override;
  std::optional<domain::Offering> find(const std::string& id) override;
  std::vector<domain::Offering> list_for_category(const std::string& category_id) override;
  std::vector<domain::Offering> list_for_provider(const std::string& provider_id) override;
  bool take_place(const std::string& offering_id) override;
  void return_place(const std::string& offering_id) override;
  void set_free_places(const std::string& offering_id, int free_places) override;

 private:
  std::vector<domain::Offering> select(const std::string& where, const std::string& value);
  soci::session& sql_;
};

class SociCustomers final : public domain::CustomerRepository {
 public:
  explicit SociCustomers(soci::session& sql) : sql_(sql) {}
  void add(const domain::Customer& customer) override;
  void update(const domain::Customer& customer) override;
  std::optional<domain::Customer> find(const std::string& id) override;
  std::vector<domain::Customer> find_many(const std::vector<std::string>& ids) override;
  std::optional<domain::Customer> find_by_reference(const std::string& coaching_unit_id,
                                                    const std::string& reference) override;
  void add_consent(const domain::Consent& consent) override;
  void update_consent(const domain::Consent& consent) override;
  std::vector<domain::Consent> consents(const std::string& customer_id) override;

 private:
  soci::session& sql_;
};

class SociChoiceSets final : public domain::ChoiceSetRepository {
 public:
  explicit SociChoiceSets(soci::session& sql) : sql_(sql) {}
  void add(const domain::ChoiceSet& set) override;
  std::optional<domain::ChoiceSet> find(const std::string& id) override;
  std::optional<domain::ChoiceSet> find_with_entry(const std::string& id,
                                                   const std::string& offering_id) override;
  bool claim(const std::string& set_id, const std::string& order_id) override;

 private:
  soci::session& sql_;
};

class SociOrders final : public domain::OrderRepository {
 public:
  explicit SociOrders(soci::session& sql) : sql_(sql) {}
  void add(const domain::Order& order) override;
  void update(const domain::Order& order) override;
  std::optional<domain::Order> find(const std::string& id) override;
  std::optional<domain::Order> find_by_idempotency_key(const std::string& coaching_unit_id,
                                                       const std::string& key) override;
  std::vector<domain::Order> list(const domain::OrderQuery& query) override;
  std::vector<domain::OrderFacts> facts(const domain::OrderQuery& query) override;
  std::vector<domain::OrderTally> tallies(const domain::TallyQuery& query) override;
  std::vector<domain::ChoiceRecordCounts> choice_record_counts(
      const std::string& category_id, domain::Timestamp placed_from) override;

  void put_closing_report(const domain::ClosingReport& report) override;
  std::optional<domain::ClosingReport> closing_report(const std::string& order_id) override;

  void add_outcome(const domain::OutcomeRecord& outcome) override;
  std::vector<domain::OutcomeRecord> outcomes(const std::string& order_id) override;

  void add_feedback_token(const domain::FeedbackToken& token) override;
  std::optional<domain::FeedbackToken> find_feedback_token(const std::string& token_hash) override;
  bool use_feedback_token(const std::string& token_hash, domain::Timestamp at) override;
  void add_feedback(const domain::Feedback& feedback) override;
  std::vector<domain::Feedback> feedback_for_order(const std::string& order_id) override;
  std::vector<domain::Feedback> feedback_for_provider(const std::string& provider_id,
                                                      std::size_t limit) override;

 private:
  template <class Change>
  void follow(const std::string& order_id, Change&& change);
  soci::session& sql_;
};

}  // namespace tarjotin::storage
