#include "server/api.hpp"

#include <boost/beast/core/string.hpp>

#include <chrono>

#include "crypto/crypto.hpp"
#include "server/browser_session.hpp"
#include "server/client_address.hpp"
#include "server/json.hpp"
#include "server/problem.hpp"

namespace tarjotin::server {
namespace {

bool plausible_request_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.')
      return false;
  return true;
}

std::string new_request_id() {
  const auto bytes = crypto::random_bytes(12);
  return crypto::hex(bytes.data(), bytes.size());
}

bool is_json_media_type(std::string_view content_type) {
  const auto semicolon = content_type.find(';');
  std::string_view type = content_type.substr(0, semicolon);
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  return boost::beast::iequals(type, "application/json");
}

std::string percent_decode_query_value(std::string_view v) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '+') {
      out.push_back(' ');
    } else if (v[i] == '%' && i + 2 < v.size() &&
               std::isxdigit(static_cast<unsigned char>(v[i + 1])) &&
               std::isxdigit(static_cast<unsigned char>(v[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(std::string(v.substr(i + 1, 2)), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(v[i]);
    }
  }
  return out;
}

}  // namespace

std::optional<std::string> bearer_token(const Request& request) {
  const auto it = request.find(http::field::authorization);
  if (it == request.end()) return std::nullopt;
  const std::string_view value(it->value().data(), it->value().size());
  if (value.size() < 7 || !boost::beast::iequals(value.substr(0, 7), "Bearer "))
    return std::nullopt;
  std::string_view token = value.substr(7);
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  return std::string(token);
}

ObservedRoute observed(const Route* route, std::string_view method) {
  if (!route) return {"unmatched", std::string(method)};
  constexpr std::string_view sealed_group = "/v1/competitions/{competition_id}";
  if (route->path.starts_with(sealed_group)) return {std::string(sealed_group) + "/*", "*"};
  return {route->path, std::string(method)};
}

std::optional<std::string> Exchange::query_param(std::string_view name) const {
  std::string_view rest = query;
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    const auto eq = pair.find('=');
    if (pair.substr(0, eq) == name)
      return eq == pair.npos ? std::string() : percent_decode_query_value(pair.substr(eq + 1));
    if (amp == rest.npos) break;
    rest.remove_prefix(amp + 1);
  }
  return std::nullopt;
}

