#include "server/config.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace tarjotin::server {
namespace {

// Expects `f` to throw std::invalid_argument and returns its message.
template <class F>
std::string invalid_argument_message(F&& f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return e.what();
  } catch (...) {
    ADD_FAILURE() << "threw something other than std::invalid_argument";
    return {};
  }
  ADD_FAILURE() << "did not throw";
  return {};
}

bool mentions(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Environment blocks as the C runtime hands them over: mutable strings, nullptr at the end.
class Environment {
 public:
  Environment(std::initializer_list<std::string> entries) : storage_(entries) {
    for (auto& s : storage_) pointers_.push_back(s.data());
    pointers_.push_back(nullptr);
  }
  char** get() { return pointers_.data(); }

 private:
  std::vector<std::string> storage_;
  std::vector<char*> pointers_;
};

class ConfigFile : public ::testing::Test {
 protected:
  std::string write(const std::string& text) {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    const auto path = std::filesystem::temp_directory_path() /
                      ("tarjotin-config-" + std::to_string(::getpid()) + "-" + info->name() + "-" +
                       std::to_string(paths_.size()) + ".conf");
    std::ofstream(path, std::ios::binary) << text;
    paths_.push_back(path);
    return path.string();
  }
  void TearDown() override {
    for (const auto& p : paths_) std::filesystem::remove(p);
  }

 private:
  std::vector<std::filesystem::path> paths_;
};

// A value each setting accepts, and the field it lands in; a new setting must be added here.
const std::map<std::string, std::string> kGoodValues = {
    {"database-url", "postgresql://tarjotin@db/tarjotin"},
    {"listen-address", "0.0.0.0"},
    {"port", "9443"},
    {"tls-certificate", "/etc/tarjotin/cert.pem"},
    {"tls-private-key", "/etc/tarjotin/key.pem"},
    {"plain-http", "true"},
    {"workers", "7"},
    {"request-threads", "18"},
    {"log-level", "debug"},
    {"max-body-bytes", "2048"},
    {"max-header-bytes", "4096"},
    {"request-timeout-seconds", "11"},
    {"idle-timeout-seconds", "12"},
    {"shutdown-grace-seconds", "13"},
    {"session-lifetime-minutes", "14"},
    {"choice-set-days", "30"},
    {"max-connections", "15"},
    {"scrypt-log2-n", "16"},
    {"documents-dir", "/srv/tarjotin/documents"},
    {"tender-key-file", "/srv/tarjotin/tender.key"},
    {"audit-signing-key-file", "/run/secrets/audit-signing.key"},
    {"max-upload-bytes", "20971520"},
    {"job-interval-seconds", "17"},
    {"metrics-token-file", "/run/secrets/metrics-token"},
    {"oidc-issuers-file", "/etc/tarjotin/issuers.json"},
    {"oidc-cache-seconds", "7200"},
    {"oidc-refresh-min-seconds", "30"},
    {"public-url", "https://tarjotin.kuopio.example:8443/"},
    {"web-root", "/usr/lib/tarjotin/web"},
    {"webhook-allow-private-addresses", "true"},
    {"max-connections-per-address", "21"},
    {"drain-seconds", "25"},
    {"head-timeout-seconds", "22"},
    {"min-body-bytes-per-second", "23"},
    {"max-concurrent-uploads", "24"},
    {"proxy-protocol-from", "10.0.0.5, 2001:db8::7"},
    {"ocid-prefix", "ocds-k1o2p3"},
};

void expect_good_values(const Config& c) {
  EXPECT_EQ(c.database_url, "postgresql://tarjotin@db/tarjotin");
  EXPECT_EQ(c.listen_address, "0.0.0.0");
  EXPECT_EQ(c.port, 9443);
  EXPECT_EQ(c.tls_certificate, "/etc/tarjotin/cert.pem");
  EXPECT_EQ(c.tls_private_key, "/etc/tarjotin/key.pem");
  EXPECT_TRUE(c.plain_http);
  EXPECT_EQ(c.workers, 7u);
  EXPECT_EQ(c.request_threads, 18u);
  EXPECT_EQ(c.log_level, "debug");
  EXPECT_EQ(c.max_body_bytes, 2048u);
  EXPECT_EQ(c.max_header_bytes, 4096u);
  EXPECT_EQ(c.request_timeout_seconds, 11u);
  EXPECT_EQ(c.idle_timeout_seconds, 12u);
  EXPECT_EQ(c.shutdown_grace_seconds, 13u);
  EXPECT_EQ(c.session_lifetime_minutes, 14u);
  EXPECT_EQ(c.choice_set_days, 30u);
  EXPECT_EQ(c.max_connections, 15u);
  EXPECT_EQ(c.scrypt_log2_n, 16u);
  EXPECT_EQ(c.documents_dir, "/srv/tarjotin/documents");
  EXPECT_EQ(c.tender_key_file, "/srv/tarjotin/tender.key");
  EXPECT_EQ(c.audit_signing_key_file, "/run/secrets/audit-signing.key");
  EXPECT_EQ(c.max_upload_bytes, 20971520u);
  EXPECT_EQ(c.job_interval_seconds, 17u);
  EXPECT_EQ(c.metrics_token_file, "/run/secrets/metrics-token");
  EXPECT_EQ(c.oidc_issuers_file, "/etc/tarjotin/issuers.json");
  EXPECT_EQ(c.oidc_cache_seconds, 7200u);
  EXPECT_EQ(c.oidc_refresh_min_seconds, 30u);
  EXPECT_EQ(c.public_url, "https://tarjotin.kuopio.example:8443");
  EXPECT_EQ(c.web_root, "/usr/lib/tarjotin/web");
  EXPECT_TRUE(c.webhook_allow_private_addresses);
  EXPECT_EQ(c.max_connections_per_address, 21u);
  EXPECT_EQ(c.drain_seconds, 25u);
  EXPECT_EQ(c.head_timeout_seconds, 22u);
  EXPECT_EQ(c.min_body_bytes_per_second, 23u);
  EXPECT_EQ(c.max_concurrent_uploads, 24u);
  EXPECT_EQ(split_commas(c.proxy_protocol_from),
            (std::vector<std::string>{"10.0.0.5", "2001:db8::7"}));
  EXPECT_EQ(c.ocid_prefix, "ocds-k1o2p3");
}

TEST(SetConfigValue, RefusesAPublicUrlThatIsNotAnHttpsOrigin) {
  for (const char* url : {"http://tarjotin.example", "https://tarjotin.example/path",
                          "https://tarjotin.example?x=1", "tarjotin.example", "https://"}) {
    Config c;
    const std::string message =
        invalid_argument_message([&] { set_config_value(c, "public-url", url); });
    EXPECT_TRUE(mentions(message, "public-url")) << url << ": " << message;
    EXPECT_EQ(c.public_url, "") << url;
  }
}

TEST(SetConfigValue, RefusesAProxyThatIsNotAnAddressNamingTheKey) {
  Config c;
  const std::string message = invalid_argument_message(
      [&] { set_config_value(c, "proxy-protocol-from", "10.0.0.5,balancer.example"); });
  EXPECT_TRUE(mentions(message, "proxy-protocol-from")) << message;
  EXPECT_TRUE(mentions(message, "balancer.example")) << message;
  EXPECT_EQ(c.proxy_protocol_from, "");
}

const char* const kNumericKeys[] = {"port",
                                    "workers",
                                    "max-body-bytes",
                                    "max-header-bytes",
                                    "request-timeout-seconds",
                                    "idle-timeout-seconds",
                                    "shutdown-grace-seconds",
                                    "session-lifetime-minutes",
                                    "choice-set-days",
                                    "max-connections",
                                    "scrypt-log2-n",
                                    "head-timeout-seconds",
                                    "max-concurrent-uploads",
                                    "oidc-cache-seconds",
                                    "oidc-refresh-min-seconds"};

TEST(Config, DefaultsAreSafeForADeveloperMachine) {
  const Config c;
  EXPECT_EQ(c.listen_address, "127.0.0.1");
  EXPECT_EQ(c.port, 8443);
  EXPECT_FALSE(c.plain_http);
  EXPECT_EQ(c.workers, 0u);
  EXPECT_EQ(c.log_level, "info");
  EXPECT_EQ(c.max_body_bytes, 1024u * 1024u);
  EXPECT_EQ(c.max_header_bytes, 16u * 1024u);
  EXPECT_EQ(c.request_timeout_seconds, 30u);
  EXPECT_EQ(c.idle_timeout_seconds, 60u);
  EXPECT_EQ(c.shutdown_grace_seconds, 20u);
  EXPECT_EQ(c.session_lifetime_minutes, 720u);
  EXPECT_EQ(c.choice_set_days, 14u);
  EXPECT_EQ(c.max_connections, 4096u);
  EXPECT_EQ(c.scrypt_log2_n, 15u);
  EXPECT_EQ(c.database_url, "sqlite://var/tarjotin.db");
}

TEST(Config, EffectiveWorkersIsTheSettingOrAtLeastOne) {
  Config c;
  c.workers = 3;
  EXPECT_EQ(c.effective_workers(), 3u);
  c.workers = 0;
  EXPECT_GE(c.effective_workers(), 1u);
}

TEST(ConfigOptions, ListEveryKeyOnceWithItsEnvironmentName) {
  std::set<std::string> keys;
  for (const auto& o : config_options()) {
    EXPECT_TRUE(keys.insert(o.key).second) << o.key;
    EXPECT_FALSE(o.help.empty()) << o.key;
  }
  std::set<std::string> expected;
  for (const auto& [key, value] : kGoodValues) expected.insert(key);
  EXPECT_EQ(keys, expected);

  std::map<std::string, std::string> env;
  for (const auto& o : config_options()) env[o.key] = o.environment;
  EXPECT_EQ(env["database-url"], "TARJOTIN_DATABASE_URL");
  EXPECT_EQ(env["port"], "TARJOTIN_PORT");
  EXPECT_EQ(env["scrypt-log2-n"], "TARJOTIN_SCRYPT_LOG2_N");
}

TEST(ConfigOptions, HelpNamesEveryFlagAndVariable) {
  const std::string help = config_help();
  for (const auto& o : config_options()) {
    EXPECT_TRUE(mentions(help, "--" + o.key)) << o.key;
    EXPECT_TRUE(mentions(help, o.environment)) << o.environment;
  }
}

TEST(SetConfigValue, SetsEverySetting) {
  Config c;
  for (const auto& [key, value] : kGoodValues) EXPECT_NO_THROW(set_config_value(c, key, value));
  expect_good_values(c);
}

TEST(SetConfigValue, AcceptsTheUsualSpellingsOfTrueAndFalse) {
  Config c;
  for (const char* yes : {"true", "1", "yes"}) {
    c.plain_http = false;
    set_config_value(c, "plain-http", yes);
    EXPECT_TRUE(c.plain_http) << yes;
  }
  for (const char* no : {"false", "0", "no"}) {
    c.plain_http = true;
    set_config_value(c, "plain-http", no);
    EXPECT_FALSE(c.plain_http) << no;
  }
}

TEST(SetConfigValue, RefusesAnythingElseAsABooleanNamingTheKey) {
  for (const char* value : {"", "maybe", "on", "2"}) {
    Config c;
    const std::string message =
        invalid_argument_message([&] { set_config_value(c, "plain-http", value); });
    EXPECT_TRUE(mentions(message, "plain-http")) << message;
    EXPECT_FALSE(c.plain_http);
  }
}

TEST(SetConfigValue, AcceptsEachLogLevel) {
  Config c;
  for (const char* level : {"debug", "info", "warn", "error"}) {
    set_config_value(c, "log-level", level);
    EXPECT_EQ(c.log_level, level);
  }
}

TEST(SetConfigValue, RefusesAnUnknownLogLevelNamingTheKey) {
  Config c;
  const std::string message =
      invalid_argument_message([&] { set_config_value(c, "log-level", "verbose"); });
  EXPECT_TRUE(mentions(message, "log-level")) << message;
  EXPECT_EQ(c.log_level, "info");
}

TEST(SetConfigValue, RefusesNonNumericValuesNamingTheKey) {
  for (const char* key : kNumericKeys)
    for (const char* value : {"", "abc", "12x", "x12", "1.5", "0x10", "+12"}) {
      Config c;
      const Config before = c;
      const std::string message =
          invalid_argument_message([&] { set_config_value(c, key, value); });
      EXPECT_TRUE(mentions(message, key)) << key << " = '" << value << "': " << message;
      EXPECT_EQ(c.port, before.port);
      EXPECT_EQ(c.workers, before.workers);
      EXPECT_EQ(c.max_body_bytes, before.max_body_bytes);
    }
}

TEST(SetConfigValue, RefusesNegativeAndOverflowingNumbersNamingTheKey) {
  for (const char* key : kNumericKeys)
    for (const char* value : {"-1", "99999999999999999999999999"}) {
      Config c;
      const std::string message =
          invalid_argument_message([&] { set_config_value(c, key, value); });
      EXPECT_TRUE(mentions(message, key)) << key << " = " << value << ": " << message;
    }
}

TEST(SetConfigValue, RefusesAPortAbove65535AndKeepsTheOldOne) {
  Config c;
  set_config_value(c, "port", "65535");
  EXPECT_EQ(c.port, 65535);
  for (const char* value : {"65536", "70000", "4294967297"}) {
    const std::string message =
        invalid_argument_message([&] { set_config_value(c, "port", value); });
    EXPECT_TRUE(mentions(message, "port")) << message;
    // A wrapped value would silently listen somewhere else.
    EXPECT_EQ(c.port, 65535) << value;
  }
}

TEST(SetConfigValue, RefusesValuesOutsideEachSettingsRange) {
  const std::map<std::string, std::vector<std::string>> out_of_range = {
      {"max-body-bytes", {"0"}},           {"max-header-bytes", {"0"}},
      {"request-timeout-seconds", {"0"}},  {"idle-timeout-seconds", {"0"}},
      {"session-lifetime-minutes", {"0"}}, {"max-connections", {"0"}},
      {"scrypt-log2-n", {"0", "64"}},      {"choice-set-days", {"0", "367"}},
  };
  for (const auto& [setting, values] : out_of_range)
    for (const auto& value : values) {
      const std::string& key = setting;  // clang 14 lambdas cannot capture structured bindings
      Config c;
      const std::string message =
          invalid_argument_message([&] { set_config_value(c, key, value); });
      EXPECT_TRUE(mentions(message, key)) << key << " = " << value << ": " << message;
    }
}

TEST(SetConfigValue, RefusesAnUnknownKeyNamingIt) {
  Config c;
  const std::string message =
      invalid_argument_message([&] { set_config_value(c, "prot", "8080"); });
  EXPECT_TRUE(mentions(message, "prot")) << message;
  EXPECT_EQ(c.port, 8443);
}

TEST(SetConfigValue, KeysAreNotEnvironmentNames) {
  Config c;
  EXPECT_THROW(set_config_value(c, "TARJOTIN_PORT", "8080"), std::invalid_argument);
  EXPECT_THROW(set_config_value(c, "--port", "8080"), std::invalid_argument);
  EXPECT_THROW(set_config_value(c, "Port", "8080"), std::invalid_argument);
}

TEST_F(ConfigFile, ReadsKeyValueLinesSkippingCommentsAndBlankLines) {
  const std::string path = write(
      "# Tarjotin settings\n"
      "\n"
      "port = 9000\n"
      "   \t\n"
      "  listen-address=0.0.0.0   # all interfaces\n"
      "log-level\t=\twarn\n"
      "#port = 1\n");
  Config c;
  load_config_file(c, path);
  EXPECT_EQ(c.port, 9000);
  EXPECT_EQ(c.listen_address, "0.0.0.0");
  EXPECT_EQ(c.log_level, "warn");
  EXPECT_EQ(c.workers, 0u);
}

TEST_F(ConfigFile, ReadsWindowsLineEndings) {
  const std::string path = write("port = 9001\r\nplain-http = yes\r\n");
  Config c;
  load_config_file(c, path);
  EXPECT_EQ(c.port, 9001);
  EXPECT_TRUE(c.plain_http);
}

TEST_F(ConfigFile, ReadsALastLineWithoutNewline) {
  const std::string path = write("port = 9002");
  Config c;
  load_config_file(c, path);
  EXPECT_EQ(c.port, 9002);
}

TEST_F(ConfigFile, KeepsEqualsSignsInTheValue) {
  const std::string path = write("database-url = postgresql://db/tarjotin?sslmode=require\n");
  Config c;
  load_config_file(c, path);
  EXPECT_EQ(c.database_url, "postgresql://db/tarjotin?sslmode=require");
}

TEST_F(ConfigFile, SetsEverySetting) {
  std::string text;
  for (const auto& [key, value] : kGoodValues) text += key + " = " + value + "\n";
  const std::string path = write(text);
  Config c;
  load_config_file(c, path);
  expect_good_values(c);
}

TEST_F(ConfigFile, ABadValueNamesFileLineAndKey) {
  const std::string path = write("# comment\n\nworkers = lots\n");
  Config c;
  const std::string message = invalid_argument_message([&] { load_config_file(c, path); });
  EXPECT_TRUE(mentions(message, path + ":3")) << message;
  EXPECT_TRUE(mentions(message, "workers")) << message;
}

TEST_F(ConfigFile, ALineWithoutEqualsNamesFileAndLine) {
  const std::string path = write("port = 9000\nplain-http\n");
  Config c;
  const std::string message = invalid_argument_message([&] { load_config_file(c, path); });
  EXPECT_TRUE(mentions(message, path + ":2")) << message;
}

TEST_F(ConfigFile, AnUnknownKeyNamesFileLineAndKey) {
  const std::string path = write("port = 9000\n\n\n# later\nlisten = 0.0.0.0\n");
  Config c;
  const std::string message = invalid_argument_message([&] { load_config_file(c, path); });
  EXPECT_TRUE(mentions(message, path + ":5")) << message;
  EXPECT_TRUE(mentions(message, "listen")) << message;
}

TEST_F(ConfigFile, AMissingFileIsNamed) {
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("tarjotin-no-such-file-" + std::to_string(::getpid()) + ".conf"))
                               .string();
  Config c;
  const std::string message = invalid_argument_message([&] { load_config_file(c, path); });
  EXPECT_TRUE(mentions(message, path)) << message;
}

