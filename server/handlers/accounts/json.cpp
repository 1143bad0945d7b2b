#include "server/handlers/accounts/json.hpp"

#include "server/browser_session.hpp"
#include "server/handlers/json_fields.hpp"
#include "server/time_format.hpp"

namespace tarjotin::server {

void write_json(JsonWriter& w, const domain::Organisation& o) {
  w.StartObject();
  write_field(w, "id", o.id);
  write_field(w, "kind", domain::to_string(o.kind));
  write_field(w, "name", o.name);
  write_field(w, "country", o.country);
  w.Key("business_id");
  if (o.business_id.empty())
    w.Null();
  else
    write_string(w, o.business_id);
  write_field(w, "created_at", format_timestamp(o.created_at));
  w.EndObject();
}

void write_json(JsonWriter& w, const domain::User& u) {
  w.StartObject();
  write_field(w, "id", u.id);
  write_field(w, "organisation_id", u.organisation_id);
  write_field(w, "email", u.email);
  write_field(w, "display_name", u.display_name);
  write_field(w, "role", domain::to_string(u.role));
  w.Key("active");
  w.Bool(u.active);
  w.Key("password_change_required");
  w.Bool(u.password_change_required);
  write_field(w, "created_at", format_timestamp(u.created_at));
  w.EndObject();
}

void write_json(JsonWriter& w, const domain::Registration& r) {
  w.StartObject();
  w.Key("organisation");
  write_json(w, r.organisation);
  w.Key("user");
  write_json(w, r.user);
  w.EndObject();
}

void write_json(JsonWriter& w, const domain::SignedIn& s) {
  w.StartObject();
  write_field(w, "token", s.token);
  write_field(w, "token_type", "Bearer");
  write_field(w, "expires_at", format_timestamp(s.expires_at));
  w.Key("user");
  write_json(w, s.user);
  w.EndObject();
}

void write_json(JsonWriter& w, const domain::PasswordReset& r) {
  w.StartObject();
  write_field(w, "one_time_password", r.one_time_password);
  w.Key("user");
  write_json(w, r.user);
  w.EndObject();
}

void write_json(JsonWriter& w, const CurrentSession& s) {
  w.StartObject();
  write_field(w, "user_id", s.actor.user_id);
  write_field(w, "role", domain::to_string(s.actor.role));
  w.Key("password_change_required");
  w.Bool(s.actor.password_change_required);
  w.Key("organisation");
  write_json(w, s.organisation);
  if (!s.csrf_token.empty()) write_field(w, "csrf_token", s.csrf_token);
  w.EndObject();
}

void write_json(JsonWriter& w, const domain::IdentityProviderListing& p) {
  w.StartObject();
  write_field(w, "id", p.id);
  write_field(w, "display_name", p.display_name);
  w.EndObject();
}

void write_json(JsonWriter& w, const BrowserSession& s) {
  w.StartObject();
  write_field(w, "csrf_token", s.csrf_token);
  write_field(w, "expires_at", format_timestamp(s.expires_at));
  w.Key("user");
  write_json(w, s.user);
  w.EndObject();
}

domain::Status read_json(JsonBody body, domain::NewOrganisation& o) {
  const auto& b = body.value;
  o.kind =
      domain::parse_organisation_kind(text(b, "kind")).value_or(domain::OrganisationKind::provider);
  o.name = text(b, "name");
  o.country = string_member(b, "country").value_or("FI");
  o.business_id = text(b, "business_id");
  return domain::Done{};
}

domain::Status read_json(JsonBody body, domain::NewUser& u) {
  const auto& b = body.value;
  u.email = text(b, "email");
  u.display_name = text(b, "display_name");
  u.role = domain::parse_role(text(b, "role")).value_or(domain::Role::provider);
  u.password = text(b, "password");
  return domain::Done{};
}

domain::Status read_json(JsonBody body, domain::ProviderRegistration& r) {
  if (auto read = read_json(JsonBody{body.value["organisation"]}, r.organisation); !read)
    return read;
  return read_json(JsonBody{body.value["user"]}, r.user);
}

domain::Status read_json(JsonBody body, domain::Credentials& c) {
  c.email = text(body.value, "email");
  c.password = text(body.value, "password");
  return domain::Done{};
}

domain::Status read_json(JsonBody body, domain::PasswordChange& c) {
  c.current_password = text(body.value, "current_password");
  c.new_password = text(body.value, "new_password");
  return domain::Done{};
}

domain::Status read_json(JsonBody body, domain::UserActivity& a) {
  a.active = boolean(body.value, "active").value_or(true);
  return domain::Done{};
}

}  // namespace tarjotin::server
