#pragma once
// What the benchmark's C++ tools share: the wall clock for the use cases they call, and a main
// that turns an exception into a message and exit status 1.
#include <chrono>
#include <cstdio>
#include <exception>

#include "domain/time.hpp"

namespace tarjotin::bench {

class SystemClock final : public domain::Clock {
 public:
  domain::Timestamp now() const override {
    return std::chrono::time_point_cast<std::chrono::microseconds>(
        std::chrono::system_clock::now());
  }
};

// Runs `tool` (returning the exit status), saying "<name>: <what>" on stderr if it throws.
template <class Tool>
int run_tool(const char* name, Tool&& tool) {
  try {
    return tool();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: %s\n", name, e.what());
    return 1;
  }
}

}  // namespace tarjotin::bench