TEST(LoadConfigEnvironment, SetsEverySettingFromItsVariable) {
  std::vector<std::string> entries;
  for (const auto& o : config_options())
    entries.push_back(o.environment + "=" + kGoodValues.at(o.key));
  std::vector<char*> env;
  for (auto& e : entries) env.push_back(e.data());
  env.push_back(nullptr);
  Config c;
  load_config_environment(c, env.data());
  expect_good_values(c);
}

TEST(LoadConfigEnvironment, IgnoresUnrelatedAndMalformedEntries) {
  Environment env{"PATH=/usr/bin", "PORT=1", "TARJOTIN_PORTX=2", "TARJOTIN_PORT",
                  "tarjotin_port=3"};
  Config c;
  EXPECT_NO_THROW(load_config_environment(c, env.get()));
  EXPECT_EQ(c.port, 8443);
}

TEST(LoadConfigEnvironment, AcceptsNoEnvironmentAtAll) {
  Config c;
  EXPECT_NO_THROW(load_config_environment(c, nullptr));
  EXPECT_EQ(c.port, 8443);
}

TEST(LoadConfigEnvironment, ABadValueNamesTheSetting) {
  Environment env{"TARJOTIN_PORT=eighty"};
  Config c;
  const std::string message =
      invalid_argument_message([&] { load_config_environment(c, env.get()); });
  EXPECT_TRUE(mentions(message, "port") || mentions(message, "PORT")) << message;
}

