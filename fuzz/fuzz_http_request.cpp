// The request path up to the handler, fed with the bytes a client sends on one connection: Beast's
// parser with the server's head and body limits, the framing check, then what Api::dispatch does
// before it calls a handler (query, routing in the real route table, media type, JSON parse,
// schema validation). Handlers are never run: the route table is built over an in-memory SQLite
// database that is never used.
//
// Invariants: a request whose framing is accepted has one unambiguous length; a matched route
// has the request's method and its template, filled with the path parameters, gives back the
// path; no path is matched by two routes of one method; a 405 lists each other method once.

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/crypto.hpp"
#include "crypto/tender_seal.hpp"
#include "domain/working_day_calendar.hpp"
#include "fuzz/fuzz_check.hpp"
#include "server/api.hpp"
#include "server/connections.hpp"
#include "server/json.hpp"
#include "server/request_framing.hpp"
#include "storage/database.hpp"

namespace tarjotin::fuzz {
namespace {

namespace http = boost::beast::http;
namespace net = boost::asio;
using server::Api;
using server::Request;
using server::Route;
using server::Router;

class FixedClock final : public domain::Clock {
 public:
  domain::Timestamp now() const override {
    return domain::Timestamp{std::chrono::sys_days{std::chrono::year{2026} / 3 / 2}};
  }
};

// Everything Api's constructor needs, wired the way server/runtime.cpp wires it.
struct World {
  server::Log log{server::LogLevel::error};
  server::Metrics metrics;
  storage::SociDatabase db{"sqlite::memory:", 1};
  FixedClock clock;
  crypto::ScryptPasswordHasher hasher;
  crypto::SystemSecrets secrets;
  domain::AccountServices accounts{db, clock, hasher, secrets};
  domain::WorkingDayCalendar calendar = domain::WorkingDayCalendar::finnish();
  domain::QualificationServices qualification{db, clock, secrets, calendar};
  domain::OrderingServices ordering{db, clock, secrets};
  crypto::AesGcmTenderSeal seal{std::vector<std::uint8_t>(crypto::kTenderSealKeyBytes, 7)};
  // No name lookups while fuzzing: every webhook URL is refused as undeliverable.
  struct NoWebhooks final : domain::WebhookTargets {
    std::string refusal(const std::string&) const override { return "not sent while fuzzing"; }
  } webhooks;
  domain::CompetitionServices competitions{db, clock, secrets, seal, webhooks, seal};
  server::SchemaRegistry schemas;
  server::WebSite web{""};  // no web client: only the API's routes are fuzzed
  std::atomic<bool> stopping{false};
  domain::AuditServices audit{db, clock, nullptr};  // no signing key: no checkpoints
  Api api{server::Services{db, clock, accounts, qualification, ordering, competitions, schemas,
                           metrics, log, "", web, stopping, audit},
          true};
  // One router per route, to see whether a path matches more than one of them, by the number
  // of segments its template has (a path only ever matches templates of its own length).
  std::map<std::size_t, std::vector<Router>> single_routes;

