#pragma once
// What the qualification use cases run with.
#include <cstddef>

#include "domain/ports.hpp"
#include "domain/working_day_calendar.hpp"

namespace tarjotin::domain {

struct QualificationServices {
  Database& db;
  const Clock& clock;
  Secrets& secrets;
  const WorkingDayCalendar& calendar;
  std::size_t max_attachment_bytes = 10 * 1024 * 1024;
};

}  // namespace tarjotin::domain