class LoadConfig : public ConfigFile {};

TEST_F(LoadConfig, FlagsWinOverTheEnvironmentWhichWinsOverTheFile) {
  const std::string file = write("port = 1000\n");
  Environment env{"TARJOTIN_PORT=2000", "TARJOTIN_CONFIG=" + file};

  Config all;
  load_config(all, {"--port", "3000"}, env.get());
  EXPECT_EQ(all.port, 3000);

  Config without_flag;
  load_config(without_flag, {}, env.get());
  EXPECT_EQ(without_flag.port, 2000);

  Environment file_only{"TARJOTIN_CONFIG=" + file};
  Config without_env;
  load_config(without_env, {}, file_only.get());
  EXPECT_EQ(without_env.port, 1000);
}

TEST_F(LoadConfig, FlagsWinOverTheEnvironmentWhichWinsOverAFileNamedByFlag) {
  const std::string file = write("port = 1000\n");
  Environment env{"TARJOTIN_PORT=2000"};

  Config all;
  load_config(all, {"--config", file, "--port", "3000"}, env.get());
  EXPECT_EQ(all.port, 3000);

  Config without_flag;
  load_config(without_flag, {"--config", file}, env.get());
  EXPECT_EQ(without_flag.port, 2000);

  Config without_env;
  load_config(without_env, {"--config", file}, nullptr);
  EXPECT_EQ(without_env.port, 1000);
}

