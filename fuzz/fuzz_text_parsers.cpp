// The small text parsers of our own, one per value of the first input byte ('0' to '8'):
//   0 timestamps and dates            server/time_format.hpp
//   1 the `key = value` settings file server/config.hpp
//   2 query parameters                Exchange::query_param (server/api.hpp)
//   3 database URLs                   storage/database.hpp
//   4 stored lists and amounts        storage/text_lists.hpp
//   5 business IDs                    domain/identifiers.hpp
//   6 stored and API enum names       domain/*.hpp
//   7 upload file names               domain/qualification/documents.hpp
//   8 request paths                   server/router.hpp
// Each checks what its parser promises, mostly that what it reads it writes back the same way.

#include <libpq-fe.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cctype>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "domain/competition/entities.hpp"
#include "domain/identifiers.hpp"
#include "domain/identity.hpp"
#include "domain/input_rules.hpp"
#include "domain/ordering/entities.hpp"
#include "domain/qualification/entities.hpp"
#include "domain/qualification/rules.hpp"
#include "fuzz/fuzz_check.hpp"
#include "server/api.hpp"
#include "server/config.hpp"
#include "server/json.hpp"
#include "server/router.hpp"
#include "server/time_format.hpp"
#include "storage/database.hpp"
#include "storage/text_lists.hpp"

namespace tarjotin::fuzz {
namespace {

// Splits at every NUL byte.
std::vector<std::string> pieces(std::string_view input) {
  std::vector<std::string> out;
  for (;;) {
    const auto nul = input.find('\0');
    out.emplace_back(input.substr(0, nul));
    if (nul == std::string_view::npos) return out;
    input.remove_prefix(nul + 1);
  }
}

// ---- 0: timestamps and dates -----------------------------------------------------------------

void timestamps(std::string_view text) {
  if (const auto day = server::parse_date(text)) {
    FUZZ_CHECK(server::format_date(*day) == text);  // only one spelling of a date is read
  }
  if (const auto t = server::parse_timestamp(text)) {
    const std::string written = server::format_timestamp(*t);
    FUZZ_CHECK(written.size() == 27);
    FUZZ_CHECK(server::parse_timestamp(written) == t);
    // With all six fractional digits the text is exactly what the server writes.
    if (text.size() == 27) FUZZ_CHECK(written == text);
    FUZZ_CHECK(server::parse_date(written.substr(0, 10)).has_value());
  }
}

// ---- 1: the settings file --------------------------------------------------------------------

// The settings as a file, every one of them, so that reading it back gives the same settings.
std::string settings_file(const server::Config& c) {
  std::string out;
  auto line = [&out](const char* key, const std::string& value) {
    out += std::string(key) + " = " + value + "\n";
  };
  line("database-url", c.database_url);
  line("listen-address", c.listen_address);
  line("port", std::to_string(c.port));
  line("tls-certificate", c.tls_certificate);
  line("tls-private-key", c.tls_private_key);
  line("plain-http", c.plain_http ? "true" : "false");
  line("workers", std::to_string(c.workers));
  line("log-level", c.log_level);
  line("max-body-bytes", std::to_string(c.max_body_bytes));
  line("max-header-bytes", std::to_string(c.max_header_bytes));
  line("request-timeout-seconds", std::to_string(c.request_timeout_seconds));
  line("idle-timeout-seconds", std::to_string(c.idle_timeout_seconds));
  line("shutdown-grace-seconds", std::to_string(c.shutdown_grace_seconds));
  line("session-lifetime-minutes", std::to_string(c.session_lifetime_minutes));
  line("max-connections", std::to_string(c.max_connections));
  line("scrypt-log2-n", std::to_string(c.scrypt_log2_n));
  line("documents-dir", c.documents_dir);
  line("tender-key-file", c.tender_key_file);
  line("max-upload-bytes", std::to_string(c.max_upload_bytes));
  line("job-interval-seconds", std::to_string(c.job_interval_seconds));
  return out;
}

// load_config_file reads a path; an in-memory file gives it one without touching the disk.
class MemoryFile {
 public:
  MemoryFile() : fd_(memfd_create("tarjotin-fuzz-config", 0)) {
    if (fd_ < 0) std::abort();
    path_ = "/proc/self/fd/" + std::to_string(fd_);
  }
  const std::string& write(std::string_view content) {
    if (ftruncate(fd_, 0) != 0 ||
        pwrite(fd_, content.data(), content.size(), 0) != static_cast<ssize_t>(content.size()))
      std::abort();
    return path_;
  }

