#include "server/config.hpp"

#include <boost/asio/ip/address.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <thread>

namespace tarjotin::server {
namespace {

template <class Number>
Number parse_number(const std::string& key, const std::string& value, Number min, Number max) {
  Number n{};
  auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (ec != std::errc{} || ptr != value.data() + value.size() || n < min || n > max)
    throw std::invalid_argument(key + " must be a whole number from " + std::to_string(min) +
                                " to " + std::to_string(max) + " (got '" + value + "')");
  return n;
}

bool parse_bool(const std::string& key, const std::string& value) {
  if (value == "true" || value == "1" || value == "yes") return true;
  if (value == "false" || value == "0" || value == "no") return false;
  throw std::invalid_argument(key + " must be true or false (got '" + value + "')");
}

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

bool is_ocid_prefix(const std::string& value) {
  if (value.size() != 11 || value.rfind("ocds-", 0) != 0) return false;
  return std::all_of(value.begin() + 5, value.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); });
}

// https://host[:port] as browsers and integrators reach the server: identity providers send
// browsers back to it, and open data writes it into every link as is, so it is an origin made of
// characters that need no escaping in JSON or in a URL. Empty: unset.
std::string public_url_of(const std::string& value) {
  std::string url = value;
  while (url.ends_with("/")) url.pop_back();
  const bool origin = url.starts_with("https://") && url.size() > 8 &&
                      url.find_first_of("/?#@ ", 8) == std::string::npos;
  const bool clean = std::all_of(url.begin(), url.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) ||
           (c != '\0' && std::strchr("-._~:/[]%", c) != nullptr);
  });
  if (!url.empty() && !(origin && clean))
    throw std::invalid_argument("public-url must be https://host or https://host:port (got '" +
                                value + "')");
  return url;
}

std::string environment_name(const std::string& key) {
  std::string name = "TARJOTIN_";
  for (char c : key) name.push_back(c == '-' ? '_' : static_cast<char>(std::toupper(c)));
  return name;
}

}  // namespace

std::vector<std::string> split_commas(const std::string& list) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= list.size()) {
    const auto comma = std::min(list.find(',', start), list.size());
    if (auto item = trim(list.substr(start, comma - start)); !item.empty())
      items.push_back(std::move(item));
    start = comma + 1;
  }
  return items;
}

unsigned Config::effective_workers() const {
  if (workers > 0) return workers;
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 2 : cores;
}

const std::vector<ConfigOption>& config_options() {
  static const std::vector<ConfigOption> options = [] {
    std::vector<ConfigOption> o = {
        {"database-url", "",
         "sqlite:///path/file.db or postgresql://user@host/db (default sqlite://var/tarjotin.db)"},
        {"listen-address", "", "address to listen on (default 127.0.0.1)"},
        {"port", "", "TCP port (default 8443)"},
        {"tls-certificate", "", "PEM certificate chain (default var/tls/server.crt)"},
        {"tls-private-key", "", "PEM private key (default var/tls/server.key)"},
        {"plain-http", "", "serve plain HTTP, only behind a TLS-terminating proxy (default false)"},
        {"workers", "", "threads that drive connections; 0 means one per core (default 0)"},
        {"request-threads", "",
         "threads that run requests and database connections they use (default 32)"},
        {"log-level", "", "debug, info, warn or error (default info)"},
        {"max-body-bytes", "", "largest request body accepted (default 1048576)"},
        {"max-header-bytes", "", "largest request head accepted (default 16384)"},
        {"request-timeout-seconds", "",
         "time to receive a request body (documents excepted) and to send an answer (default 30)"},
        {"idle-timeout-seconds", "", "keep-alive time between requests (default 60)"},
        {"shutdown-grace-seconds", "", "time in-flight requests get on SIGTERM (default 20)"},
        {"drain-seconds", "",
         "on SIGTERM, first serve on this long with /readyz failing, so load balancers take the "
         "replica out before it stops accepting (default 0)"},
        {"session-lifetime-minutes", "", "bearer token lifetime (default 720)"},
        {"choice-set-days", "", "days a choice set takes its one order (default 14)"},
        {"max-connections", "", "open connections at most (default 4096)"},
        {"max-connections-per-address", "",
         "open connections one client address may hold, an IPv6 client by its /64; 0: no bound "
         "(default 256)"},
        {"head-timeout-seconds", "",
         "time for the TLS handshake, and for a request head from its first byte (default 10)"},
        {"min-body-bytes-per-second", "",
         "slowest a request body may arrive, after a start of head-timeout-seconds (default 1024)"},
        {"max-concurrent-uploads", "", "documents being received at once (default 32)"},
        {"proxy-protocol-from", "",
         "comma-separated addresses of load balancers that send a PROXY header naming the client "
         "(default none)"},
        {"scrypt-log2-n", "", "password hashing cost, log2 of scrypt N (default 15)"},
        {"documents-dir", "",
         "an earlier version's documents directory, imported into the database at start "
         "(default var/documents)"},
        {"tender-key-file", "",
         "the key that seals tenders (default var/tender.key; created if missing)"},
        {"audit-signing-key-file", "",
         "Ed25519 private key (PEM) that signs the audit log's checkpoints, the same for every "
         "replica (default none: no checkpoints; README: How an auditor checks the log)"},
        {"max-upload-bytes", "", "largest attached document (default 10485760)"},
        {"job-interval-seconds", "", "how often background jobs run (default 60)"},
        {"web-root", "", "the built web client (default web/ beside the executable)"},
        {"metrics-token-file", "",
         "file with the bearer token /metrics answers to (default none: /metrics is off)"},
        {"oidc-issuers-file", "",
         "identity providers whose tokens sign people in (default none; README: Sign-in)"},
        {"oidc-cache-seconds", "",
         "how long an identity provider's discovered metadata and keys are used before they are "
         "fetched again (default 3600)"},
        {"oidc-refresh-min-seconds", "",
         "an identity provider's metadata and keys are fetched at most this often, tokens naming "
         "an unknown key included (default 60)"},
        {"public-url", "",
         "https://host[:port] where browsers and integrators reach the server: identity providers "
         "send browsers back to it, open data links name it (default: the request's host)"},
        {"webhook-allow-private-addresses", "",
         "let webhooks post to loopback and private networks (default false)"},
        {"ocid-prefix", "",
         "prefix of published OCDS identifiers, registered with the Open Contracting "
         "Partnership (default ocds-tarjot, unregistered)"},
    };
    for (auto& option : o) option.environment = environment_name(option.key);
    return o;
  }();
  return options;
}

