// Offerings, whose free places change only through statements of their own.
#include "storage/ordering/repositories.hpp"

#include "storage/ordering/tables.hpp"

namespace tarjotin::storage {

using namespace ordering_tables;

void SociOfferings::add(const domain::Offering& o) { kOfferings.insert(sql_, o); }

bool SociOfferings::update(const domain::Offering& o, long long read_version) {
  // The compare-and-set comes first: on PostgreSQL it locks the row, so no order can take a
  // place between it and the write of the other fields.
  if (rows_changed(sql_, "UPDATE offerings SET version = :next WHERE id = :id AND version = :read",
                   o.version, o.id, read_version) != 1)
    return false;
  kOfferings.update(sql_, o);
  return true;
}

std::vector<domain::Offering> SociOfferings::select(const std::string& where,
                                                    const std::string& value) {
  return kOfferings.find_all(sql_, where + " ORDER BY created_at, id", value);
}

std::optional<domain::Offering> SociOfferings::find(const std::string& id) {
  auto found = select("WHERE id = :v", id);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<domain::Offering> SociOfferings::list_for_category(const std::string& category_id) {
  return select("WHERE category_id = :v", category_id);
}

std::vector<domain::Offering> SociOfferings::list_for_provider(const std::string& provider_id) {
  return select("WHERE provider_id = :v", provider_id);
}

bool SociOfferings::take_place(const std::string& offering_id) {
  // One conditional statement, so two transactions can never both take the last place.
  return rows_changed(sql_,
                      "UPDATE offerings SET free_places = free_places - 1, version = version + 1 "
                      "WHERE id = :id AND free_places > 0",
                      offering_id) == 1;
}

void SociOfferings::return_place(const std::string& offering_id) {
  rows_changed(sql_,
               "UPDATE offerings SET free_places = free_places + 1, version = version + 1 "
               "WHERE id = :id",
               offering_id);
}

void SociOfferings::set_free_places(const std::string& offering_id, int free_places) {
  rows_changed(sql_, "UPDATE offerings SET free_places = :n, version = version + 1 WHERE id = :id",
               free_places, offering_id);
}

}  // namespace tarjotin::storage
