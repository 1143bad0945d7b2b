#include "storage/accounts/pending_sign_ins.hpp"

#include "storage/accounts/tables.hpp"

namespace tarjotin::storage {

using accounts_tables::kPendingSignIns;

void SociPendingSignIns::add(const domain::PendingSignIn& pending) {
  kPendingSignIns.insert(sql_, pending);
}

std::optional<domain::PendingSignIn> SociPendingSignIns::take(const std::string& state_hash) {
  auto found = kPendingSignIns.find_one(sql_, "WHERE state_hash = :hash", state_hash);
  if (!found) return std::nullopt;
  // Writers take turns on both databases, so the row read is the row deleted; the count says
  // so all the same, and a row another callback took first is not handed out twice.
  soci::statement st = (sql_.prepare << "DELETE FROM pending_sign_ins WHERE state_hash = :hash",
                        soci::use(state_hash));
  st.execute(true);
  if (st.get_affected_rows() != 1) return std::nullopt;
  return found;
}

long long SociPendingSignIns::purge_expired(domain::Timestamp now) {
  const long long when = domain::to_micros(now);
  soci::statement st =
      (sql_.prepare << "DELETE FROM pending_sign_ins WHERE expires_at <= :now", soci::use(when));
  st.execute(true);
  return st.get_affected_rows();
}

}  // namespace tarjotin::storage
