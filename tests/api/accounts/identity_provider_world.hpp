#pragma once
// A coaching unit whose identity provider, the tests' own (tests/api/support/
// test_oidc_provider.hpp), Tarjotin finds by its discovery document; a browser that goes out to
// it and comes back; and the server's clock, by which discovered keys age.

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>

#include "crypto/crypto.hpp"
#include "server/json.hpp"
#include "tests/api/support/test_oidc_provider.hpp"
#include "tests/api/support/test_server.hpp"

namespace tarjotin::testing {

class IdentityProviderWorld : public ::testing::Test {
 protected:
  static constexpr const char* kUnit = "unit-kuopio";

  struct Setup {
    std::string client_secret{};      // the provider's; empty: a public client
    std::string configured_secret{};  // what Tarjotin's client_secret_file holds
    std::string public_url{};         // the server's setting
    server::LogLevel log_level = server::LogLevel::error;
  };

  std::string directory = [] {
    const auto suffix = crypto::random_bytes(6);
    const auto d = std::filesystem::temp_directory_path() /
                   ("tarjotin-idp-" + crypto::hex(suffix.data(), suffix.size()));
    std::filesystem::create_directories(d);
    return d.string();
  }();
  std::unique_ptr<TestOidcProvider> idp;
  std::unique_ptr<TestServer> server;
  std::unique_ptr<ApiClient> api;

  void SetUp() override { start({}); }
  void TearDown() override {
    server.reset();
    idp.reset();
    std::filesystem::remove_all(directory);
  }

  void start(const Setup& setup) {
    TestOidcProvider::Options options;
    options.client_secret = setup.client_secret;
    options.now = [this] { return now(); };
    idp = std::make_unique<TestOidcProvider>(directory, options);
    std::string secret_member;
    if (!setup.configured_secret.empty()) {
      std::ofstream(directory + "/client-secret") << setup.configured_secret << "\n";
      secret_member = R"(,"client_secret_file":")" + directory + R"(/client-secret")";
    }
    const std::string issuers = directory + "/issuers.json";
    std::ofstream(issuers) << R"({"issuers":[{"id":"kuopio","display_name":"Kuopion kaupunki",)"
                           << R"("issuer":")" << idp->issuer() << R"(","audience":")"
                           << TestOidcProvider::kAudience << R"(","client_id":"tarjotin-web",)"
                           << R"("discovery":")" << idp->discovery_url() << R"(","ca_file":")"
                           << idp->ca_file() << R"(","organisation_id":")" << kUnit
                           << R"(","provision_role":"coach")" << secret_member << "}]}";
    server = std::make_unique<TestServer>(ServerTweaks{.oidc_issuers_file = issuers,
                                                       .public_url = setup.public_url,
                                                       .log_level = setup.log_level});
    api = std::make_unique<ApiClient>(server->client());
    server->runtime().db().with_session([](soci::session& sql) {
      sql << "INSERT INTO organisations (id, kind, name, country, created_at) VALUES "
             "('unit-kuopio', 'coaching_unit', 'Kuopion työllisyyspalvelut', 'FI', 0)";
    });
    ASSERT_TRUE(eventually([&] { return idp->key_set_fetches() >= 1; }))
        << "the server fetched the provider's keys at start";
  }

  std::chrono::system_clock::time_point now() const {
    return std::chrono::system_clock::time_point(server->clock().now().time_since_epoch());
  }
  std::string token_for(const std::string& email, const std::string& alg = "RS256") const {
    return idp->token(idp->claims(email, now()), alg);
  }
  // Moves the server's clock on past the interval within which keys are fetched at most once.
  void let_a_minute_pass() { server->clock().advance(std::chrono::seconds(61)); }

  // What the server's thread does on its own takes a moment.
  static bool eventually(const std::function<bool()>& done) {
    for (int i = 0; i < 200; ++i) {
      if (done()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return done();
  }

  long long count(const std::string& sql_text) {
    long long n = 0;
    server->runtime().db().with_session(
        [&](soci::session& sql) { sql << sql_text, soci::into(n); });
    return n;
  }
};

// The browser's part: out to the provider and back.
class BrowserSignInWorld : public IdentityProviderWorld {
 protected:
  struct WayBack {
    std::string target;    // the callback's path and query, as the provider sends the browser to it
    std::string cookie;    // the sign-in cookie the browser holds, for the Cookie header
    std::string location;  // where the server sent the browser out
  };

  // Starts a sign-in and lets the provider sign the person in; the provider's redirect back.
  WayBack go_out(const std::string& query = "") {
    const auto out = api->get("/v1/identity-providers/kuopio/sign-in" + query);
    EXPECT_EQ(out.status, 302u) << out.body;
    WayBack way;
    way.location = out.header("Location");
    const auto set = out.header("Set-Cookie");
    way.cookie = set.substr(0, set.find(';'));
    if (way.location.rfind(idp->issuer(), 0) != 0) {
      ADD_FAILURE() << "sent elsewhere than the provider: " << way.location;
      return way;
    }
    const auto back = ApiClient(idp->port()).get(way.location.substr(idp->issuer().size()));
    EXPECT_EQ(back.status, 302u) << back.body;
    const auto to = back.header("Location");
    way.target = to.substr(std::min(to.find("/v1/"), to.size()));
    return way;
  }

  HttpResult come_back(const WayBack& way, bool with_cookie = true,
                       std::vector<std::pair<std::string, std::string>> headers = {}) {
    if (with_cookie) headers.emplace_back("Cookie", way.cookie);
    return api->request(http::verb::get, way.target, "", "", headers);
  }

  // The session cookie an answer sets, as the browser sends it back; empty when none.
  static std::string session_cookie(const HttpResult& r) {
    const auto set = r.header("Set-Cookie");
    if (set.rfind("__Host-tarjotin-session=", 0) != 0) return "";
    return set.substr(0, set.find(';'));
  }
};

}  // namespace tarjotin::testing
