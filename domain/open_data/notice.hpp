#pragma once
// Notice data for the notice service (Hilma, TED eSender): the DPS's contract notice and its
// award data as eForms business terms, each under the eForms SDK's field identifier and name
// (BT-766-Lot, "Dynamic Purchasing System"). An export the notice service completes and
// submits, not a submission: what Tarjotin does not hold (CPV codes, places of performance,
// contact points) is the sender's to add.

#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "domain/open_data/entities.hpp"

namespace tarjotin::domain::notice {

// A text in several languages, each under its eForms language code ("FIN", "SWE", "ENG").
struct Text {
  std::vector<std::pair<std::string, std::string>> by_language;
  bool operator==(const Text&) const = default;
};

// One business term: the SDK's field id and name, and a code or identifier, a text, or a date.
struct Field {
  std::string id;
  std::string name;
  std::variant<std::string, Text, Date> value;
  bool operator==(const Field&) const = default;
};
using Fields = std::vector<Field>;

// The result of one lot: whether winners were chosen, and each winner.
struct LotResult {
  Fields fields;
  std::vector<Fields> winners;
  bool operator==(const LotResult&) const = default;
};

struct Notice {
  Fields notice;                      // the notice's own terms: type, form, legal basis, language
  Fields procedure;                   // the DPS as a procedure
  std::vector<Fields> lots;           // one per category
  std::vector<Fields> organisations;  // the buyer first, then winners
  std::vector<LotResult> results;     // award data only
  bool operator==(const Notice&) const = default;
};

// The contract notice setting up the DPS.
Notice dps_notice(const PublicDps& dps);
// The award data: the providers admitted to each category, as the lot's winners.
Notice dps_award_notice(const PublicDps& dps);

}  // namespace tarjotin::domain::notice
