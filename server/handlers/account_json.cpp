#include "server/handlers/account_json.hpp"

#include "server/time_format.hpp"

namespace tarjotin::server {

void write_organisation(JsonWriter& w, const domain::Organisation& o) {
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

void write_user(JsonWriter& w, const domain::User& u) {
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

}  // namespace tarjotin::server
