#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "domain/time.hpp"

namespace tarjotin::server {

// RFC 3339 in UTC with microseconds: "2026-11-23T15:49:23.123456Z".
std::string format_timestamp(domain::Timestamp t);

}  // namespace tarjotin::server
