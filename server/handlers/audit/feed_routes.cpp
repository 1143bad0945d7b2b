// The change feed over HTTP: GET /v1/feed?since=&limit=.
#include "domain/audit/change_feed.hpp"
#include "server/api.hpp"
#include "server/handlers/audit/query_numbers.hpp"
#include "server/handlers/json_fields.hpp"
#include "server/handlers/paging.hpp"
#include "server/handlers/reply.hpp"
#include "server/time_format.hpp"

namespace tarjotin::server {
namespace {

// `since`: the `next` of the previous answer, a position in the trail; none: from the start.
domain::Result<long long> since_of(const Exchange& ex) {
  const auto since =
      whole_number(ex, "since", "not a feed position: pass the `next` of the last answer");
  if (!since) return since.error();
  return since->value_or(0);
}

void write_change(JsonWriter& w, const domain::Change& c) {
  w.StartObject();
  w.Key("seq");
  w.Int64(c.seq);
  write_field(w, "at", format_timestamp(c.at));
  write_field(w, "kind", c.kind);
  write_field(w, "id", c.id);
  write_field(w, "action", c.action);
  write_field(w, "dps_id", c.dps_id);
  w.EndObject();
}

}  // namespace

void add_feed_routes(Router& router, Services& s) {
  auto& q = s.qualification;
  router.add(
      {http::verb::get, "/v1/feed", "readChanges", Guard::public_read(), "", [&q](Exchange& ex) {
         const auto page = page_params(ex);
         if (!page) return refused(page.error(), ex);
         const auto since = since_of(ex);
         if (!since) return refused(since.error(), ex);
         const auto changes = domain::read_changes(q, ex.maybe_who(), *since, page->limit);
         if (!changes) return refused(changes.error(), ex);
         return written(200, [&](JsonWriter& w) {
           write_page(w, changes->items, write_change, std::to_string(changes->next));
         });
       }});
}

}  // namespace tarjotin::server
