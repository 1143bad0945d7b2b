#pragma once
#include "domain/identity.hpp"
#include "server/json.hpp"

namespace tarjotin::server {

void write_organisation(JsonWriter& w, const domain::Organisation& o);
// Never writes the password hash.
void write_user(JsonWriter& w, const domain::User& u);

}  // namespace tarjotin::server
