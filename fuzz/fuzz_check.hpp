#pragma once
// What the fuzz targets share: an invariant check that stops the run with a readable message
// (assert() would vanish under NDEBUG), and a way to take the input apart.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <string>
#include <string_view>

#define FUZZ_CHECK(condition)                                                                \
  do {                                                                                       \
    if (!(condition)) {                                                                      \
      std::fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                          \
    }                                                                                        \
  } while (false)

namespace tarjotin::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Splits the input at the first NUL byte: two independent pieces of text from one input.
inline std::pair<std::string_view, std::string_view> two_parts(std::string_view input) {
  const auto nul = input.find('\0');
  if (nul == std::string_view::npos) return {input, {}};
  return {input.substr(0, nul), input.substr(nul + 1)};
}

// One target for several small parsers: the first byte ('0', '1', ...) picks the parser that
// is given the rest, so the seeds stay readable.
inline int run_one_of(const std::uint8_t* data, std::size_t size,
                      std::initializer_list<void (*)(std::string_view)> parsers) {
  if (size == 0) return 0;
  const auto pick = static_cast<unsigned>(data[0] + 256 - '0') % parsers.size();
  (*(parsers.begin() + pick))(as_text(data + 1, size - 1));
  return 0;
}

}  // namespace tarjotin::fuzz
