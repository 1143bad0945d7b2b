#pragma once

namespace tarjotin::domain {

// A 95 % interval around a rate or score, shown beside it so a small sample looks uncertain.
struct Interval {
  double low = 0;
  double high = 0;
  bool operator==(const Interval&) const = default;
};

}  // namespace tarjotin::domain
