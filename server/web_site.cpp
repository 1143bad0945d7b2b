#include "server/web_site.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace tarjotin::server {
namespace {

namespace fs = std::filesystem;

std::string media_type_of(const fs::path& file) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".json", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
  };
  const auto it = types.find(file.extension().string());
  return it == types.end() ? "application/octet-stream" : it->second;
}

std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Whether the client takes `coding` ("br", "gzip"): named in Accept-Encoding without q=0.
bool accepts(const Request& request, std::string_view coding) {
  const auto header = request[http::field::accept_encoding];
  std::string_view rest(header.data(), header.size());
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    const auto semicolon = item.find(';');
    std::string_view name = item.substr(0, semicolon);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (name == coding) {
      const auto q = semicolon == item.npos ? item.npos : item.find("q=", semicolon);
      return q == item.npos || std::strtod(std::string(item.substr(q + 2)).c_str(), nullptr) > 0;
    }
    if (comma == rest.npos) break;
    rest.remove_prefix(comma + 1);
  }
  return false;
}

// A path the single-page client draws itself: not the API's or the operator's, no extension.
bool is_page_path(std::string_view path) {
  for (std::string_view reserved : {"/v1/", "/healthz", "/readyz", "/metrics"})
    if (path.starts_with(reserved)) return false;
  const auto last = path.substr(path.rfind('/') + 1);
  return last.find('.') == std::string_view::npos;
}

}  // namespace

WebSite::WebSite(const std::string& root) {
  std::error_code ec;
  if (root.empty() || !fs::is_directory(root, ec)) return;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    const fs::path& p = entry.path();
    const auto ext = p.extension().string();
    if (ext == ".br" || ext == ".gz" || ext == ".map") continue;
    File file;
    file.content = read_file(p);
    file.media_type = media_type_of(p);
    // Pages go out uncompressed: they are small, and a compressed page is what BREACH-style
    // attacks (and the scanners that look for them) start from. Scripts and styles, which
    // carry no secret, are sent compressed.
    if (ext != ".html")
      for (auto [suffix, target] : {std::pair{".br", &file.brotli}, std::pair{".gz", &file.gzip}})
        if (fs::exists(p.string() + suffix)) *target = read_file(p.string() + suffix);
    const std::string url = "/" + fs::relative(p, root).generic_string();
    file.immutable = url.starts_with("/assets/");
    files_.emplace(url, std::move(file));
  }
}

std::optional<Reply> WebSite::answer(std::string_view path, const Request& request) const {
  if (files_.empty() || request.method() != http::verb::get) return std::nullopt;
  if (const auto it = files_.find(path); it != files_.end() && path != "/index.html")
    return reply_for(it->second, request);
  if (!is_page_path(path)) return std::nullopt;
  const auto index = files_.find(std::string_view("/index.html"));
  if (index == files_.end()) return std::nullopt;
  return reply_for(index->second, request);
}

Reply WebSite::reply_for(const File& file, const Request& request) const {
  Reply r;
  r.status = 200;
  r.content_type = file.media_type;
  if (!file.brotli.empty() && accepts(request, "br")) {
    r.body = file.brotli;
    r.headers.emplace_back("Content-Encoding", "br");
  } else if (!file.gzip.empty() && accepts(request, "gzip")) {
    r.body = file.gzip;
    r.headers.emplace_back("Content-Encoding", "gzip");
  } else {
    r.body = file.content;
  }
  if (!file.brotli.empty() || !file.gzip.empty()) r.headers.emplace_back("Vary", "Accept-Encoding");
  r.headers.emplace_back("Cache-Control",
                         file.immutable ? "public, max-age=31536000, immutable" : "no-store");
  r.headers.emplace_back("Content-Security-Policy", kPageSecurityPolicy);
  r.headers.emplace_back("Cross-Origin-Opener-Policy", "same-origin");
  r.headers.emplace_back("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  return r;
}

std::string default_web_root() {
  std::error_code ec;
  const auto executable = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return "web";
  return (executable.parent_path() / "web").string();
}

}  // namespace tarjotin::server
