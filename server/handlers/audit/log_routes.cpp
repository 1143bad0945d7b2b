// The verifiable audit log over HTTP, for auditors who check it without the database: its public
// key, the latest signed checkpoint, the events as the caller may see them, and the proofs.
// Anyone may read them; a signed-in caller sees more of the events it may see in the change feed.
#include "domain/audit/log.hpp"
#include "server/api.hpp"
#include "server/handlers/audit/json.hpp"
#include "server/handlers/audit/query_numbers.hpp"
#include "server/handlers/paging.hpp"
#include "server/handlers/reply.hpp"

namespace tarjotin::server {
namespace {

constexpr const char* kNumber = "a whole number";

Reply signing_off(const Exchange& ex) {
  return to_reply(problem(503, "audit-signing-off",
                          "this server has no audit signing key (--audit-signing-key-file), so "
                          "it makes no signed checkpoints"),
                  ex.request_id);
}

// Both numbers a proof is asked for; a missing one is refused like one out of range (0).
domain::Result<std::pair<long long, long long>> two_numbers(const Exchange& ex, const char* a,
                                                            const char* b) {
  const auto first = whole_number(ex, a, kNumber);
  if (!first) return first.error();
  const auto second = whole_number(ex, b, kNumber);
  if (!second) return second.error();
  return std::pair{first->value_or(0), second->value_or(0)};
}

}  // namespace

void add_audit_log_routes(Router& router, Services& s) {
  auto& a = s.audit;
  router.add({http::verb::get, "/v1/audit/public-key", "readAuditPublicKey", Guard::open(), "",
              [&a](Exchange& ex) {
                if (!a.signer) return signing_off(ex);
                return written(200, [&](JsonWriter& w) { write_json(w, a.signer->public_key()); });
              }});
  router.add({http::verb::get, "/v1/audit/checkpoint", "readAuditCheckpoint", Guard::open(), "",
              [&a](Exchange& ex) {
                if (!a.signer) return signing_off(ex);
                return answer(domain::current_checkpoint(a), ex, 200);
              }});
  router.add(
      {http::verb::get, "/v1/audit/events", "readAuditEvents", Guard::public_read(), "",
       [&a](Exchange& ex) {
         const auto page = page_params(ex);
         if (!page) return refused(page.error(), ex);
         const auto from = whole_number(ex, "from", kNumber);
         if (!from) return refused(from.error(), ex);
         const auto events = domain::read_log(a, ex.maybe_who(), from->value_or(1), page->limit);
         if (!events) return refused(events.error(), ex);
         std::optional<std::string> next;
         if (events->next) next = std::to_string(*events->next);
         return written(200, [&](JsonWriter& w) {
           write_page(
               w, events->items,
               [](JsonWriter& out, const domain::PublishedEvent& e) { write_json(out, e); }, next);
         });
       }});
  router.add({http::verb::get, "/v1/audit/inclusion-proof", "proveAuditInclusion", Guard::open(),
              "", [&a](Exchange& ex) {
                const auto n = two_numbers(ex, "seq", "tree_size");
                if (!n) return refused(n.error(), ex);
                return answer(domain::prove_inclusion(a, n->first, n->second), ex, 200);
              }});
  router.add({http::verb::get, "/v1/audit/consistency-proof", "proveAuditConsistency",
              Guard::open(), "", [&a](Exchange& ex) {
                const auto n = two_numbers(ex, "first", "second");
                if (!n) return refused(n.error(), ex);
                return answer(domain::prove_consistency(a, n->first, n->second), ex, 200);
              }});
}

}  // namespace tarjotin::server
