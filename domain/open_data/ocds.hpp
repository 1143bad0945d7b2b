#pragma once
// Open Contracting (OCDS 1.1) releases, with the lots and techniques extensions: a DPS is one
// contracting process (the DPS as a tender, its categories as lots, each admission a
// qualification award); each order placed by customer choice and each mini-competition is a
// contracting process of its own, related to the DPS as to its framework. Only what OCDS names
// is modelled, and a field left empty is left out of the published release.

#include <optional>
#include <string>
#include <vector>

#include "domain/open_data/entities.hpp"

namespace tarjotin::domain::ocds {

// A moment as published: exact, or only the Helsinki day it fell on. Orders are published by the
// day: with a provider and a category, the minute an order was placed could point at a person.
struct Moment {
  Timestamp at{};
  bool day_only = false;
  bool operator==(const Moment&) const = default;
};

struct Reference {  // OrganizationReference
  std::string id;
  std::string name;
  bool operator==(const Reference&) const = default;
};

struct Identifier {
  std::string scheme;  // org-id.guide list code, e.g. "FI-PRO"
  std::string id;
  std::string legal_name;
  bool operator==(const Identifier&) const = default;
};

struct Party {
  std::string id;
  std::string name;
  std::optional<Identifier> identifier;
  std::vector<std::string> roles;  // partyRole codes
  bool operator==(const Party&) const = default;
};

struct Value {  // always in euros
  long long cents = 0;
  bool operator==(const Value&) const = default;
};

struct Period {
  std::optional<Moment> start;
  std::optional<Moment> end;
  bool operator==(const Period&) const = default;
};

struct Item {
  std::string id;
  std::string description;
  bool operator==(const Item&) const = default;
};

struct Lot {
  std::string id;
  LocalisedText title;  // "title", "title_sv", "title_en"
  std::string description;
  std::string status;
  bool operator==(const Lot&) const = default;
};

struct Tender {
  std::string id;
  std::string title;
  std::string description;
  std::string status;
  std::optional<Reference> procuring_entity;
  std::string procurement_method;
  std::string procurement_method_details;
  std::string main_procurement_category;
  std::optional<bool> competitive;  // techniques: a call-off from a framework, competed or not
  std::string award_criteria;
  std::string award_criteria_details;
  std::optional<Period> tender_period;
  std::optional<Period> enquiry_period;
  std::optional<Period> contract_period;
  std::optional<int> number_of_tenderers;
  std::vector<Item> items;
  std::vector<Lot> lots;
  // techniques: a DPS open to any provider that qualifies, in this dynamicPurchasingSystemStatus.
  std::string dynamic_purchasing_system_status;
  bool operator==(const Tender&) const = default;
};

struct Award {
  std::string id;
  std::string status;
  std::optional<Moment> date;
  std::optional<Value> value;
  std::vector<Reference> suppliers;
  std::vector<std::string> related_lots;
  bool operator==(const Award&) const = default;
};

struct Transaction {
  std::string id;
  std::optional<Moment> date;
  Value value;
  Reference payer;
  Reference payee;
  bool operator==(const Transaction&) const = default;
};

struct Milestone {
  std::string id;
  std::string type;
  std::string status;
  std::optional<Moment> date_met;
  bool operator==(const Milestone&) const = default;
};

struct Contract {
  std::string id;
  std::string award_id;
  std::string status;
  std::optional<Value> value;
  std::optional<Moment> date_signed;
  std::optional<Period> period;
  std::vector<Transaction> transactions;  // implementation
  std::vector<Milestone> milestones;      // implementation
  bool operator==(const Contract&) const = default;
};

struct RelatedProcess {
  std::string id;
  std::string relationship;  // relatedProcess code
  std::string scheme;        // relatedProcessScheme code: "ocid"
  std::string identifier;
  std::string title;
  std::vector<std::string> related_lots;
  bool operator==(const RelatedProcess&) const = default;
};

struct Release {
  std::string ocid;
  std::string id;
  Moment date;
  std::vector<std::string> tags;  // releaseTag codes
  std::string initiation_type = "tender";
  std::string language;  // of the texts, ISO 639-1
  std::vector<Party> parties;
  std::optional<Reference> buyer;
  std::optional<Tender> tender;
  std::vector<Award> awards;
  std::vector<Contract> contracts;
  std::vector<RelatedProcess> related_processes;
  bool operator==(const Release&) const = default;
};

// The DPS's own release: the DPS as a tender, its categories as lots, its authority as buyer and
// procuring entity, and each provider's admission to a category as an award.
Release dps_release(const PublicDps& dps, const std::string& ocid_prefix);

// An order as a call-off: its own contracting process, awarded by the customer's choice, with
// the DPS as its framework; the price as the award's and the contract's value, and once the
// service was delivered the amount payable as the contract's implementation.
Release call_off_release(const CallOff& order, const PublicDps& dps,
                         const std::string& ocid_prefix);

// A mini-competition: its own contracting process with the DPS as its framework.
Release competition_release(const PublicCompetition& competition, const std::string& ocid_prefix);

// An organisation's identifier in a register org-id.guide lists: a Finnish business ID
// (Y-tunnus) under the Finnish Patent and Registration Office's "FI-PRO". Other countries'
// numbers have none until their register is known.
std::optional<Identifier> identifier_of(const PublicOrganisation& o);

// "<prefix>-<id>": an open contracting identifier under the publisher's prefix.
std::string ocid(const std::string& prefix, const std::string& id);

}  // namespace tarjotin::domain::ocds
