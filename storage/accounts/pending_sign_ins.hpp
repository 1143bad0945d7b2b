#pragma once
#include <soci/soci.h>

#include "domain/accounts/pending_sign_ins.hpp"

namespace tarjotin::storage {

class SociPendingSignIns final : public domain::PendingSignInRepository {
 public:
  explicit SociPendingSignIns(soci::session& sql) : sql_(sql) {}
  void add(const domain::PendingSignIn& pending) override;
  std::optional<domain::PendingSignIn> take(const std::string& state_hash) override;
  long long purge_expired(domain::Timestamp now) override;

 private:
  soci::session& sql_;
};

}  // namespace tarjotin::storage
