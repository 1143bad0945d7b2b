#pragma once
// JSON for organisations, users and sessions, written and read by type.

#include "domain/accounts/federated_sign_in.hpp"
#include "domain/accounts/sessions.hpp"
#include "domain/accounts/users.hpp"
#include "server/json.hpp"

namespace tarjotin::server {

// The signed-in caller as GET /v1/sessions/current shows them; `csrf_token` only for a session
// carried by the browser's cookie.
struct CurrentSession {
  domain::Actor actor;
  domain::Organisation organisation;
  std::string csrf_token;
};

// A browser session's answer: the token stays in the HttpOnly cookie, never in the body.
struct BrowserSession {
  std::string csrf_token;
  domain::Timestamp expires_at{};
  domain::User user;
};

void write_json(JsonWriter& w, const domain::Organisation& o);
void write_json(JsonWriter& w, const domain::User& u);  // never the password hash
void write_json(JsonWriter& w, const domain::Registration& r);
void write_json(JsonWriter& w, const domain::SignedIn& s);
void write_json(JsonWriter& w, const domain::PasswordReset& r);
void write_json(JsonWriter& w, const CurrentSession& s);
void write_json(JsonWriter& w, const BrowserSession& s);
void write_json(JsonWriter& w, const domain::IdentityProviderListing& p);

domain::Status read_json(JsonBody body, domain::NewOrganisation& o);
domain::Status read_json(JsonBody body, domain::NewUser& u);
domain::Status read_json(JsonBody body, domain::ProviderRegistration& r);
domain::Status read_json(JsonBody body, domain::Credentials& c);
domain::Status read_json(JsonBody body, domain::PasswordChange& c);
domain::Status read_json(JsonBody body, domain::UserActivity& a);

}  // namespace tarjotin::server