TEST_F(LoadConfig, TheOrderOfFlagsDoesNotLetTheFileWin) {
  const std::string file = write("port = 1000\n");
  Config c;
  load_config(c, {"--port", "3000", "--config", file}, nullptr);
  EXPECT_EQ(c.port, 3000);
}

TEST_F(LoadConfig, EachSourceOnlyOverridesWhatItSets) {
  const std::string file = write("port = 1000\nlog-level = warn\nworkers = 4\n");
  Environment env{"TARJOTIN_LOG_LEVEL=error", "TARJOTIN_WORKERS=5"};
  Config c;
  load_config(c, {"--config", file, "--workers", "6"}, env.get());
  EXPECT_EQ(c.port, 1000);
  EXPECT_EQ(c.log_level, "error");
  EXPECT_EQ(c.workers, 6u);
  EXPECT_EQ(c.listen_address, "127.0.0.1");
}

TEST_F(LoadConfig, ConfigFlagWinsOverTheConfigVariable) {
  const std::string from_env = write("port = 1111\n");
  const std::string from_flag = write("port = 2222\n");
  Environment env{"TARJOTIN_CONFIG=" + from_env};
  Config c;
  load_config(c, {"--config", from_flag}, env.get());
  EXPECT_EQ(c.port, 2222);
}

