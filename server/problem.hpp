#pragma once
// RFC 9457 problem details: the one shape every error answer has.

#include <string>
#include <vector>

#include "domain/result.hpp"
#include "server/http_types.hpp"

namespace tarjotin::server {

struct Problem {
  unsigned status = 500;
  std::string type;  // a stable slug; the answer's "type" is a URN built from it
  std::string title;
  std::string detail;
  std::vector<domain::FieldError> errors;
  std::vector<std::pair<std::string, std::string>> headers;  // e.g. Allow, WWW-Authenticate
};

Problem problem(unsigned status, std::string type, std::string detail);
Problem invalid_input(std::vector<domain::FieldError> errors);
// The single mapping from a domain Error to HTTP.
Problem problem_from(const domain::Error& error);
Reply to_reply(const Problem& p, const std::string& request_id);

}  // namespace tarjotin::server