 private:
  int fd_;
  std::string path_;
};

std::optional<server::Config> load(std::string_view text) {
  static MemoryFile* file = new MemoryFile;
  const std::string& path = file->write(text);
  server::Config config;
  try {
    server::load_config_file(config, path);
  } catch (const std::invalid_argument& e) {
    // Every refusal says which line of which file.
    FUZZ_CHECK(std::string_view(e.what()).starts_with(path + ":"));
    return std::nullopt;
  }
  return config;
}

void settings(std::string_view text) {
  const auto config = load(text);
  if (!config) return;
  const std::string written = settings_file(*config);
  const auto again = load(written);
  FUZZ_CHECK(again.has_value());
  FUZZ_CHECK(settings_file(*again) == written);
}

// ---- 2: query parameters ---------------------------------------------------------------------

std::string percent_encoded(std::string_view value, bool lower_case_hex) {
  const char* digits = lower_case_hex ? "0123456789abcdef" : "0123456789ABCDEF";
  std::string out;
  for (char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(c);
    } else if (c == ' ') {
      out.push_back('+');
    } else {
      out.push_back('%');
      out.push_back(digits[u >> 4]);
      out.push_back(digits[u & 15]);
    }
  }
  return out;
}

void query_parameters(std::string_view input) {
  static const server::Request* request = new server::Request;
  const auto [name, value] = two_parts(input);
  // Any query: every name in it is found, and no value decodes to more than the query holds.
  server::Exchange exchange{*request, {}, std::string(input), "fuzz", std::nullopt,
                            {},       {}, "192.0.2.1"};
  for (std::string_view rest = exchange.query; !rest.empty();) {
    const auto amp = rest.find('&');
    const auto pair = rest.substr(0, amp);
    const auto found = exchange.query_param(pair.substr(0, pair.find('=')));
    FUZZ_CHECK(found.has_value() && found->size() <= exchange.query.size());
    rest = amp == rest.npos ? std::string_view() : rest.substr(amp + 1);
  }
  // A value encoded as a browser would is decoded to itself.
  if (name.find_first_of("&=") != std::string_view::npos) return;
  const bool lower = !value.empty() && (value.front() & 1);
  exchange.query = (name == "a" ? "b=1&" : "a=1&") + std::string(name) + "=" +
                   percent_encoded(value, lower) + "&" + std::string(name) + "=second";
  const auto decoded = exchange.query_param(name);
  FUZZ_CHECK(decoded.has_value() && *decoded == value);
}

// ---- 3: database URLs ------------------------------------------------------------------------

std::map<std::string, std::string> conninfo_options(const std::string& conninfo, bool& parsed) {
  std::map<std::string, std::string> out;
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
  parsed = options != nullptr;
  if (error) PQfreemem(error);
  if (!options) return out;
  for (PQconninfoOption* o = options; o->keyword; ++o)
    if (o->val) out[o->keyword] = o->val;
  PQconninfoFree(options);
  return out;
}

bool plain_keyword(std::string_view key) {
  return !key.empty() && key.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == key.npos;
}

void database_urls(std::string_view input) {
  const std::string url(input);
  storage::DatabaseUrl parsed;
  try {
    parsed = storage::parse_database_url(url);
  } catch (const std::invalid_argument&) {
    return;
  }
  if (parsed.backend == storage::Backend::sqlite) {
    const std::string path = url.substr(url.starts_with("sqlite://") ? 9 : 7);
    FUZZ_CHECK(!path.empty() && path.find_first_of(std::string(" '\"\0", 4)) == std::string::npos);
    FUZZ_CHECK(parsed.connect == "db=" + path + " timeout=10");
    return;
  }
  FUZZ_CHECK(url.starts_with("postgresql://") || url.starts_with("postgres://"));
  // libpq reads the connect string back; the options it finds are the ones the URL gave. A
  // parameter name that is not a plain keyword, or a NUL anywhere, was refused above.
  FUZZ_CHECK(parsed.connect.find('\0') == std::string::npos);
  const auto query = url.find('?');
  std::set<std::string> given;  // parameters with a value (one without is left out)
  if (query != std::string::npos) {
    for (std::string_view rest = std::string_view(url).substr(query + 1); !rest.empty();) {
      const auto amp = rest.find('&');
      const auto pair = rest.substr(0, amp);
      const auto eq = pair.find('=');
      const std::string key(pair.substr(0, eq));
      FUZZ_CHECK(plain_keyword(key));
      if (eq != std::string_view::npos && eq + 1 < pair.size()) given.insert(key);
      rest = amp == rest.npos ? std::string_view() : rest.substr(amp + 1);
    }
  }
  bool ok = false;
  const auto options = conninfo_options(parsed.connect, ok);
  if (!ok) {
    FUZZ_CHECK(!given.empty());
    return;
  }
  for (const auto& [key, value] : options) {
    FUZZ_CHECK(!value.empty());
    FUZZ_CHECK(given.count(key) || key == "user" || key == "password" || key == "host" ||
               key == "port" || key == "dbname");
  }
  for (const auto& key : given) FUZZ_CHECK(options.count(key) == 1);
}

// ---- 4: lists and amounts in one TEXT column -------------------------------------------------

void text_lists(std::string_view input) {
  const std::string text(input);
  FUZZ_CHECK(storage::join_lines(storage::split_lines(text)) == text);

  // What the domain lets through as a list is stored and read back unchanged.
  const auto items = pieces(input);
  if (domain::check_list(items, "/items").ok())
    FUZZ_CHECK(storage::split_lines(storage::join_lines(items)) == items);

  std::map<std::string, long long> amounts;
  try {
    amounts = storage::split_amounts(text);
  } catch (const std::runtime_error&) {
    amounts.clear();
  }
  FUZZ_CHECK(storage::split_amounts(storage::join_amounts(amounts)) == amounts);

  // Amounts made up from the input: names are single lines, values any whole number.
  std::map<std::string, long long> made;
  for (const auto& piece : items) {
    if (piece.size() < 8) break;
    long long value = 0;
    std::memcpy(&value, piece.data(), sizeof value);
    std::string name = piece.substr(8);
    if (name.find('\n') != std::string::npos) continue;
    made[name] = value;
  }
  FUZZ_CHECK(storage::split_amounts(storage::join_amounts(made)) == made);
}

// ---- 5: business IDs -------------------------------------------------------------------------

bool finnish_id_ok(const std::string& id) { return domain::canonical_business_id("FI", id).ok(); }

void business_ids(std::string_view input) {
  const auto [country, id] = two_parts(input);
  const auto result = domain::canonical_business_id(country, id);
  if (!domain::is_country_code(country)) {
    FUZZ_CHECK(!result.ok());
    return;
  }
  if (!result.ok()) return;
  const std::string& canonical = result.value();
  if (country == "FI") {
    FUZZ_CHECK(canonical == id);
    // The check digit finds every single changed digit and every swap of two neighbouring,
    // different digits.
    for (std::size_t i = 0; i < canonical.size(); ++i) {
      if (i == 7) continue;
      std::string changed = canonical;
      changed[i] = static_cast<char>('0' + (canonical[i] - '0' + 1 + (input.size() % 9)) % 10);
      FUZZ_CHECK(!finnish_id_ok(changed));
      if (i + 1 < 7 && canonical[i] != canonical[i + 1]) {
        std::string swapped = canonical;
        std::swap(swapped[i], swapped[i + 1]);
        FUZZ_CHECK(!finnish_id_ok(swapped));
      }
    }
    return;
  }
  FUZZ_CHECK(canonical.size() >= 4 && canonical.size() <= 20);
  std::string expected;
  for (char c : id)
    if (c != ' ' && c != '-' && c != '.')
      expected.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  FUZZ_CHECK(canonical == expected);
  const auto again = domain::canonical_business_id(country, canonical);
  FUZZ_CHECK(again.ok() && again.value() == canonical);
}

// ---- 6: enum names ---------------------------------------------------------------------------

template <class Parse>
void name_round_trip(std::string_view text, Parse parse) {
  if (const auto value = parse(text)) FUZZ_CHECK(domain::to_string(*value) == text);
}

// Acts that are only read, never written: a name is lower case words joined by '_'.
template <class Parse>
void name_only(std::string_view text, Parse parse) {
  if (parse(text))
    FUZZ_CHECK(!text.empty() &&
               text.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string_view::npos);
}

void enum_names(std::string_view text) {
  name_round_trip(text, domain::parse_role);
  name_round_trip(text, domain::parse_organisation_kind);
  name_round_trip(text, domain::parse_outcome_type);
  name_round_trip(text, domain::parse_unemployment_band);
  name_round_trip(text, domain::parse_age_band);
  name_round_trip(text, domain::parse_consent_scope);
  name_round_trip(text, domain::parse_order_act);
  name_round_trip(text, domain::parse_dps_act);
  name_round_trip(text, domain::parse_award_method);
  name_only(text, domain::parse_category_act);
  name_round_trip(text, domain::parse_criterion_type);
  name_round_trip(text, domain::parse_criterion_kind);
  name_only(text, domain::parse_admission_act);
  name_round_trip(text, domain::parse_criterion_basis);
  // A media type is matched without case and parameters.
  if (const auto type = domain::parse_media_type(text)) {
    std::string bare(text.substr(0, text.find(';')));
    while (!bare.empty() && bare.back() == ' ') bare.pop_back();
    for (char& c : bare) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    FUZZ_CHECK(domain::to_string(*type) == bare);
    FUZZ_CHECK(domain::parse_media_type(domain::to_string(*type)) == type);
  }
}

// ---- 7: file names of uploads ----------------------------------------------------------------

void file_names(std::string_view name) {
  const std::string safe = domain::safe_filename(name);
  FUZZ_CHECK(!safe.empty() && safe.size() <= 200);
  FUZZ_CHECK(safe.find_first_of("/\\\"") == std::string::npos);
  for (char c : safe) FUZZ_CHECK(static_cast<unsigned char>(c) >= 0x20 && c != 0x7f);
  FUZZ_CHECK(safe.front() != '.' && safe.front() != ' ');
  FUZZ_CHECK(domain::safe_filename(safe) == safe);
  // Well-formed UTF-8 stays well-formed: a cut never falls inside a character.
  if (server::is_clean_text(name)) FUZZ_CHECK(server::is_clean_text(safe));

  if (const auto sniffed = domain::sniff_media_type(name)) {
    const std::string_view signature = *sniffed == domain::MediaType::pdf ? "%PDF-"
                                       : *sniffed == domain::MediaType::png
                                           ? std::string_view("\x89PNG\r\n\x1a\n", 8)
                                           : std::string_view("\xFF\xD8\xFF", 3);
    FUZZ_CHECK(name.starts_with(signature));
  }
}

// ---- 8: request paths ------------------------------------------------------------------------

void paths(std::string_view path) {
  const auto segments = server::split_path(path);
  FUZZ_CHECK(!segments.empty());
  std::string joined;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    FUZZ_CHECK(segments[i].find('/') == std::string::npos);
    joined += (i ? "/" : "") + segments[i];
  }
  FUZZ_CHECK((path.starts_with('/') ? "/" + joined : joined) == path);
}

}  // namespace
}  // namespace tarjotin::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tarjotin::fuzz;
  return run_one_of(data, size,
                    {timestamps, settings, query_parameters, database_urls, text_lists,
                     business_ids, enum_names, file_names, paths});
}
