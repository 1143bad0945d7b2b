#pragma once
// Coaches record their customers pseudonymously, by the unit's own case reference and the coarse
// facts a choice and a fair comparison of providers need, and the customers' consents to share
// earlier services with a provider.

#include <string>
#include <vector>

#include "domain/identity.hpp"
#include "domain/ordering/entities.hpp"
#include "domain/ordering/services.hpp"
#include "domain/result.hpp"

namespace tarjotin::domain {

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

struct ConsentInput {
  std::string provider_id;
  ConsentScope scope = ConsentScope::closing_reports;
};

Result<CustomerView> create_customer(OrderingServices& s, const Actor& actor, CustomerInput input);
Result<CustomerView> edit_customer(OrderingServices& s, const Actor& actor,
                                   const std::string& customer_id, CustomerInput input);
Result<CustomerView> read_customer(OrderingServices& s, const Actor& actor,
                                   const std::string& customer_id);
Result<CustomerView> find_customer(OrderingServices& s, const Actor& actor,
                                   const std::string& reference);
// Giving a consent that stands already gives back that one.
Result<Consent> give_consent(OrderingServices& s, const Actor& actor,
                             const std::string& customer_id, ConsentInput input);
Result<Consent> withdraw_consent(OrderingServices& s, const Actor& actor,
                                 const std::string& customer_id, const std::string& consent_id);

}  // namespace tarjotin::domain
