#pragma once
#include <chrono>

namespace tarjotin::domain {

// Microsecond UTC timestamps: "exact time of receipt" matters in procurement, and an integer
// count of microseconds stores identically in SQLite and PostgreSQL.
using Timestamp = std::chrono::sys_time<std::chrono::microseconds>;

// A calendar day; legal time limits run in Helsinki days.
using Date = std::chrono::sys_days;

// Time is injected: domain code never reads the system clock, so tests can move it.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp now() const = 0;
};

inline long long to_micros(Timestamp t) { return t.time_since_epoch().count(); }
inline Timestamp from_micros(long long us) { return Timestamp{std::chrono::microseconds{us}}; }

// The calendar date in Finland (EET/EEST, with the EU's summer-time rule) at instant `t`.
Date helsinki_date(Timestamp t);
// The instant a Helsinki calendar day begins.
Timestamp helsinki_midnight(Date d);

}  // namespace tarjotin::domain
