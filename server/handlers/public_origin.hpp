#pragma once
// https://host[:port] as clients reach the server, for the addresses it writes out (open data's
// links, the identity providers' way back): the configured public-url, else the Host the request
// names, used only when it is made of a host name's characters, as it is written out as is.

#include <optional>
#include <string>

#include "server/http_types.hpp"

namespace tarjotin::server {

// None when no public-url is set and the request's Host is not a plausible host.
std::optional<std::string> public_origin(const std::string& public_url, const Request& request);

}  // namespace tarjotin::server
