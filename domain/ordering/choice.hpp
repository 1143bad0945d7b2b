#pragma once
// The customer's choice: a list of the offerings that fit them, shuffled so that no provider is
// favoured by its place on it, each with its price and its provider's record, stored as shown
// so that anyone who oversees the DPS can replay what the customer saw.

#include <optional>
#include <string>
#include <vector>

#include "domain/identity.hpp"
#include "domain/ordering/entities.hpp"
#include "domain/ordering/services.hpp"
#include "domain/result.hpp"

namespace tarjotin::domain {

struct ChoiceSetInput {
  std::string category_id;
  std::string customer_id;
  std::optional<Date> start_by;  // none: any start
};

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
                                      ChoiceSetInput input);
Result<ChoiceSetView> read_choice_set(OrderingServices& s, const Actor& actor,
                                      const std::string& choice_set_id);

}  // namespace tarjotin::domain
