#pragma once
// The HTTP application: request in, response out, with the middleware every route shares
// (request id, routing, authentication, role guard, body validation, error mapping, access log,
// metrics). Transport-agnostic: the TLS and plain sessions both call handle().

#include <rapidjson/document.h>

#include <optional>
#include <string>

#include "domain/accounts/sessions.hpp"
#include "domain/accounts/users.hpp"
#include "domain/audit/log.hpp"
#include "domain/competition/services.hpp"
#include "domain/ordering/services.hpp"
#include "domain/qualification/services.hpp"
#include "server/config.hpp"
#include "server/http_types.hpp"
#include "server/log.hpp"
#include "server/metrics.hpp"
#include "server/router.hpp"
#include "server/schema_registry.hpp"
#include "server/web_site.hpp"

namespace tarjotin::storage {
class SociDatabase;
}

namespace tarjotin::server {

// What open data is published under (server/handlers/open_data/).
struct OpenDataSettings {
  std::string ocid_prefix = kUnregisteredOcidPrefix;
};

// Everything handlers reach; built once at start-up.
struct Services {
  storage::SociDatabase& db;
  const domain::Clock& clock;
  domain::AccountServices& accounts;
  domain::QualificationServices& qualification;
  domain::OrderingServices& ordering;
  domain::CompetitionServices& competitions;
  const SchemaRegistry& schemas;
  Metrics& metrics;
  Log& log;
  // SHA-256 of the token /metrics answers to; empty: /metrics is not served.
  std::string metrics_token_hash;
  const WebSite& web;
  const std::atomic<bool>& stopping;  // readiness says 503 while the server drains
  domain::AuditServices& audit;
  OpenDataSettings open_data{};
  // Where clients reach the server (config public-url); empty: the Host they asked for
  // (server/handlers/public_origin.hpp).
  std::string public_url{};
};

// One request as a handler sees it, after the middleware has done its part.
struct Exchange {
  const Request& request;
  PathParams params;
  std::string query;
  std::string request_id;
  std::optional<domain::Actor> actor;  // set on every route that requires sign-in
  rapidjson::Document body;            // validated against the route's schema
  // Set when the caller signed in with the browser's session cookie: the session's CSRF token,
  // which the browser reads from the session answers.
  std::string csrf_token;
  // The peer's address as sign-in throttling counts it (server/client_address.hpp).
  std::string client_address;

  const domain::Actor& who() const { return *actor; }
  const domain::Actor* maybe_who() const { return actor ? &*actor : nullptr; }
  const std::string& param(const std::string& name) const { return params.at(name); }
  std::optional<std::string> query_param(std::string_view name) const;
};

class Api {
 public:
  Api(Services services, bool behind_tls);
  Api(const Api&) = delete;
  Api& operator=(const Api&) = delete;

  // Never throws: every failure becomes a problem+json answer.
  Response handle(const Request& request, const std::string& remote_address);
  // The answer to a request refused before routing (framing, size limits); it closes the
  // connection.
  Response refusal(unsigned status, const std::string& type, std::string detail,
                   const std::string& remote_address);
  const Router& router() const { return router_; }
  // Whether the request is a document upload, which has its own, larger body limit.
  bool is_upload(http::verb method, std::string_view target) const;
  const std::string& openapi() const { return openapi_; }

 private:
  Reply dispatch(const Request& request, Exchange& exchange, const Route*& route);
  Response finish(const Request& request, Reply reply, const std::string& request_id) const;

  Services services_;
  bool behind_tls_;
  Router router_;
  std::string openapi_;
  Route web_route_;  // what metrics and logs call a request answered by the web client
};

// Route tables, one per part of the API (server/handlers/).
void add_operations_routes(Router& router, Services& services, const std::string& openapi);
void add_account_routes(Router& router, Services& services);
void add_qualification_routes(Router& router, Services& services);
void add_reconfirmation_routes(Router& router, Services& services);
void add_ordering_routes(Router& router, Services& services);
void add_competition_routes(Router& router, Services& services);
void add_feed_routes(Router& router, Services& services);
void add_open_data_routes(Router& router, Services& services);
void add_audit_log_routes(Router& router, Services& services);

// Builds the served OpenAPI document: schemas/openapi.json with every schema file placed under
// components/schemas.
std::string build_openapi(const SchemaRegistry& schemas);

// For handlers: a domain result as a reply, or its problem.
Reply json_reply(unsigned status, std::string body);

// The token of an "Authorization: Bearer" header, if there is one.
std::optional<std::string> bearer_token(const Request& request);

// What metrics and the access log call a request to `route`. A competition's routes are seen
// as one group, without the method: what a provider does with its tender (save, submit,
// withdraw) must look like any other request about the competition until the tenders are
// opened, so nothing observable differs with a tender's existence.
struct ObservedRoute {
  std::string route;
  std::string method;
};
ObservedRoute observed(const Route* route, std::string_view method);

}  // namespace tarjotin::server
