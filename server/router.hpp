#pragma once
// Method + path-template routing: "/v1/organisations/{id}/users" matches
// "/v1/organisations/3f2c.../users" with id = "3f2c...".

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/identity.hpp"
#include "server/http_types.hpp"

namespace tarjotin::server {

struct Exchange;

// Who may call a route at all; whether they may touch the object is the domain's question.
struct Guard {
  bool sign_in_required = true;
  std::set<domain::Role> roles;   // empty: every signed-in role
  bool sign_in_optional = false;  // public, but a valid token lets the caller see more
  // Served to a session whose user must first replace a one-time password (reading the
  // session, changing the password, signing out); every other route refuses it.
  bool before_password_change = false;

  static Guard open() { return Guard{false, {}, false}; }
  static Guard public_read() { return Guard{false, {}, true}; }
  static Guard signed_in() { return Guard{true, {}, false}; }
  static Guard only(std::set<domain::Role> roles) { return Guard{true, std::move(roles), false}; }
  static Guard own_session() { return Guard{true, {}, false, true}; }
  bool admits(domain::Role role) const { return roles.empty() || roles.count(role) > 0; }
};

struct Route {
  http::verb method{};
  std::string path;       // template
  std::string operation;  // OpenAPI operationId
  Guard guard;
  std::string request_schema;  // empty: the route takes no JSON body
  std::function<Reply(Exchange&)> handle;
  bool takes_upload = false;  // the body is a document, passed on as bytes
};

using PathParams = std::map<std::string, std::string>;

struct RouteMatch {
  const Route* route = nullptr;  // set when found
  PathParams params;
  std::vector<std::string> allowed;  // methods of the path when the method did not match
};

class Router {
 public:
  void add(Route route);
  // nullptr route and empty `allowed`: no such path (404); non-empty `allowed`: 405.
  RouteMatch match(http::verb method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
  // Each route's path split once, beside it: matching runs on every request.
  std::vector<std::vector<std::string>> patterns_;
};

std::vector<std::string> split_path(std::string_view path);

}  // namespace tarjotin::server
