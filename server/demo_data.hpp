#pragma once
#include "server/config.hpp"
#include "server/log.hpp"

namespace tarjotin::server {

// The shared password of every demo user; printed by seed-demo. Demo databases only.
inline constexpr const char* kDemoPassword = "tarjotin-demo-2026";

// Fills an empty database with a Kuopio-like setting (authority, coaching unit, providers,
// their users). Does nothing, successfully, when the demo authority already exists, so the
// run command can be repeated.
int seed_demo(const Config& config, Log& log);

}  // namespace tarjotin::server
