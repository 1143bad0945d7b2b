#pragma once
// A list answered a page at a time: at most `limit` items and, when there are more, where the
// next page starts. Each list has its own kind of position (an order's placing time and id, or
// an offset into a short list); the server turns positions into opaque cursors.

#include <cstddef>
#include <optional>
#include <vector>

namespace tarjotin::domain {

inline constexpr std::size_t kDefaultPageLimit = 100;
inline constexpr std::size_t kMaxPageLimit = 1000;

template <class T, class Position>
struct Page {
  std::vector<T> items;
  std::optional<Position> next;  // none: this was the last page
};

}  // namespace tarjotin::domain
