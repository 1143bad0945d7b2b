#pragma once
// Turning a use case's result into a reply: the value written as JSON, or its problem.

#include "domain/result.hpp"
#include "server/api.hpp"
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

// {"items": [...]} for a list result.
template <class T, class WriteItem>
Reply answer_list(const domain::Result<std::vector<T>>& result, const Exchange& ex,
                  WriteItem&& write_item) {
  return answer(result, ex, 200, [&](JsonWriter& w, const std::vector<T>& items) {
    w.StartObject();
    w.Key("items");
    w.StartArray();
    for (const auto& item : items) write_item(w, item);
    w.EndArray();
    w.EndObject();
  });
}

}  // namespace tarjotin::server
