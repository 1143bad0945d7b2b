#pragma once
// What the ordering use cases run with.

#include <chrono>

#include "domain/ports.hpp"

namespace tarjotin::domain {

struct OrderingServices {
  Database& db;
  const Clock& clock;
  Secrets& secrets;
  std::chrono::days feedback_link_lifetime{60};
  std::chrono::days scorecard_window{365};  // what the choice set's summaries look back over
  std::chrono::days choice_set_lifetime{14};
};

}  // namespace tarjotin::domain