  World() {
    for (const Route& route : api.router().routes()) {
      Router r;
      r.add(route);
      single_routes[server::split_path(route.path).size()].push_back(std::move(r));
    }
  }
};

World& world() {
  static World* w = new World;  // lives until the process ends, never destroyed under a run
  return *w;
}

std::string_view view(boost::beast::string_view s) { return {s.data(), s.size()}; }

// As Api::dispatch decides whether a body is JSON.
bool is_json_media_type(std::string_view content_type) {
  std::string_view type = content_type.substr(0, content_type.find(';'));
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  return boost::beast::iequals(type, "application/json");
}

std::string filled_template(const std::string& path_template, const server::PathParams& params) {
  std::string out;
  for (const auto& segment : server::split_path(path_template)) {
    out += '/';
    if (segment.size() > 2 && segment.front() == '{' && segment.back() == '}')
      out += params.at(segment.substr(1, segment.size() - 2));
    else
      out += segment;
  }
  return out;
}

void check_route_match(World& w, const Request& request, std::string_view path) {
  const auto match = w.api.router().match(request.method(), path);
  std::size_t same_method = 0;
  if (const auto it = w.single_routes.find(server::split_path(path).size());
      it != w.single_routes.end())
    for (const Router& single : it->second)
      if (single.match(request.method(), path).route) ++same_method;
  if (match.route) {
    FUZZ_CHECK(match.route->method == request.method());
    FUZZ_CHECK(match.allowed.empty());
    FUZZ_CHECK(filled_template(match.route->path, match.params) == path);
    FUZZ_CHECK(same_method == 1);
  } else {
    FUZZ_CHECK(same_method == 0);
    FUZZ_CHECK(match.params.empty());
    const std::set<std::string> distinct(match.allowed.begin(), match.allowed.end());
    FUZZ_CHECK(distinct.size() == match.allowed.size());
    FUZZ_CHECK(distinct.count(std::string(http::to_string(request.method()))) == 0);
  }
}

// What Api::dispatch does with a whole request before it calls the route's handler.
void admit(World& w, const Request& request) {
  const std::string_view target = view(request.target());
  const auto question = target.find('?');
  const std::string_view path = target.substr(0, question);
  server::Exchange exchange{request, {}, {}, "fuzz", std::nullopt, {}, {}, "192.0.2.1"};
  if (question != target.npos) exchange.query = std::string(target.substr(question + 1));
  for (std::string_view rest = exchange.query; !rest.empty();) {
    const auto amp = rest.find('&');
    const auto pair = rest.substr(0, amp);
    const auto value = exchange.query_param(pair.substr(0, pair.find('=')));
    FUZZ_CHECK(value.has_value());
    FUZZ_CHECK(value->size() <= exchange.query.size());
    (void)server::is_clean_text(*value);
    rest = amp == rest.npos ? std::string_view() : rest.substr(amp + 1);
  }
  if (path.empty() || path.front() != '/') return;  // 400

  check_route_match(w, request, path);
  const auto match = w.api.router().match(request.method(), path);
  if (!match.route) return;  // 404 or 405
  const Route& route = *match.route;
  // Authentication would come here; it needs the database, so the request goes on as if the
  // caller had signed in with a role the route admits.
  if (route.takes_upload || route.request_schema.empty()) return;  // the handler takes the bytes
  if (!is_json_media_type(view(request[http::field::content_type]))) return;  // 415
  rapidjson::Document body;
  if (auto error = server::parse_json(request.body(), body)) {
    FUZZ_CHECK(!error->detail.empty());
    FUZZ_CHECK(body.IsNull());
    return;  // 400
  }
  if (auto violation = w.schemas.validate(route.request_schema, body)) {
    FUZZ_CHECK(violation->pointer.empty() || violation->pointer.front() == '/');
    FUZZ_CHECK(!violation->rule.empty());
  }
}

// An accepted framing leaves exactly one way to find where the body ends.
void check_framing(const http::request_parser<http::string_body>& parser) {
  const auto& head = parser.get();
  const auto count = [&](http::field f) {
    return std::count_if(head.begin(), head.end(), [f](const auto& h) { return h.name() == f; });
  };
  const auto transfer_encodings = count(http::field::transfer_encoding);
  const auto content_lengths = count(http::field::content_length);
  FUZZ_CHECK(transfer_encodings <= 1 && content_lengths <= 1);
  FUZZ_CHECK(transfer_encodings + content_lengths <= 1);
  if (transfer_encodings == 1) FUZZ_CHECK(parser.chunked());
  if (content_lengths == 1) FUZZ_CHECK(parser.content_length().has_value());
}

// Reads one request from the front of `input` as HttpSession does. Returns false when the
// session would close the connection (refused, or the client stopped sending).
bool one_request(World& w, std::string_view& input) {
  const server::ConnectionLimits limits;
  http::request_parser<http::string_body> parser;
  parser.header_limit(static_cast<std::uint32_t>(limits.max_header_bytes));
  parser.body_limit(std::max(limits.max_body_bytes, limits.max_upload_bytes));
  boost::beast::error_code ec;
  // False when the session would stop reading: the client sent no more (it would time out),
  // or what it sent is malformed or too large.
  auto feed = [&] {
    if (input.empty()) return false;
    const auto used = parser.put(net::buffer(input.data(), input.size()), ec);
    input.remove_prefix(used);
    return !ec && used > 0;
  };
  while (!parser.is_header_done())
    if (!feed()) return false;
  if (server::framing_problem(parser.get())) return false;  // 400, then closed
  check_framing(parser);
  const auto& head = parser.get();
  const std::size_t limit = w.api.is_upload(head.method(), view(head.target()))
                                ? limits.max_upload_bytes
                                : limits.max_body_bytes;
  parser.body_limit(limit);
  if (const auto length = parser.content_length(); length && *length > limit) return false;
  while (!parser.is_done())
    if (!feed()) return false;
  if (const auto length = parser.content_length())
    FUZZ_CHECK(parser.get().body().size() == *length);
  const Request request = parser.release();
  admit(w, request);
  return request.keep_alive();
}

}  // namespace
}  // namespace tarjotin::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tarjotin::fuzz;
  World& w = world();
  std::string_view input = as_text(data, size);
  // A client may send several requests on one connection; a handful is enough to reach every
  // state the session has between them.
  for (int i = 0; i < 4 && !input.empty(); ++i)
    if (!one_request(w, input)) break;
  return 0;
}
