#pragma once
// Use cases of ordering: providers keep offerings current; coaches record pseudonymous
// customers, let them choose from a stored choice set and order; providers deliver; coaches
// record outcomes; customers give feedback with a one-time link; scorecards and reports show
// how services have gone.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "domain/identity.hpp"
#include "domain/ordering/entities.hpp"
#include "domain/ordering/scorecard.hpp"
#include "domain/paging.hpp"
#include "domain/ports.hpp"
#include "domain/qualification/ports.hpp"

namespace tarjotin::domain {

struct OrderingServices {
  Database& db;
  const Clock& clock;
  Secrets& secrets;
  std::chrono::days feedback_link_lifetime{60};
  std::chrono::days scorecard_window{365};  // what the choice set's summaries look back over
  std::chrono::days choice_set_lifetime{14};
};

// ---- offerings ----

struct OfferingInput {
  LocalisedText description;
  long long unit_price_cents = 0;
  std::map<std::string, long long> outcome_bonus_cents;
  int free_places = 0;
  std::vector<std::string> regions;
  std::vector<std::string> languages;
  Date earliest_start{};
  int typical_duration_days = 0;
  bool active = true;
};

Result<Offering> create_offering(OrderingServices& s, const Actor& actor,
                                 const std::string& category_id, OfferingInput input);
// The provider keeps its offering current, free places included.
Result<Offering> edit_offering(OrderingServices& s, const Actor& actor,
                               const std::string& offering_id, OfferingInput input);
Result<Offering> read_offering(OrderingServices& s, const Actor& actor,
                               const std::string& offering_id);
// A provider sees its own; officers, coaches, auditors and admins see every one.
Result<std::vector<Offering>> list_offerings(OrderingServices& s, const Actor& actor,
                                             const std::string& category_id);

// ---- customers ----

struct CustomerInput {
  std::string reference;
  std::string region;
  std::vector<std::string> languages;
  UnemploymentBand unemployment = UnemploymentBand::under_3_months;
  AgeBand age = AgeBand::from_30_to_54;
};

struct CustomerView {
  Customer customer;
  std::vector<Consent> consents;
};

Result<CustomerView> create_customer(OrderingServices& s, const Actor& actor, CustomerInput input);
Result<CustomerView> edit_customer(OrderingServices& s, const Actor& actor,
                                   const std::string& customer_id, CustomerInput input);
Result<CustomerView> read_customer(OrderingServices& s, const Actor& actor,
                                   const std::string& customer_id);
Result<CustomerView> find_customer(OrderingServices& s, const Actor& actor,
                                   const std::string& reference);
Result<Consent> give_consent(OrderingServices& s, const Actor& actor,
                             const std::string& customer_id, const std::string& provider_id,
                             ConsentScope scope);
Result<Consent> withdraw_consent(OrderingServices& s, const Actor& actor,
                                 const std::string& customer_id, const std::string& consent_id);

// ---- choice ----

// An offering of the category that is not on the list, and why: for the coach, never shown to
// the customer.
struct LeftOutOffering {
  std::string offering_id;
  std::string provider_id;
  std::string provider_name;
  std::vector<Ineligibility> reasons;
};

// A stored choice set as a screen shows it: each entry as stored (position, price, scorecard
// summary) with its provider's name and the offering's description, start, duration, languages
// and regions as they read now.
struct ChoiceSetView {
  ChoiceSet set;
  LocalisedText category_name;
  std::vector<std::string> provider_names;  // one per entry, in the entries' order
  std::vector<Offering> offerings;          // one per entry, in the entries' order
  std::vector<LeftOutOffering> left_out;    // the coach's view only; empty for others
};

Result<ChoiceSetView> make_choice_set(OrderingServices& s, const Actor& actor,
                                      const std::string& category_id,
                                      const std::string& customer_id, std::optional<Date> start_by);
Result<ChoiceSetView> read_choice_set(OrderingServices& s, const Actor& actor,
                                      const std::string& choice_set_id);

// ---- orders ----

struct OrderInput {
  std::string choice_set_id;
  std::string offering_id;
  bool chosen_by_customer = true;
  std::string choice_reason;
  std::string idempotency_key;  // empty: none
};

// What a screen shows beside an order's ids. Each party gets what it needs and no more: the
// unit's case reference only to the unit's coaches; the customer's service languages and
// municipality (coarse, needed to deliver the service) to them and to the provider; officers
// and auditors neither.
struct OrderNames {
  std::string provider_name;
  LocalisedText category_name;
  std::string coaching_unit_name;
  std::optional<std::string> customer_reference;
  std::optional<std::vector<std::string>> customer_languages;
  std::optional<std::string> customer_region;
};

struct OrderLine {
  Order order;
  OrderNames names;
};

struct OrderView {
  Order order;
  OrderNames names;
  std::optional<ClosingReport> closing_report;
  std::vector<OutcomeRecord> outcomes;  // confirmed and proposed, oldest first
  std::optional<OutcomeType> outcome;   // the latest confirmed
  long long payable_cents = 0;
  std::vector<Feedback> feedback;
};

struct PlacedOrder {
  OrderView view;
  bool replayed = false;  // an earlier request with the same idempotency key made it
};

Result<PlacedOrder> place_order(OrderingServices& s, const Actor& actor, OrderInput input);
Result<OrderView> read_order(OrderingServices& s, const Actor& actor, const std::string& order_id);
// Coaches see their unit's orders, providers their own, officers those under their authority's
// DPSs; `query`'s scope fields are narrowed to what the actor may see.
// One page of `limit` orders (query.limit; 0: all) and where the next page starts, if any.
Result<Page<OrderLine, OrderCursor>> list_orders(OrderingServices& s, const Actor& actor,
                                                 OrderQuery query);
Result<OrderView> change_order(OrderingServices& s, const Actor& actor, const std::string& order_id,
                               OrderAct act, const std::string& reason);

struct ClosingReportInput {
  std::string work_done;
  std::string results;
  std::string next_steps;
  bool further_support_needed = false;
  std::string further_support;
};
Result<ClosingReport> write_closing_report(OrderingServices& s, const Actor& actor,
                                           const std::string& order_id, ClosingReportInput input);
// Earlier services' closing reports for the same customer, as the provider of `order_id` may see
// them: only while the customer's consent for that provider stands.
Result<std::vector<ClosingReport>> earlier_closing_reports(OrderingServices& s, const Actor& actor,
                                                           const std::string& order_id);
// The confirmed outcomes of the customer's earlier services, under the same rule with the
// `outcomes` consent scope; the provider gets them without the coach's note.
Result<std::vector<OutcomeRecord>> earlier_outcomes(OrderingServices& s, const Actor& actor,
                                                    const std::string& order_id);

// The coach records the outcome; the provider may propose one, which the coach confirms by
// recording it. Later records (e.g. a three-month follow-up) supersede earlier ones.
Result<OutcomeRecord> record_outcome(OrderingServices& s, const Actor& actor,
                                     const std::string& order_id, OutcomeType type, Date date,
                                     const std::string& note);

// ---- feedback ----

struct FeedbackLink {
  std::string token;  // shown once, to the coach who hands it to the customer
  Timestamp expires_at{};
};
// Only the ordering unit's coaches get the link: a provider holding it could answer for the
// customer.
Result<FeedbackLink> issue_feedback_link(OrderingServices& s, const Actor& actor,
                                         const std::string& order_id);

struct FeedbackForm {
  std::string provider_name;
  LocalisedText service;  // the category's name
  bool answered = false;
  Timestamp expires_at{};
};
Result<FeedbackForm> read_feedback_form(OrderingServices& s, const std::string& token);
Result<Done> give_feedback(OrderingServices& s, const std::string& token, int score,
                           const std::string& comment, const std::string& language);
Result<Feedback> rate_provider(OrderingServices& s, const Actor& actor, const std::string& order_id,
                               int score, const std::string& comment);
// What customers and coaches said of a provider, newest first, without anything identifying a
// customer.
Result<std::vector<Feedback>> provider_feedback(OrderingServices& s, const Actor& actor,
                                                const std::string& provider_id);

// ---- scorecards and reports ----

struct Period {
  Timestamp from{};   // inclusive
  Timestamp until{};  // exclusive
};

// Officers, auditors, admins and coaches see every provider; a provider sees its own only.
Result<std::vector<Scorecard>> category_scorecards(OrderingServices& s, const Actor& actor,
                                                   const std::string& category_id, Period period);

struct SpendRow {
  std::string month;  // "YYYY-MM", Helsinki time of placing
  std::string category_id;
  std::string provider_id;
  int orders = 0;
  long long payable_cents = 0;
  LocalisedText category_name;  // so that a report reads without a lookup per row
  std::string provider_name;
};
Result<std::vector<SpendRow>> spend_report(OrderingServices& s, const Actor& actor,
                                           const std::string& dps_id, Period period);

struct PayableOrder {
  Order order;
  std::optional<OutcomeType> outcome;
  long long payable_cents = 0;
};
// Orders under a DPS with the amount payable for each; a provider sees only its own, whatever
// `provider_id` says.
Result<std::vector<PayableOrder>> payables(OrderingServices& s, const Actor& actor,
                                           const std::string& dps_id,
                                           const std::string& provider_id, Period period);

}  // namespace tarjotin::domain
