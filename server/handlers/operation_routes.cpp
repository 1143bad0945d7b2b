// What operators and tools read: liveness, readiness, metrics and the API description.
#include <rapidjson/document.h>

#include "crypto/crypto.hpp"
#include "server/api.hpp"
#include "server/json.hpp"
#include "server/problem.hpp"
#include "storage/database.hpp"

namespace tarjotin::server {

void add_operations_routes(Router& router, Services& s, const std::string& openapi) {
  router.add({http::verb::get, "/healthz", "health", Guard::open(), "",
              [](Exchange&) { return json_reply(200, R"({"status":"ok"})"); }});

  router.add(
      {http::verb::get, "/readyz", "readiness", Guard::open(), "", [&s](Exchange& ex) {
         if (s.stopping.load())
           return to_reply(
               problem(503, "stopping", "this replica is stopping; it finishes what it holds"),
               ex.request_id);
         if (!s.db.ping())
           return to_reply(problem(503, "database-unreachable", "the database does not answer"),
                           ex.request_id);
         const auto m = s.db.migration_status();
         if (m.current != m.latest)
           return to_reply(
               problem(503, "migrations-pending",
                       "the database schema is at version " + std::to_string(m.current) +
                           ", this build needs " + std::to_string(m.latest)),
               ex.request_id);
         // Reads still work while writes fail (a full disk): the replica stays in the
         // balancer and says what is wrong.
         const auto trouble = s.db.write_trouble();
         return json_reply(
             200, R"({"status":"ready","schema_version":)" + std::to_string(m.current) +
                      (trouble.empty() ? "" : R"(,"writes_failing":")" + trouble + R"(")") + "}");
       }});

  // For the operator's scraper only, with the token of --metrics-token-file: request counts
  // and the database's commit counters say what people are doing, which is nobody else's
  // business. Without a configured token the route does not exist.
  router.add({http::verb::get, "/metrics", "metrics", Guard::open(), "", [&s](Exchange& ex) {
                if (s.metrics_token_hash.empty())
                  return to_reply(problem(404, "no-route", "there is no resource at this path"),
                                  ex.request_id);
                const auto token = bearer_token(ex.request);
                if (!token || !crypto::constant_time_equal(crypto::sha256_hex(*token),
                                                           s.metrics_token_hash)) {
                  Problem p = problem(401, "unauthenticated", "metrics need the operator's token");
                  p.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"tarjotin-metrics\"");
                  return to_reply(p, ex.request_id);
                }
                Reply r{200, s.metrics.render(), "text/plain; version=0.0.4", {}};
                return r;
              }});

  router.add({http::verb::get, "/v1/openapi.json", "openapi", Guard::open(), "",
              [&openapi](Exchange&) { return json_reply(200, openapi); }});
}

}  // namespace tarjotin::server