void set_config_value(Config& c, const std::string& key, const std::string& value) {
  if (key == "database-url")
    c.database_url = value;
  else if (key == "listen-address")
    c.listen_address = value;
  else if (key == "port")
    c.port = parse_number<unsigned short>(key, value, 0, 65535);
  else if (key == "tls-certificate")
    c.tls_certificate = value;
  else if (key == "tls-private-key")
    c.tls_private_key = value;
  else if (key == "plain-http")
    c.plain_http = parse_bool(key, value);
  else if (key == "workers")
    c.workers = parse_number<unsigned>(key, value, 0, 256);
  else if (key == "request-threads")
    c.request_threads = parse_number<unsigned>(key, value, 1, 1024);
  else if (key == "log-level") {
    if (value != "debug" && value != "info" && value != "warn" && value != "error")
      throw std::invalid_argument("log-level must be debug, info, warn or error");
    c.log_level = value;
  } else if (key == "max-body-bytes")
    c.max_body_bytes = parse_number<std::size_t>(key, value, 1024, 64 * 1024 * 1024);
  else if (key == "max-header-bytes")
    c.max_header_bytes = parse_number<std::size_t>(key, value, 1024, 1024 * 1024);
  else if (key == "request-timeout-seconds")
    c.request_timeout_seconds = parse_number<unsigned>(key, value, 1, 3600);
  else if (key == "idle-timeout-seconds")
    c.idle_timeout_seconds = parse_number<unsigned>(key, value, 1, 3600);
  else if (key == "drain-seconds")
    c.drain_seconds = parse_number<unsigned>(key, value, 0, 3600);
  else if (key == "shutdown-grace-seconds")
    c.shutdown_grace_seconds = parse_number<unsigned>(key, value, 0, 3600);
  else if (key == "session-lifetime-minutes")
    c.session_lifetime_minutes = parse_number<unsigned>(key, value, 1, 60 * 24 * 30);
  else if (key == "choice-set-days")
    c.choice_set_days = parse_number<unsigned>(key, value, 1, 366);
  else if (key == "max-connections")
    c.max_connections = parse_number<std::size_t>(key, value, 1, 1'000'000);
  else if (key == "max-connections-per-address")
    c.max_connections_per_address = parse_number<std::size_t>(key, value, 0, 1'000'000);
  else if (key == "head-timeout-seconds")
    c.head_timeout_seconds = parse_number<unsigned>(key, value, 1, 3600);
  else if (key == "min-body-bytes-per-second")
    c.min_body_bytes_per_second = parse_number<std::size_t>(key, value, 1, 1024 * 1024 * 1024);
  else if (key == "max-concurrent-uploads")
    c.max_concurrent_uploads = parse_number<std::size_t>(key, value, 1, 100'000);
  else if (key == "proxy-protocol-from") {
    for (const auto& address : split_commas(value)) {
      boost::system::error_code ec;
      boost::asio::ip::make_address(address, ec);
      if (ec)
        throw std::invalid_argument("proxy-protocol-from must list IP addresses (got '" + address +
                                    "')");
    }
    c.proxy_protocol_from = value;
  } else if (key == "scrypt-log2-n")
    c.scrypt_log2_n = parse_number<unsigned>(key, value, 10, 20);
  else if (key == "documents-dir")
    c.documents_dir = value;
  else if (key == "tender-key-file")
    c.tender_key_file = value;
  else if (key == "audit-signing-key-file")
    c.audit_signing_key_file = value;
  else if (key == "job-interval-seconds")
    c.job_interval_seconds = parse_number<unsigned>(key, value, 1, 86400);
  else if (key == "web-root")
    c.web_root = value;
  else if (key == "metrics-token-file")
    c.metrics_token_file = value;
  else if (key == "oidc-issuers-file")
    c.oidc_issuers_file = value;
  else if (key == "oidc-cache-seconds")
    c.oidc_cache_seconds = parse_number<unsigned>(key, value, 60, 7 * 86400);
  else if (key == "oidc-refresh-min-seconds")
    c.oidc_refresh_min_seconds = parse_number<unsigned>(key, value, 1, 3600);
  else if (key == "public-url")
    c.public_url = public_url_of(value);
  else if (key == "webhook-allow-private-addresses")
    c.webhook_allow_private_addresses = parse_bool(key, value);
  else if (key == "ocid-prefix") {
    if (!is_ocid_prefix(value))
      throw std::invalid_argument(
          "ocid-prefix must be 'ocds-' and six lower-case letters or "
          "digits, as the Open Contracting Partnership registers them (got '" +
          value + "')");
    c.ocid_prefix = value;
  } else if (key == "max-upload-bytes")
    c.max_upload_bytes = parse_number<std::size_t>(key, value, 1024, 1024 * 1024 * 1024);
  else
    throw std::invalid_argument("unknown setting '" + key + "' (see tarjotin --help)");
}

void load_config_file(Config& config, const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::invalid_argument("cannot read the configuration file " + path);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    line = trim(line.substr(0, line.find('#')));
    if (line.empty()) continue;
    const auto eq = line.find('=');
    if (eq == std::string::npos)
      throw std::invalid_argument(path + ":" + std::to_string(number) + ": expected key = value");
    try {
      set_config_value(config, trim(line.substr(0, eq)), trim(line.substr(eq + 1)));
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument(path + ":" + std::to_string(number) + ": " + e.what());
    }
  }
}

