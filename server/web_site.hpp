#pragma once
// The browser UI: the files of the built web client, read once at start-up and served from
// memory by the same process as the API, so the pages and /v1 share one origin (the session
// cookie is SameSite=Strict and no cross-origin request is ever needed).
//
// Files under assets/ carry a hash of their content in their names, so they are cached for a
// year and never revalidated; every other path that is not a file and has no extension is a
// page of the single-page client and gets index.html, which is never cached, so a new release
// reaches every browser on its next page load. Where the build left x.br or x.gz beside x, the
// compressed bytes are sent to clients that accept them.

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "server/http_types.hpp"

namespace tarjotin::server {

class WebSite {
 public:
  // Reads every file under `root`; a missing root makes an empty site that answers nothing.
  explicit WebSite(const std::string& root);

  bool empty() const { return files_.empty(); }
  std::size_t file_count() const { return files_.size(); }
  // The answer for a GET of `path` (no query) when it is the site's, else nothing.
  std::optional<Reply> answer(std::string_view path, const Request& request) const;

 private:
  struct File {
    std::string content, brotli, gzip;
    std::string media_type;
    bool immutable = false;
  };
  Reply reply_for(const File& file, const Request& request) const;

  std::map<std::string, File, std::less<>> files_;  // by URL path, "/assets/app-1a2b.js"
};

// Where the web client is looked for when --web-root is not set: web/ beside the executable
// (build/web in a build tree, /usr/lib/tarjotin/web in an installation).
std::string default_web_root();

// The Content-Security-Policy of the pages: scripts, styles and connections from this origin
// only, no inline script or style, no framing, no plugins, forms only to here.
inline constexpr const char* kPageSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; manifest-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'";

}  // namespace tarjotin::server
