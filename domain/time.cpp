#include "domain/time.hpp"

namespace tarjotin::domain {

using namespace std::chrono;

namespace {

// EU summer time starts and ends at 01:00 UTC on the last Sunday of the month, everywhere in
// the EU at the same instant.
sys_seconds eu_switch(year y, month m) { return sys_days{y / m / Sunday[last]} + hours{1}; }

}  // namespace

Date helsinki_date(Timestamp t) {
  // The switches fall in March and October, so the UTC year of `t` is the year whose switches
  // matter; around New Year it is winter time either way.
  const year y = year_month_day{floor<days>(t)}.year();
  const bool summer = t >= eu_switch(y, March) && t < eu_switch(y, October);
  const auto offset = summer ? hours{3} : hours{2};
  return floor<days>(t + offset);
}

Timestamp helsinki_midnight(Date d) {
  // Finland is UTC+3 in summer and UTC+2 in winter: the day starts at 21:00 or 22:00 UTC.
  const Timestamp summer = Timestamp{d.time_since_epoch()} - hours(3);
  return helsinki_date(summer) == d ? summer : summer + hours(1);
}

}  // namespace tarjotin::domain