void load_config_environment(Config& config, char** environ_vars) {
  for (char** e = environ_vars; e && *e; ++e) {
    const std::string entry(*e);
    const auto eq = entry.find('=');
    if (eq == std::string::npos) continue;
    const std::string name = entry.substr(0, eq);
    for (const auto& option : config_options())
      if (option.environment == name) set_config_value(config, option.key, entry.substr(eq + 1));
  }
}

std::vector<std::string> load_config(Config& config, const std::vector<std::string>& args,
                                     char** environ_vars) {
  std::vector<std::string> rest;
  std::vector<std::pair<std::string, std::string>> flags;
  std::string file;
  for (char** e = environ_vars; e && *e; ++e)
    if (std::strncmp(*e, "TARJOTIN_CONFIG=", 16) == 0) file = *e + 16;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a.rfind("--", 0) != 0 || a == "--help" || a == "--") {
      rest.push_back(a);
      continue;
    }
    std::string key = a.substr(2), value;
    if (const auto eq = key.find('='); eq != std::string::npos) {
      value = key.substr(eq + 1);
      key = key.substr(0, eq);
    } else if (key == "plain-http") {
      value = "true";
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      throw std::invalid_argument("--" + key + " needs a value");
    }
    if (key == "config")
      file = value;
    else
      flags.emplace_back(key, value);
  }
  if (!file.empty()) load_config_file(config, file);
  load_config_environment(config, environ_vars);
  for (const auto& [key, value] : flags) set_config_value(config, key, value);
  return rest;
}

std::string config_help() {
  std::string text =
      "Settings (a flag --KEY VALUE, an environment variable, or KEY = VALUE in the file named by "
      "--config or TARJOTIN_CONFIG; flags win over the environment, the environment over the "
      "file):\n";
  for (const auto& o : config_options()) {
    text += "  --" + o.key;
    text.append(o.key.size() < 26 ? 26 - o.key.size() : 1, ' ');
    text += o.environment + "\n      " + o.help + "\n";
  }
  return text;
}

}  // namespace tarjotin::server
