#pragma once
// Signing in through the organisation's identity provider from the browser: the providers on
// offer, the way out to one, and the way back (server/handlers/accounts/sign_in_page.hpp).

#include "server/api.hpp"

namespace tarjotin::server {

void add_identity_provider_routes(Router& router, Services& services);

}  // namespace tarjotin::server
