#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "domain/time.hpp"

namespace tarjotin::server {

// RFC 3339 in UTC with microseconds: "2026-11-23T15:49:23.123456Z".
std::string format_timestamp(domain::Timestamp t);

// "2026-11-23"; parse_date refuses anything but a real calendar date in that form.
std::string format_date(std::chrono::sys_days d);
std::optional<std::chrono::sys_days> parse_date(std::string_view text);
// "2026-11-23T15:49:23Z" or with up to six fractional digits; UTC ("Z") only, so a deadline
// is never read in the wrong zone.
std::optional<domain::Timestamp> parse_timestamp(std::string_view text);

}  // namespace tarjotin::server
