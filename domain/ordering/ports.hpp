#pragma once
// What ordering needs from storage: its repositories, as seen inside one transaction
// (domain/ports.hpp), and the shapes of the questions it asks them. storage/ordering/ implements
// them.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "domain/ordering/entities.hpp"
#include "domain/time.hpp"

namespace tarjotin::domain {

class OfferingRepository {
 public:
  virtual ~OfferingRepository() = default;
  virtual void add(const Offering& offering) = 0;
  // Writes every field but free_places, and offering.version as the new version, if the stored
  // version is still `read_version`: false, writing nothing, when another change came first.
  virtual bool update(const Offering& offering, long long read_version) = 0;
  virtual std::optional<Offering> find(const std::string& id) = 0;
  virtual std::vector<Offering> list_for_category(const std::string& category_id) = 0;
  virtual std::vector<Offering> list_for_provider(const std::string& provider_id) = 0;
  // Each of the three below moves the offering's version on by one.
  // Takes one free place if there is one, atomically; false when none was left.
  virtual bool take_place(const std::string& offering_id) = 0;
  virtual void return_place(const std::string& offering_id) = 0;
  virtual void set_free_places(const std::string& offering_id, int free_places) = 0;
};

class CustomerRepository {
 public:
  virtual ~CustomerRepository() = default;
  virtual void add(const Customer& customer) = 0;
  virtual void update(const Customer& customer) = 0;
  virtual std::optional<Customer> find(const std::string& id) = 0;
  // Those of `ids` that exist, in no particular order: a page of orders' customers in one read.
  virtual std::vector<Customer> find_many(const std::vector<std::string>& ids) = 0;
  virtual std::optional<Customer> find_by_reference(const std::string& coaching_unit_id,
                                                    const std::string& reference) = 0;
  virtual void add_consent(const Consent& consent) = 0;
  virtual void update_consent(const Consent& consent) = 0;
  virtual std::vector<Consent> consents(const std::string& customer_id) = 0;
};

class ChoiceSetRepository {
 public:
  virtual ~ChoiceSetRepository() = default;
  virtual void add(const ChoiceSet& set) = 0;  // with its entries
  virtual std::optional<ChoiceSet> find(const std::string& id) = 0;
  // The set with only the entry of `offering_id` (none when the set did not show it): what an
  // order from it needs, without reading the whole list.
  virtual std::optional<ChoiceSet> find_with_entry(const std::string& id,
                                                   const std::string& offering_id) = 0;
  // Records that the set backs `order_id`, unless it already backs an order: false then. One
  // conditional update, so two concurrent orders from one set cannot both claim it.
  virtual bool claim(const std::string& set_id, const std::string& order_id) = 0;
};

// Where a list of orders (newest first, ties by id) goes on: after this order.
struct OrderCursor {
  Timestamp placed_at;
  std::string id;
  bool operator==(const OrderCursor&) const = default;
};

struct OrderQuery {
  std::string provider_id;                 // empty: any
  std::string coaching_unit_id;            // empty: any
  std::string category_id;                 // empty: any
  std::string dps_id;                      // empty: any
  std::string customer_id;                 // empty: any
  std::optional<Timestamp> placed_from;    // inclusive
  std::optional<Timestamp> placed_until;   // exclusive
  std::optional<OrderState> state;         // none: any
  std::optional<Timestamp> updated_since;  // inclusive: what changed since a client last looked
  std::optional<OrderCursor> after;        // none: from the newest
  std::size_t limit = 0;                   // 0: all
};

// A provider's record in one category as a choice set shows it, in counts the database sums, so
// making a set reads one row per provider however many orders the year holds.
struct ChoiceRecordCounts {
  std::string provider_id;
  int orders = 0;
  int ended = 0;  // completed or interrupted
  int completed = 0;
  // Each order's latest customer score, by NPS group.
  int promoters = 0;   // 9–10
  int passives = 0;    // 7–8
  int detractors = 0;  // 0–6
  bool operator==(const ChoiceRecordCounts&) const = default;
};

// One order with what a scorecard or report needs from around it, read in one query.
struct OrderFacts {
  Order order;
  std::optional<OutcomeType> outcome;  // the latest confirmed one
  std::optional<int> customer_score;
  std::optional<int> coach_score;
};

// What the officer's reports need of a group of orders of one provider in one category, placed
// in one Helsinki month, for customers of one unemployment × age cell: counts and exact integer
// sums, so that groups add up to their union and the database keeps them per day beside the
// orders (storage/ordering/order_tallies.hpp) instead of a report visiting every order.
struct OrderTally {
  std::string category_id;
  std::string provider_id;
  std::string month;  // "YYYY-MM", Helsinki time of placing
  UnemploymentBand unemployment = UnemploymentBand::under_3_months;
  AgeBand age = AgeBand::from_30_to_54;
  int orders = 0;
  int accepted = 0;  // ever accepted, whatever happened next
  int declined = 0;
  int decided = 0;  // accepted or declined
  int ended = 0;    // completed or interrupted
  int completed = 0;
  std::array<int, kOutcomeTypeCount> outcomes{};  // by each order's latest confirmed outcome
  int promoters = 0;                              // by each order's latest customer score
  int passives = 0;
  int detractors = 0;
  int coach_ratings = 0;  // orders with a coach's score, and the sum of their latest scores
  long long coach_total = 0;
  int started = 0;  // orders started, and the sum of their microseconds from placing to start
  long long micros_to_start = 0;
  long long payable_cents = 0;
  bool operator==(const OrderTally&) const = default;
};

// Orders placed on the whole Helsinki days [first_day, end_day) of one category or of every
// category of one DPS.
struct TallyQuery {
  std::string category_id;  // empty: any
  std::string dps_id;       // empty: any
  Date first_day{};
  Date end_day{};
};

class OrderRepository {
 public:
  virtual ~OrderRepository() = default;
  virtual void add(const Order& order) = 0;
  virtual void update(const Order& order) = 0;
  virtual std::optional<Order> find(const std::string& id) = 0;
  virtual std::optional<Order> find_by_idempotency_key(const std::string& coaching_unit_id,
                                                       const std::string& key) = 0;
  virtual std::vector<Order> list(const OrderQuery& query) = 0;  // newest first
  virtual std::vector<OrderFacts> facts(const OrderQuery& query) = 0;
  // The tallies of the orders `query` names, one per category, provider, month and customer cell.
  virtual std::vector<OrderTally> tallies(const TallyQuery& query) = 0;
  // Per provider with orders in the category placed at or after `placed_from`, by provider id.
  virtual std::vector<ChoiceRecordCounts> choice_record_counts(const std::string& category_id,
                                                               Timestamp placed_from) = 0;

  virtual void put_closing_report(const ClosingReport& report) = 0;  // insert or replace
  virtual std::optional<ClosingReport> closing_report(const std::string& order_id) = 0;

  virtual void add_outcome(const OutcomeRecord& outcome) = 0;
  virtual std::vector<OutcomeRecord> outcomes(const std::string& order_id) = 0;  // oldest first

  virtual void add_feedback_token(const FeedbackToken& token) = 0;
  virtual std::optional<FeedbackToken> find_feedback_token(const std::string& token_hash) = 0;
  // Marks an unused token used; false when it had been used already.
  virtual bool use_feedback_token(const std::string& token_hash, Timestamp at) = 0;
  virtual void add_feedback(const Feedback& feedback) = 0;
  virtual std::vector<Feedback> feedback_for_order(const std::string& order_id) = 0;
  // Newest first, at most `limit`.
  virtual std::vector<Feedback> feedback_for_provider(const std::string& provider_id,
                                                      std::size_t limit) = 0;
};

}  // namespace tarjotin::domain
