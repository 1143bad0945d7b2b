#include "server/handlers/paging.hpp"

#include <charconv>

#include "domain/time.hpp"

namespace tarjotin::server {
namespace {

domain::Error bad_cursor() {
  return domain::Error::invalid("/after", "format",
                                "not a cursor this list gave: pass the `next` of the last page");
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::optional<std::string> from_hex(std::string_view text) {
  if (text.empty() || text.size() % 2 != 0 || text.size() > 1024) return std::nullopt;
  std::string out;
  out.reserve(text.size() / 2);
  for (std::size_t i = 0; i < text.size(); i += 2) {
    const int high = hex_digit(text[i]), low = hex_digit(text[i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    out.push_back(static_cast<char>(high * 16 + low));
  }
  return out;
}

template <class Number>
bool parse_number(std::string_view text, Number& out) {
  if (text.empty()) return false;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

domain::Result<PageParams> page_params(const Exchange& ex) {
  PageParams page;
  if (const auto limit = ex.query_param("limit")) {
    if (!parse_number(*limit, page.limit))
      return domain::Error::invalid("/limit", "type", "not a whole number");
    if (page.limit < 1) return domain::Error::invalid("/limit", "minimum", "at least 1");
    if (page.limit > domain::kMaxPageLimit)
      return domain::Error::invalid("/limit", "maximum", "at most 1000");
  }
  if (const auto after = ex.query_param("after")) {
    page.after = from_hex(*after);
    if (!page.after) return bad_cursor();
  }
  return page;
}

std::string cursor_of(std::string_view position) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(position.size() * 2);
  for (const char c : position) {
    const auto byte = static_cast<unsigned char>(c);
    out.push_back(digits[byte >> 4]);
    out.push_back(digits[byte & 15]);
  }
  return out;
}

domain::Result<std::size_t> offset_of(const PageParams& page) {
  if (!page.after) return std::size_t{0};
  std::size_t offset = 0;
  if (page.after->rfind("at ", 0) != 0 || !parse_number(page.after->substr(3), offset))
    return bad_cursor();
  return offset;
}

std::string cursor_of_offset(std::size_t offset) {
  return cursor_of("at " + std::to_string(offset));
}

domain::Result<std::optional<domain::OrderCursor>> order_cursor_of(const PageParams& page) {
  if (!page.after) return std::optional<domain::OrderCursor>{};
  // "order <placed_at micros> <id>", as cursor_of(OrderCursor) writes it.
  const std::string_view text = *page.after, prefix = "order ";
  if (!text.starts_with(prefix)) return bad_cursor();
  const auto space = text.find(' ', prefix.size());
  long long micros = 0;
  if (space == std::string_view::npos || space + 1 >= text.size() ||
      !parse_number(text.substr(prefix.size(), space - prefix.size()), micros))
    return bad_cursor();
  return std::optional<domain::OrderCursor>{
      domain::OrderCursor{domain::from_micros(micros), std::string(text.substr(space + 1))}};
}

std::string cursor_of(const domain::OrderCursor& c) {
  return cursor_of("order " + std::to_string(domain::to_micros(c.placed_at)) + " " + c.id);
}

}  // namespace tarjotin::server
