#include "server/problem.hpp"

#include <algorithm>

#include "server/json.hpp"

namespace tarjotin::server {
namespace {

std::string title_for(unsigned status) {
  switch (status) {
    case 400:
      return "Bad request";
    case 401:
      return "Authentication required";
    case 403:
      return "Forbidden";
    case 404:
      return "Not found";
    case 405:
      return "Method not allowed";
    case 409:
      return "Conflict";
    case 412:
      return "Precondition failed";
    case 413:
      return "Request body too large";
    case 415:
      return "Unsupported media type";
    case 422:
      return "Invalid input";
    case 429:
      return "Too many requests";
    case 431:
      return "Request header fields too large";
    case 503:
      return "Service unavailable";
    default:
      return status >= 500 ? "Internal error" : "Error";
  }
}

}  // namespace

Problem problem(unsigned status, std::string type, std::string detail) {
  return Problem{status, std::move(type), title_for(status), std::move(detail), {}, {}};
}

Problem invalid_input(std::vector<domain::FieldError> errors) {
  std::string detail =
      errors.size() == 1 ? errors[0].detail : std::to_string(errors.size()) + " fields are invalid";
  Problem p = problem(422, "invalid-input", std::move(detail));
  p.errors = std::move(errors);
  return p;
}

Problem problem_from(const domain::Error& e) {
  switch (e.kind) {
    case domain::ErrorKind::invalid_input:
      return invalid_input(e.fields);
    case domain::ErrorKind::unauthenticated: {
      Problem p = problem(401, "unauthenticated", e.detail);
      p.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"tarjotin\"");
      return p;
    }
    case domain::ErrorKind::forbidden:
      return problem(403, "forbidden", e.detail);
    case domain::ErrorKind::not_found:
      return problem(404, "not-found", e.detail);
    case domain::ErrorKind::conflict:
      return problem(409, e.code, e.detail);
    case domain::ErrorKind::stale:
      return problem(412, e.code, e.detail);
    case domain::ErrorKind::throttled: {
      Problem p = problem(429, e.code, e.detail);
      p.headers.emplace_back("Retry-After",
                             std::to_string(std::max<long long>(1, e.retry_after.count())));
      return p;
    }
  }
  return problem(500, "internal", "unexpected error");
}

Reply to_reply(const Problem& p, const std::string& request_id) {
  rapidjson::StringBuffer sb;
  JsonWriter w(sb);
  w.StartObject();
  write_field(w, "type", "urn:tarjotin:problem:" + p.type);
  write_field(w, "title", p.title);
  w.Key("status");
  w.Uint(p.status);
  write_field(w, "detail", p.detail);
  write_field(w, "request_id", request_id);
  if (!p.errors.empty()) {
    w.Key("errors");
    w.StartArray();
    for (const auto& e : p.errors) {
      w.StartObject();
      write_field(w, "pointer", e.pointer);
      write_field(w, "rule", e.rule);
      write_field(w, "detail", e.detail);
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
  Reply r{p.status, sb.GetString(), "application/problem+json", p.headers};
  return r;
}

}  // namespace tarjotin::server
