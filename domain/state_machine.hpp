#pragma once
// Allowed transitions of an object's life, as a table one can read: each row says "from this
// state, this act leads to that state". Anything not in the table is refused.

#include <optional>
#include <span>

namespace tarjotin::domain {

template <class State, class Act>
struct Transition {
  State from;
  Act act;
  State to;
};

template <class State, class Act>
std::optional<State> next_state(std::span<const Transition<State, Act>> table, State from,
                                Act act) {
  for (const auto& row : table)
    if (row.from == from && row.act == act) return row.to;
  return std::nullopt;
}

}  // namespace tarjotin::domain
