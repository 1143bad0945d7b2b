#include "domain/qualification/documents.hpp"

#include "domain/name_table.hpp"

namespace tarjotin::domain {
namespace {

constexpr NameTable<MediaType, 3> kMediaTypes{{
    {MediaType::pdf, "application/pdf"},
    {MediaType::png, "image/png"},
    {MediaType::jpeg, "image/jpeg"},
}};

}  // namespace

std::string_view to_string(MediaType t) { return name_in(kMediaTypes, t); }

std::optional<MediaType> parse_media_type(std::string_view content_type) {
  std::string_view type = content_type.substr(0, content_type.find(';'));
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  std::string lower(type);
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return key_in<MediaType>(kMediaTypes, lower);
}

std::optional<MediaType> sniff_media_type(std::string_view bytes) {
  // The declared type is only a claim; these signatures are what the formats begin with.
  if (bytes.substr(0, 5) == "%PDF-") return MediaType::pdf;
  if (bytes.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8)) return MediaType::png;
  if (bytes.substr(0, 3) == std::string_view("\xFF\xD8\xFF", 3)) return MediaType::jpeg;
  return std::nullopt;
}

std::string safe_filename(std::string_view name) {
  const auto slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  std::string out;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f || c == '"' || c == '\\') continue;
    out.push_back(c);
  }
  while (!out.empty() && (out.front() == '.' || out.front() == ' ')) out.erase(out.begin());
  if (out.size() > 200) {
    out.resize(200);
    // Do not leave half of a UTF-8 sequence at the end.
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
    if (!out.empty() && (static_cast<unsigned char>(out.back()) & 0x80)) out.pop_back();
  }
  return out.empty() ? "document" : out;
}

}  // namespace tarjotin::domain
