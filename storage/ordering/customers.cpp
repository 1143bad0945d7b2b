// Customers and their consents.
#include "storage/ordering/repositories.hpp"

#include "storage/ordering/tables.hpp"

namespace tarjotin::storage {

using namespace ordering_tables;

void SociCustomers::add(const domain::Customer& c) { kCustomers.insert(sql_, c); }

void SociCustomers::update(const domain::Customer& c) { kCustomers.update(sql_, c); }

std::optional<domain::Customer> SociCustomers::find(const std::string& id) {
  return kCustomers.find_one(sql_, "WHERE id = :id", id);
}

std::vector<domain::Customer> SociCustomers::find_many(const std::vector<std::string>& ids) {
  return kCustomers.find_in(sql_, "id", ids);
}

std::optional<domain::Customer> SociCustomers::find_by_reference(
    const std::string& coaching_unit_id, const std::string& reference) {
  return kCustomers.find_one(sql_, "WHERE coaching_unit_id = :unit AND reference = :ref",
                             coaching_unit_id, reference);
}

void SociCustomers::add_consent(const domain::Consent& c) { kConsents.insert(sql_, c); }

void SociCustomers::update_consent(const domain::Consent& c) { kConsents.update(sql_, c); }

std::vector<domain::Consent> SociCustomers::consents(const std::string& customer_id) {
  return kConsents.find_all(sql_, "WHERE customer_id = :c ORDER BY given_at, id", customer_id);
}

}  // namespace tarjotin::storage
