#pragma once
// A new installation without demo data: `tarjotin init` creates the first contracting
// authority and its administrator, who then adds everyone else through the API.
#include <istream>
#include <string>
#include <vector>

#include "server/config.hpp"
#include "server/log.hpp"

namespace tarjotin::server {

// args: EMAIL "AUTHORITY NAME" [BUSINESS-ID] [DISPLAY NAME]. The password is the first line
// of `password_input` (standard input), never an argument or an environment variable, which
// other users of the machine can read; on a terminal it is asked for without echo.
int initialise_installation(const Config& config, const std::vector<std::string>& args,
                            std::istream& password_input, Log& log);

// What `serve` logs on a database without an administrator.
inline constexpr const char* kNoAdministratorHint =
    "no administrator yet: create the first one with "
    "`tarjotin init EMAIL \"AUTHORITY NAME\" [BUSINESS-ID]` (the password on standard input)";

}  // namespace tarjotin::server
