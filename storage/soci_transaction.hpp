#pragma once
#include <soci/soci.h>

#include "domain/ports.hpp"
#include "storage/accounts_repository.hpp"
#include "storage/audit_repository.hpp"

namespace tarjotin::storage {

// The domain's view of one open SOCI transaction.
class SociTransaction final : public domain::Transaction {
 public:
  explicit SociTransaction(soci::session& sql)
      : organisations_(sql), users_(sql), sessions_(sql), audit_(sql) {}

  domain::OrganisationRepository& organisations() override { return organisations_; }
  domain::UserRepository& users() override { return users_; }
  domain::SessionRepository& sessions() override { return sessions_; }
  domain::AuditTrail& audit() override { return audit_; }

 private:
  SociOrganisations organisations_;
  SociUsers users_;
  SociSessions sessions_;
  SociAuditTrail audit_;
};

}  // namespace tarjotin::storage
