#include "storage/database_url.hpp"

#include <stdexcept>
#include <string_view>

namespace tarjotin::storage {
namespace {

std::string percent_decoded(std::string_view text) {
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    throw std::invalid_argument("the database URL has a bad percent escape");
  };
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out.push_back(text[i]);
      continue;
    }
    if (i + 2 >= text.size())
      throw std::invalid_argument("the database URL has a bad percent escape");
    out.push_back(static_cast<char>(nibble(text[i + 1]) * 16 + nibble(text[i + 2])));
    i += 2;
  }
  return out;
}

// libpq keywords are lower-case words; anything else would let one URL parameter smuggle in
// a second option. A NUL would silently cut the connect string short.
void add_keyword(std::string& conninfo, std::string_view key, const std::string& value) {
  if (key.empty() || key.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") != key.npos)
    throw std::invalid_argument("the PostgreSQL URL has a parameter name that is not a word");
  if (value.find('\0') != std::string::npos)
    throw std::invalid_argument("the PostgreSQL URL contains a NUL byte");
  if (value.empty()) return;
  conninfo += std::string(key) + "='";
  for (char c : value) {
    if (c == '\\' || c == '\'') conninfo.push_back('\\');
    conninfo.push_back(c);
  }
  conninfo += "' ";
}

// SOCI hands its connect string to libpq as keyword=value pairs, so the URL is taken apart
// here: postgresql://user:password@host:port/dbname?key=value&...
std::string postgresql_conninfo(const std::string& url) {
  std::string_view rest(url);
  rest.remove_prefix(rest.find("://") + 3);
  std::string conninfo;
  std::string_view query;
  if (const auto q = rest.find('?'); q != rest.npos) {
    query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  std::string_view path;
  if (const auto slash = rest.find('/'); slash != rest.npos) {
    path = rest.substr(slash + 1);
    rest = rest.substr(0, slash);
  }
  if (const auto at = rest.rfind('@'); at != rest.npos) {
    std::string_view userinfo = rest.substr(0, at);
    rest = rest.substr(at + 1);
    const auto colon = userinfo.find(':');
    add_keyword(conninfo, "user", percent_decoded(userinfo.substr(0, colon)));
    if (colon != userinfo.npos)
      add_keyword(conninfo, "password", percent_decoded(userinfo.substr(colon + 1)));
  }
  std::string_view host = rest, port;
  if (const auto colon = rest.rfind(':');
      colon != rest.npos && rest.find(']', colon) == rest.npos) {
    host = rest.substr(0, colon);
    port = rest.substr(colon + 1);
  }
  if (host.size() > 1 && host.front() == '[') host = host.substr(1, host.size() - 2);
  add_keyword(conninfo, "host", percent_decoded(host));
  add_keyword(conninfo, "port", percent_decoded(port));
  add_keyword(conninfo, "dbname", percent_decoded(path));
  while (!query.empty()) {
    const auto amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    const auto eq = pair.find('=');
    if (eq == pair.npos || eq == 0)
      throw std::invalid_argument("the PostgreSQL URL has a parameter without a value");
    add_keyword(conninfo, percent_decoded(pair.substr(0, eq)),
                percent_decoded(pair.substr(eq + 1)));
    if (amp == query.npos) break;
    query.remove_prefix(amp + 1);
  }
  if (!conninfo.empty()) conninfo.pop_back();
  return conninfo;
}

}  // namespace

DatabaseUrl parse_database_url(const std::string& url) {
  const std::string sqlite_abs = "sqlite://";
  const std::string sqlite_rel = "sqlite:";
  if (url.rfind(sqlite_abs, 0) == 0 || url.rfind(sqlite_rel, 0) == 0) {
    std::string path = url.rfind(sqlite_abs, 0) == 0 ? url.substr(sqlite_abs.size())
                                                     : url.substr(sqlite_rel.size());
    if (path.empty()) throw std::invalid_argument("the SQLite URL names no file");
    if (path.find('\0') != std::string::npos)
      throw std::invalid_argument("the SQLite path may not contain a NUL byte");
    if (path.find_first_of(" '\"") != std::string::npos)
      throw std::invalid_argument("the SQLite path may not contain spaces or quotes");
    // "timeout" is SQLite's busy timeout in seconds, for writers from other processes.
    return {Backend::sqlite, "db=" + path + " timeout=10", path};
  }
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0)
    return {Backend::postgresql, postgresql_conninfo(url), ""};
  throw std::invalid_argument(
      "the database URL must start with sqlite:// or postgresql:// (got something else)");
}

}  // namespace tarjotin::storage