Reply json_reply(unsigned status, std::string body) {
  Reply r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

Api::Api(Services services, bool behind_tls)
    : services_(services),
      behind_tls_(behind_tls),
      openapi_(build_openapi(services.schemas)),
      web_route_{http::verb::get, "web", "web", Guard::open(), "", nullptr} {
  add_operations_routes(router_, services_, openapi_);
  add_account_routes(router_, services_);
  add_qualification_routes(router_, services_);
  add_reconfirmation_routes(router_, services_);
  add_ordering_routes(router_, services_);
  add_competition_routes(router_, services_);
  add_feed_routes(router_, services_);
  add_open_data_routes(router_, services_);
  add_audit_log_routes(router_, services_);
  for (const auto& route : router_.routes())
    if (!route.request_schema.empty() && !services_.schemas.has(route.request_schema))
      throw std::logic_error("route " + route.path + " names a missing schema " +
                             route.request_schema);
}

bool Api::is_upload(http::verb method, std::string_view target) const {
  const auto match = router_.match(method, target.substr(0, target.find('?')));
  return match.route && match.route->takes_upload;
}

Reply Api::dispatch(const Request& request, Exchange& exchange, const Route*& route) {
  const std::string_view target(request.target().data(), request.target().size());
  const auto question = target.find('?');
  const std::string_view path = target.substr(0, question);
  if (question != target.npos) exchange.query = std::string(target.substr(question + 1));
  for (std::string_view rest = exchange.query; !rest.empty();) {
    const auto amp = rest.find('&');
    const auto pair = rest.substr(0, amp);
    if (!is_clean_text(percent_decode_query_value(pair)))
      return to_reply(problem(400, "bad-query", "query parameters are UTF-8 text"),
                      exchange.request_id);
    rest = amp == rest.npos ? std::string_view() : rest.substr(amp + 1);
  }
  if (path.empty() || path.front() != '/')
    return to_reply(problem(400, "bad-target", "the request target must be an absolute path"),
                    exchange.request_id);

  RouteMatch match = router_.match(request.method(), path);
  // The API's routes come first: no page of the web client can shadow one.
  if (!match.route && match.allowed.empty())
    if (auto page = services_.web.answer(path, request)) {
      route = &web_route_;
      return std::move(*page);
    }
  if (!match.route) {
    if (match.allowed.empty())
      return to_reply(problem(404, "no-route", "there is no resource at this path"),
                      exchange.request_id);
    Problem p = problem(405, "method-not-allowed", "this resource does not support the method");
    std::string allow;
    for (const auto& m : match.allowed) allow += (allow.empty() ? "" : ", ") + m;
    p.headers.emplace_back("Allow", allow);
    return to_reply(p, exchange.request_id);
  }
  route = match.route;
  exchange.params = std::move(match.params);

  // A bearer token, or else the browser's session cookie; a cookie does not authenticate a
  // request that would change something unless it carries the session's CSRF token.
  std::optional<std::string> token = bearer_token(request);
  const bool from_cookie = !token && (token = session_cookie(request)).has_value();
  if (route->guard.sign_in_optional && token) {
    auto actor = domain::authenticate(services_.accounts, *token);
    // A stale cookie does not keep anyone from public pages; a stale bearer token is an error.
    if (!actor && !from_cookie) return to_reply(problem_from(actor.error()), exchange.request_id);
    // Until a one-time password is replaced the session sees no more than anyone.
    if (actor && !actor->password_change_required) exchange.actor = std::move(actor.value());
  }
  if (route->guard.sign_in_required) {
    if (!token) {
      Problem p = problem(401, "unauthenticated", "this resource needs a bearer token");
      p.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"tarjotin\"");
      return to_reply(p, exchange.request_id);
    }
    auto actor = domain::authenticate(services_.accounts, *token);
    if (!actor) return to_reply(problem_from(actor.error()), exchange.request_id);
    if (!route->guard.admits(actor->role))
      return to_reply(problem(403, "forbidden", "your role may not use this resource"),
                      exchange.request_id);
    if (actor->password_change_required && !route->guard.before_password_change)
      return to_reply(problem(403, "password-change-required",
                              "the password was reset: set a new one with PUT "
                              "/v1/sessions/current/password first"),
                      exchange.request_id);
    exchange.actor = std::move(actor.value());
  }
  if (from_cookie && exchange.actor) {
    if (!passes_csrf_check(request, *token))
      return to_reply(problem(403, "csrf-token-missing",
                              "a request signed in by the session cookie must carry the "
                              "session's X-CSRF-Token header"),
                      exchange.request_id);
    exchange.csrf_token = csrf_token_for(*token);
  }

  if (route->takes_upload) {
    if (request.body().empty())
      return to_reply(problem(400, "missing-body", "send the document as the request body"),
                      exchange.request_id);
  } else if (route->request_schema.empty()) {
    if (!request.body().empty())
      return to_reply(problem(400, "unexpected-body", "this resource takes no request body"),
                      exchange.request_id);
  } else {
    const auto content_type = request[http::field::content_type];
    if (!is_json_media_type(std::string_view(content_type.data(), content_type.size())))
      return to_reply(
          problem(415, "unsupported-media-type", "send the request body as application/json"),
          exchange.request_id);
    if (auto error = parse_json(request.body(), exchange.body)) {
      Problem p = problem(400, "malformed-json", error->detail);
      p.errors.push_back({"", error->rule, error->detail});
      return to_reply(p, exchange.request_id);
    }
    if (auto violation = services_.schemas.validate(route->request_schema, exchange.body))
      return to_reply(invalid_input({{violation->pointer, violation->rule, violation->detail}}),
                      exchange.request_id);
  }
  return route->handle(exchange);
}

