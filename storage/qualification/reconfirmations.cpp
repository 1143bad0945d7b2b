#include "storage/qualification/reconfirmations.hpp"

#include "storage/qualification/tables.hpp"

namespace tarjotin::storage {

using namespace qualification_tables;

void SociReconfirmations::add_request(const domain::ReconfirmationRequest& q) {
  kReconfirmationRequests.insert(sql_, q);
}

std::optional<domain::ReconfirmationRequest> SociReconfirmations::find_request(
    const std::string& id) {
  return kReconfirmationRequests.find_one(sql_, "WHERE id = :id", id);
}

void SociReconfirmations::put(const domain::Reconfirmation& r) {
  if (!kReconfirmations.update(sql_, r)) kReconfirmations.insert(sql_, r);
}

std::optional<domain::Reconfirmation> SociReconfirmations::find(const std::string& request_id,
                                                                const std::string& provider_id) {
  return kReconfirmations.find_one(sql_, "WHERE request_id = :r AND provider_id = :p", request_id,
                                   provider_id);
}

std::vector<domain::Reconfirmation> SociReconfirmations::list_for_request(
    const std::string& request_id) {
  return kReconfirmations.find_all(sql_, "WHERE request_id = :v ORDER BY provider_id", request_id);
}

std::vector<domain::Reconfirmation> SociReconfirmations::list_pending_for_provider(
    const std::string& provider_id) {
  return kReconfirmations.find_all(
      sql_, "WHERE provider_id = :v AND state = 'pending' ORDER BY request_id", provider_id);
}

std::vector<domain::Reconfirmation> SociReconfirmations::list_lapsing(domain::Date day,
                                                                      std::size_t limit) {
  std::vector<domain::Reconfirmation> out;
  kReconfirmations.each(
      sql_,
      "SELECT " + kReconfirmations.columns("r") +
          " FROM reconfirmations r JOIN reconfirmation_requests q ON q.id = r.request_id WHERE "
          "r.state = 'pending' AND q.due < :d ORDER BY q.due, r.request_id, r.provider_id "
          "LIMIT :n",
      [&](domain::Reconfirmation r) { out.push_back(std::move(r)); }, day,
      static_cast<long long>(limit));
  return out;
}

}  // namespace tarjotin::storage
