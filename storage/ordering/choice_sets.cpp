// Choice sets with their entries, as the customer was shown them.
#include "storage/ordering/repositories.hpp"

#include "storage/ordering/tables.hpp"

namespace tarjotin::storage {

using namespace ordering_tables;

void SociChoiceSets::add(const domain::ChoiceSet& s) {
  kChoiceSets.insert(sql_, s);
  std::vector<StoredChoiceEntry> entries;
  entries.reserve(s.entries.size());
  for (const auto& e : s.entries) entries.push_back({s.id, e});
  kChoiceSetEntries.insert_all(sql_, entries);
}

bool SociChoiceSets::claim(const std::string& set_id, const std::string& order_id) {
  return rows_changed(sql_,
                      "UPDATE choice_sets SET order_id = :order WHERE id = :id "
                      "AND order_id IS NULL",
                      order_id, set_id) == 1;
}

namespace {

// The set of `id` with those of its entries that `entries_tail` (after "WHERE choice_set_id =
// :id") selects.
template <class... Values>
std::optional<domain::ChoiceSet> set_with(soci::session& sql, const std::string& id,
                                          const std::string& entries_tail,
                                          const Values&... values) {
  auto set = kChoiceSets.find_one(sql, "WHERE id = :id", id);
  if (!set) return std::nullopt;
  for (auto& stored :
       kChoiceSetEntries.find_all(sql, "WHERE choice_set_id = :id " + entries_tail, id, values...))
    set->entries.push_back(std::move(stored.entry));
  return set;
}

}  // namespace

std::optional<domain::ChoiceSet> SociChoiceSets::find(const std::string& id) {
  return set_with(sql_, id, "ORDER BY position");
}

std::optional<domain::ChoiceSet> SociChoiceSets::find_with_entry(const std::string& id,
                                                                 const std::string& offering_id) {
  return set_with(sql_, id, "AND offering_id = :offering", offering_id);
}

}  // namespace tarjotin::storage
