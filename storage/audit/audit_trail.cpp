#include "storage/audit/audit_trail.hpp"

#include "crypto/crypto.hpp"
#include "storage/database.hpp"
#include "storage/row_values.hpp"

namespace tarjotin::storage {
namespace {

void field(std::string& out, const std::string& value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
  out += ';';
}

struct Head {
  long long seq = 0;
  std::string hash;
};

Head read_head(soci::session& sql) {
  Head head;
  sql << "SELECT CAST(seq AS BIGINT), hash FROM audit_head WHERE id = 1", soci::into(head.seq),
      soci::into(head.hash);
  return head;
}

}  // namespace

std::string audit_hash(long long seq, const domain::AuditEvent& e, const std::string& prev_hash) {
  std::string text;
  field(text, std::to_string(seq));
  field(text, std::to_string(domain::to_micros(e.at)));
  field(text, e.actor_user_id);
  field(text, e.actor_organisation_id);
  field(text, e.action);
  field(text, e.object_type);
  field(text, e.object_id);
  field(text, e.before);
  field(text, e.after);
  field(text, prev_hash);
  return crypto::sha256_hex(text);
}

void SociAuditTrail::append(const domain::AuditEvent& e) {
  // The write transaction already holds the head (SQLite's single writer, or the row lock taken
  // at BEGIN on PostgreSQL), so nobody else can take the same sequence number.
  const Head head = read_head(sql_);
  const long long seq = head.seq + 1;
  const std::string hash = audit_hash(seq, e, head.hash);
  const long long at = domain::to_micros(e.at);
  sql_ << "INSERT INTO audit_events (seq, at, actor_user_id, actor_organisation_id, action, "
          "object_type, object_id, before_state, after_state, prev_hash, hash) VALUES (:seq, :at, "
          ":user, :org, :action, :type, :id, :before, :after, :prev, :hash)",
      soci::use(seq), soci::use(at), soci::use(e.actor_user_id), soci::use(e.actor_organisation_id),
      soci::use(e.action), soci::use(e.object_type), soci::use(e.object_id), soci::use(e.before),
      soci::use(e.after), soci::use(head.hash), soci::use(hash);
  sql_ << "UPDATE audit_head SET seq = :seq, hash = :hash WHERE id = 1", soci::use(seq),
      soci::use(hash);
}

std::vector<domain::RecordedEvent> SociAuditTrail::after(long long seq, std::size_t limit) {
  const long long n = static_cast<long long>(limit);
  std::vector<domain::RecordedEvent> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT CAST(seq AS BIGINT), CAST(at AS BIGINT), actor_user_id, "
                       "actor_organisation_id, action, object_type, object_id, before_state, "
                       "after_state FROM audit_events WHERE seq > :seq ORDER BY seq LIMIT :n",
       soci::use(seq), soci::use(n));
  for (const auto& r : rows) {
    domain::RecordedEvent e;
    e.seq = int64_at(r, 0);
    e.event.at = domain::from_micros(int64_at(r, 1));
    e.event.actor_user_id = r.get<std::string>(2);
    e.event.actor_organisation_id = r.get<std::string>(3);
    e.event.action = r.get<std::string>(4);
    e.event.object_type = r.get<std::string>(5);
    e.event.object_id = r.get<std::string>(6);
    e.event.before = r.get<std::string>(7);
    e.event.after = r.get<std::string>(8);
    out.push_back(std::move(e));
  }
  return out;
}

AuditVerification verify_audit_chain(soci::session& sql) {
  AuditVerification result;
  const Head head = read_head(sql);
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT CAST(seq AS BIGINT), CAST(at AS BIGINT), actor_user_id, "
                      "actor_organisation_id, action, object_type, object_id, before_state, "
                      "after_state, prev_hash, hash FROM audit_events ORDER BY seq");
  std::string prev;
  long long expected_seq = 1;
  auto broken = [&](long long seq, std::string problem) {
    result.intact = false;
    result.first_broken_seq = seq;
    result.problem = std::move(problem);
  };
  for (const auto& r : rows) {
    const long long seq = int64_at(r, 0);
    domain::AuditEvent e;
    e.at = domain::from_micros(int64_at(r, 1));
    e.actor_user_id = r.get<std::string>(2);
    e.actor_organisation_id = r.get<std::string>(3);
    e.action = r.get<std::string>(4);
    e.object_type = r.get<std::string>(5);
    e.object_id = r.get<std::string>(6);
    e.before = r.get<std::string>(7);
    e.after = r.get<std::string>(8);
    const std::string stored_prev = r.get<std::string>(9);
    const std::string stored_hash = r.get<std::string>(10);
    ++result.events;
    if (seq != expected_seq) {
      broken(expected_seq, "event " + std::to_string(expected_seq) + " is missing");
      return result;
    }
    if (stored_prev != prev) {
      broken(seq, "event " + std::to_string(seq) + " does not link to the event before it");
      return result;
    }
    if (audit_hash(seq, e, stored_prev) != stored_hash) {
      broken(seq, "event " + std::to_string(seq) + " was changed after it was written");
      return result;
    }
    prev = stored_hash;
    ++expected_seq;
  }
  if (head.seq != expected_seq - 1 || head.hash != prev)
    broken(expected_seq, "the chain ends at event " + std::to_string(expected_seq - 1) +
                             " but its head says " + std::to_string(head.seq) +
                             ": events were removed from the end");
  return result;
}

}  // namespace tarjotin::storage