TEST_F(LoadConfig, AcceptsConfigWithAnEqualsSign) {
  const std::string file = write("port = 1234\n");
  Config c;
  load_config(c, {"--config=" + file}, nullptr);
  EXPECT_EQ(c.port, 1234);
}

TEST(LoadConfigFlags, AcceptsKeyEqualsValue) {
  Config c;
  load_config(c, {"--port=4000", "--listen-address=::1"}, nullptr);
  EXPECT_EQ(c.port, 4000);
  EXPECT_EQ(c.listen_address, "::1");
}

TEST(LoadConfigFlags, KeepsEqualsSignsAfterTheFirstInTheValue) {
  Config c;
  load_config(c, {"--database-url=postgresql://db/t?sslmode=require"}, nullptr);
  EXPECT_EQ(c.database_url, "postgresql://db/t?sslmode=require");
}

TEST(LoadConfigFlags, PlainHttpWithoutAValueMeansTrue) {
  Config c;
  const auto rest = load_config(c, {"--plain-http", "serve"}, nullptr);
  EXPECT_TRUE(c.plain_http);
  EXPECT_EQ(rest, (std::vector<std::string>{"serve"}));
}

TEST(LoadConfigFlags, PlainHttpCanBeTurnedOffExplicitly) {
  Environment env{"TARJOTIN_PLAIN_HTTP=true"};
  Config c;
  load_config(c, {"--plain-http=false"}, env.get());
  EXPECT_FALSE(c.plain_http);
}

