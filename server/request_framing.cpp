#include "server/request_framing.hpp"

#include <boost/beast/core/string.hpp>

namespace tarjotin::server {
namespace {

std::string_view trimmed(std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
  return v;
}

}  // namespace

std::optional<std::string> framing_problem(const http::request_header<>& head) {
  int transfer_encodings = 0;
  int content_lengths = 0;
  for (const auto& field : head) {
    const std::string_view value = trimmed({field.value().data(), field.value().size()});
    if (field.name() == http::field::transfer_encoding) {
      ++transfer_encodings;
      if (!boost::beast::iequals(value, "chunked"))
        return "Transfer-Encoding must be exactly 'chunked'";
    } else if (field.name() == http::field::content_length) {
      ++content_lengths;
      if (value.empty() || value.size() > 18 ||
          value.find_first_not_of("0123456789") != std::string_view::npos)
        return "Content-Length must be a plain decimal number";
    }
  }
  if (transfer_encodings > 1) return "Transfer-Encoding may appear only once";
  if (content_lengths > 1) return "Content-Length may appear only once";
  if (transfer_encodings && content_lengths)
    return "a request may not carry both Transfer-Encoding and Content-Length";
  return std::nullopt;
}

}  // namespace tarjotin::server