Response Api::handle(const Request& request, const std::string& remote_address) {
  const auto started = std::chrono::steady_clock::now();
  const auto given_id = request["X-Request-Id"];
  std::string request_id = plausible_request_id(std::string_view(given_id.data(), given_id.size()))
                               ? std::string(given_id)
                               : new_request_id();
  Exchange exchange{request,      {}, {}, request_id,
                    std::nullopt, {}, {}, counted_client_address(remote_address)};
  const Route* route = nullptr;
  Reply reply;
  try {
    reply = dispatch(request, exchange, route);
  } catch (const domain::StorageUnavailable& e) {
    // Expected to pass: the client is told to come back, never the database's own words.
    services_.log.warn("database unavailable", {{"request_id", request_id}, {"error", e.what()}});
    Problem p = problem(503, "storage-unavailable",
                        "the database cannot take this request now; send it again shortly (with "
                        "the same Idempotency-Key, where the request has one)");
    p.headers.emplace_back("Retry-After", "5");
    reply = to_reply(p, request_id);
  } catch (const std::exception& e) {
    // The client gets the request id, never the exception's text (it may hold SQL).
    services_.log.error("unhandled error", {{"request_id", request_id}, {"error", e.what()}});
    reply =
        to_reply(problem(500, "internal", "the server failed; quote the request id"), request_id);
  }
  const auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - started);
  const auto seen = observed(route, request.method_string());
  services_.metrics.record_request(seen.route, seen.method, reply.status, elapsed);
  const std::string_view target(request.target().data(), request.target().size());
  // A one-time token in the path (a customer's feedback link) is a credential: log the template.
  const bool secret_path = (route && route->path.find("{token}") != std::string::npos) ||
                           target.starts_with("/v1/feedback/");
  const bool grouped = route && seen.route != route->path;
  services_.log.info(
      "request",
      {{"request_id", request_id},
       {"remote", remote_address},
       {"method", seen.method},
       // The query string is left out: it may carry one-time tokens.
       {"path", secret_path ? std::string("/v1/feedback/{token}")
                : grouped   ? seen.route
                            : std::string(target.substr(0, target.find('?')))},
       {"route", seen.route},
       {"status", std::to_string(reply.status), true},
       {"duration_ms", std::to_string(static_cast<double>(elapsed.count()) / 1000.0), true},
       {"user_id", exchange.actor ? exchange.actor->user_id : ""}});
  return finish(request, std::move(reply), request_id);
}

Response Api::refusal(unsigned status, const std::string& type, std::string detail,
                      const std::string& remote_address) {
  const std::string request_id = new_request_id();
  services_.log.warn("request refused", {{"request_id", request_id},
                                         {"remote", remote_address},
                                         {"status", std::to_string(status), true},
                                         {"reason", detail}});
  services_.metrics.record_request("refused", "-", status, std::chrono::microseconds{0});
  Request head;
  head.version(11);
  head.keep_alive(false);
  return finish(head, to_reply(problem(status, type, std::move(detail)), request_id), request_id);
}

Response Api::finish(const Request& request, Reply reply, const std::string& request_id) const {
  Response response{static_cast<http::status>(reply.status), request.version()};
  if (!reply.body.empty() || reply.status != 204)
    response.set(http::field::content_type, reply.content_type);
  response.set("X-Request-Id", request_id);
  response.set(http::field::cache_control, "no-store");
  response.set("X-Content-Type-Options", "nosniff");
  // An API answer is data, never a page: nothing in it may run, load or be framed. The web
  // client's pages send their own policy.
  response.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  response.set("X-Frame-Options", "DENY");
  response.set("Referrer-Policy", "no-referrer");
  if (behind_tls_) response.set(http::field::strict_transport_security, "max-age=63072000");
  for (const auto& [name, value] : reply.headers) response.set(name, value);
  response.body() = std::move(reply.body);
  response.keep_alive(request.keep_alive());
  response.prepare_payload();
  return response;
}

}  // namespace tarjotin::server
