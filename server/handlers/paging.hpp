#pragma once
// "?limit=&after=" on every list, read once here; the `next` cursor written once here. A cursor
// is opaque to clients: hex of a position each list defines (an offset, or an order's placing
// time and id), so a client can only hand back what a page gave it.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "domain/ordering/ports.hpp"
#include "domain/paging.hpp"
#include "domain/result.hpp"
#include "server/api.hpp"

namespace tarjotin::server {

struct PageParams {
  std::size_t limit = domain::kDefaultPageLimit;
  std::optional<std::string> after;  // the position a cursor holds; none: the first page
};

// limit: 1..1000 (default 100); after: a cursor of this list's kind, or a 400 naming the field.
domain::Result<PageParams> page_params(const Exchange& ex);

std::string cursor_of(std::string_view position);

// Positions of a list answered from memory: an offset into it.
domain::Result<std::size_t> offset_of(const PageParams& page);
std::string cursor_of_offset(std::size_t offset);

// Positions in the order list, which pages in the database: the last order's time and id.
domain::Result<std::optional<domain::OrderCursor>> order_cursor_of(const PageParams& page);
std::string cursor_of(const domain::OrderCursor& c);

}  // namespace tarjotin::server
