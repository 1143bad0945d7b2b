#pragma once
// Re-confirmation requests and each provider's answer, on SOCI.
#include <soci/soci.h>

#include "domain/qualification/ports.hpp"

namespace tarjotin::storage {

class SociReconfirmations final : public domain::ReconfirmationRepository {
 public:
  explicit SociReconfirmations(soci::session& sql) : sql_(sql) {}
  void add_request(const domain::ReconfirmationRequest& request) override;
  std::optional<domain::ReconfirmationRequest> find_request(const std::string& id) override;
  void put(const domain::Reconfirmation& r) override;
  std::optional<domain::Reconfirmation> find(const std::string& request_id,
                                             const std::string& provider_id) override;
  std::vector<domain::Reconfirmation> list_for_request(const std::string& request_id) override;
  std::vector<domain::Reconfirmation> list_pending_for_provider(
      const std::string& provider_id) override;
  std::vector<domain::Reconfirmation> list_lapsing(domain::Date day, std::size_t limit) override;

 private:
  soci::session& sql_;
};

}  // namespace tarjotin::storage
