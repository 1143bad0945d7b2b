#pragma once
// Turning a use case's result into a reply: the value written as JSON, or its problem.

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include "domain/result.hpp"

#include "server/api.hpp"
#include "server/handlers/paging.hpp"
#include "server/json.hpp"
#include "server/problem.hpp"

namespace tarjotin::server {

template <class Write>
Reply written(unsigned status, Write&& write) {
  rapidjson::StringBuffer sb;
  JsonWriter w(sb);
  write(w);
  return json_reply(status, sb.GetString());
}

// A use case's refusal as its problem+json, tagged with the request's id.
inline Reply refused(const domain::Error& e, const Exchange& ex) {
  return to_reply(problem_from(e), ex.request_id);
}

template <class T, class Write>
Reply answer(const domain::Result<T>& result, const Exchange& ex, unsigned status, Write&& write) {
  if (!result) return refused(result.error(), ex);
  return written(status, [&](JsonWriter& w) { write(w, result.value()); });
}

// The value written by its type's write_json overload.
template <class T>
Reply answer(const domain::Result<T>& result, const Exchange& ex, unsigned status) {
  return answer(result, ex, status, [](JsonWriter& w, const T& v) { write_json(w, v); });
}

// A route around a use case that takes the request's body: the body read into `Input` by its
// read_json overload (a refusal names the field), then the use case's result written by type.
template <class Input, class UseCase>
Reply answer_body(const Exchange& ex, unsigned status, UseCase&& use_case) {
  Input input{};
  if (auto read = read_json(JsonBody{ex.body}, input); !read) return refused(read.error(), ex);
  return answer(use_case(std::move(input)), ex, status);
}

// {"items": [...], "next": "..."}: one page of a list, `next` only when more follow.
template <class Items, class WriteItem>
void write_page(JsonWriter& w, const Items& items, WriteItem&& write_item,
                const std::optional<std::string>& next) {
  w.StartObject();
  w.Key("items");
  w.StartArray();
  for (const auto& item : items) write_item(w, item);
  w.EndArray();
  if (next) {
    w.Key("next");
    w.String(next->c_str(), static_cast<rapidjson::SizeType>(next->size()));
  }
  w.EndObject();
}

// A list the use case gives whole (short by nature: one DPS's categories, one competition's
// questions), answered a page at a time from memory.
template <class T, class WriteItem>
Reply answer_list(const domain::Result<std::vector<T>>& result, const Exchange& ex,
                  WriteItem&& write_item);
template <class T>
Reply answer_list(const domain::Result<std::vector<T>>& result, const Exchange& ex) {
  return answer_list(result, ex, [](JsonWriter& w, const T& v) { write_json(w, v); });
}
template <class T, class WriteItem>
Reply answer_list(const domain::Result<std::vector<T>>& result, const Exchange& ex,
                  WriteItem&& write_item) {
  if (!result) return refused(result.error(), ex);
  const auto page = page_params(ex);
  if (!page) return refused(page.error(), ex);
  const auto offset = offset_of(*page);
  if (!offset) return refused(offset.error(), ex);
  const auto& all = result.value();
  const std::size_t from = std::min(*offset, all.size());
  const std::size_t to = from + std::min(page->limit, all.size() - from);
  std::optional<std::string> next;
  if (to < all.size()) next = cursor_of_offset(to);
  return written(200, [&](JsonWriter& w) {
    write_page(w, std::span(all.data() + from, to - from), write_item, next);
  });
}

// A list the database pages: the use case gives one page and where the next one starts.
template <class T, class Position>
Reply answer_page(const domain::Result<domain::Page<T, Position>>& result, const Exchange& ex);
template <class T, class Position, class WriteItem>
Reply answer_page(const domain::Result<domain::Page<T, Position>>& result, const Exchange& ex,
                  WriteItem&& write_item) {
  if (!result) return refused(result.error(), ex);
  std::optional<std::string> next;
  if (result->next) next = cursor_of(*result->next);
  return written(200, [&](JsonWriter& w) { write_page(w, result->items, write_item, next); });
}
template <class T, class Position>
Reply answer_page(const domain::Result<domain::Page<T, Position>>& result, const Exchange& ex) {
  return answer_page(result, ex, [](JsonWriter& w, const T& v) { write_json(w, v); });
}

}  // namespace tarjotin::server