TEST(LoadConfigFlags, ReturnsTheArgumentsThatAreNotFlagsInOrder) {
  Config c;
  const auto rest =
      load_config(c, {"serve", "--port", "3000", "extra", "--workers=2", "last"}, nullptr);
  EXPECT_EQ(rest, (std::vector<std::string>{"serve", "extra", "last"}));
  EXPECT_EQ(c.port, 3000);
  EXPECT_EQ(c.workers, 2u);
}

TEST(LoadConfigFlags, LeavesHelpAndTheSeparatorToTheCaller) {
  Config c;
  const auto rest = load_config(c, {"--help", "--"}, nullptr);
  EXPECT_EQ(rest, (std::vector<std::string>{"--help", "--"}));
}

TEST(LoadConfigFlags, ReturnsNothingForNoArguments) {
  Config c;
  EXPECT_TRUE(load_config(c, {}, nullptr).empty());
  EXPECT_EQ(c.port, 8443);
}

TEST(LoadConfigFlags, TheLastOfARepeatedFlagWins) {
  Config c;
  load_config(c, {"--port", "1", "--port", "2"}, nullptr);
  EXPECT_EQ(c.port, 2);
}

TEST(LoadConfigFlags, AFlagMissingItsValueIsRefused) {
  Config c;
  const std::string message =
      invalid_argument_message([&] { load_config(c, {"--port"}, nullptr); });
  EXPECT_TRUE(mentions(message, "port")) << message;
}

TEST(LoadConfigFlags, AnUnknownFlagIsRefusedNamingIt) {
  Config c;
  const std::string message = invalid_argument_message([&] {
    load_config(c, {"--colour", "blue"}, nullptr);
  });
  EXPECT_TRUE(mentions(message, "colour")) << message;
}

TEST(LoadConfigFlags, ABadFlagValueNamesTheKey) {
  Config c;
  const std::string message = invalid_argument_message([&] {
    load_config(c, {"--max-connections", "many"}, nullptr);
  });
  EXPECT_TRUE(mentions(message, "max-connections")) << message;
}

TEST(LoadConfigFlags, SetsEverySetting) {
  std::vector<std::string> args;
  for (const auto& [key, value] : kGoodValues) {
    args.push_back("--" + key);
    if (key != "plain-http") args.push_back(value);
  }
  Config c;
  EXPECT_TRUE(load_config(c, args, nullptr).empty());
  expect_good_values(c);
}

}  // namespace
}  // namespace tarjotin::server
