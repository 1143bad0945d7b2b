#pragma once
// Configuration: built-in defaults, then a file, then TARJOTIN_* environment variables, then
// command-line flags; each later source overrides the earlier ones.

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace tarjotin::server {

// Open contracting identifiers begin with the publisher's prefix, registered with the Open
// Contracting Partnership. This default is registered to no one: an installation that publishes
// open data sets its own.
inline constexpr const char* kUnregisteredOcidPrefix = "ocds-tarjot";

struct Config {
  std::string database_url = "sqlite://var/tarjotin.db";
  std::string listen_address = "127.0.0.1";
  unsigned short port = 8443;
  std::string tls_certificate = "var/tls/server.crt";
  std::string tls_private_key = "var/tls/server.key";
  bool plain_http = false;  // only behind a TLS-terminating proxy
  unsigned workers = 0;     // 0: one per CPU core
  // Handlers wait on the database; this many can wait at once. Also the connection pool size
  // (plus two for background jobs).
  unsigned request_threads = 32;
  std::string log_level = "info";
  std::size_t max_body_bytes = 1024 * 1024;
  std::size_t max_header_bytes = 16 * 1024;
  unsigned request_timeout_seconds = 30;
  unsigned idle_timeout_seconds = 60;
  unsigned shutdown_grace_seconds = 20;
  unsigned drain_seconds = 0;
  unsigned session_lifetime_minutes = 12 * 60;
  unsigned choice_set_days = 14;
  std::size_t max_connections = 4096;
  // One client address (an IPv6 client by its /64) holds this many at most; 0: no bound. An
  // office behind one NAT address opens a few per person.
  std::size_t max_connections_per_address = 256;
  unsigned head_timeout_seconds = 10;
  std::size_t min_body_bytes_per_second = 1024;
  std::size_t max_concurrent_uploads = 32;
  // Addresses of load balancers that send a PROXY header (version 1) first, comma-separated.
  std::string proxy_protocol_from;
  unsigned scrypt_log2_n = 15;
  std::string documents_dir = "var/documents";
  // 32 random bytes as hex; tender content is sealed under keys derived from it. Created on
  // first start when missing; every replica must use the same file.
  std::string tender_key_file = "var/tender.key";
  // The Ed25519 private key (PEM) that signs the audit log's tree heads; kept apart from the
  // database. Empty: no signed checkpoints (/v1/audit/checkpoint answers 503).
  std::string audit_signing_key_file;
  std::size_t max_upload_bytes = 10 * 1024 * 1024;
  // The built web client; empty: web/ beside the executable.
  std::string web_root;
  // A file holding the bearer token that /metrics answers to; empty: /metrics is not served.
  std::string metrics_token_file;
  std::string oidc_issuers_file;  // empty: only Tarjotin's own sign-in
  // An issuer's discovered metadata and keys are fetched again when this old, and at most once
  // per refresh interval (a token naming a key not yet known included).
  unsigned oidc_cache_seconds = 3600;
  unsigned oidc_refresh_min_seconds = 60;
  unsigned job_interval_seconds = 60;
  // Webhook URLs come from providers: by default one that resolves to loopback, a private
  // network or a reserved range is refused (SSRF). A closed network with its own receivers
  // turns this on.
  bool webhook_allow_private_addresses = false;
  // "ocds-" and six letters or digits: the prefix of the OCDS identifiers the server publishes.
  std::string ocid_prefix = kUnregisteredOcidPrefix;
  // https://host[:port] as browsers and integrators reach the server ("https://hankinnat.
  // example.fi"): where identity providers send browsers back, and the addresses open data
  // names; empty: https:// and the host the request was sent to.
  std::string public_url;

  unsigned effective_workers() const;
};

struct ConfigOption {
  std::string key;          // as in the file and as a flag: --database-url
  std::string environment;  // TARJOTIN_DATABASE_URL
  std::string help;
};

const std::vector<ConfigOption>& config_options();

// "a, b,,c" → {"a", "b", "c"}: the items of a comma-separated setting, trimmed, empty ones left
// out.
std::vector<std::string> split_commas(const std::string& list);

// Applies `key = value` (file syntax, key as in config_options). Throws std::invalid_argument
// with a sentence that names the key when the value does not fit.
void set_config_value(Config& config, const std::string& key, const std::string& value);

// Reads "key = value" lines; '#' starts a comment.
void load_config_file(Config& config, const std::string& path);
void load_config_environment(Config& config, char** environ_vars);

// Consumes --key=value / --key value flags and --config FILE from args; returns the
// rest. A file named with --config (or TARJOTIN_CONFIG) is read before the environment.
std::vector<std::string> load_config(Config& config, const std::vector<std::string>& args,
                                     char** environ_vars);

std::string config_help();

}  // namespace tarjotin::server
