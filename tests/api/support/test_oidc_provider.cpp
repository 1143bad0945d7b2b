#include "tests/api/support/test_oidc_provider.hpp"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <map>
#include <mutex>
#include <thread>
#include <utility>

#include "crypto/crypto.hpp"
#include "crypto/oidc_tokens.hpp"
#include "tests/api/support/test_certificate.hpp"
#include "tests/api/support/test_signing_key.hpp"

namespace tarjotin::testing {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;
using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;
using Fields = std::map<std::string, std::string>;

std::string decoded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out.push_back(' ');
    } else if (text[i] == '%' && i + 2 < text.size()) {
      out.push_back(static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

Fields fields_of(std::string_view text) {
  Fields out;
  while (!text.empty()) {
    const auto amp = text.find('&');
    const auto pair = text.substr(0, amp);
    const auto eq = pair.find('=');
    out[decoded(pair.substr(0, eq))] = eq == pair.npos ? "" : decoded(pair.substr(eq + 1));
    if (amp == text.npos) break;
    text.remove_prefix(amp + 1);
  }
  return out;
}

std::string encoded(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string random_code() {
  const auto bytes = crypto::random_bytes(24);
  return crypto::base64url(bytes.data(), bytes.size());
}

Response answer(const Request& request, unsigned status, std::string body,
                const std::string& type = "application/json") {
  Response r{static_cast<http::status>(status), request.version()};
  r.set(http::field::content_type, type);
  r.set(http::field::cache_control, "no-store");
  r.body() = std::move(body);
  r.keep_alive(request.keep_alive());
  r.prepare_payload();
  return r;
}

Response redirect(const Request& request, const std::string& location) {
  Response r = answer(request, 302, "", "text/plain");
  r.set(http::field::location, location);
  return r;
}

long long seconds_of(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

}  // namespace

struct TestOidcProvider::State {
  struct Grant {
    std::string client_id, redirect_uri, challenge, nonce;
    bool used = false;
  };

  Options options;
  AuthorityFiles files;
  mutable std::mutex mutex;
  SigningKey rsa = SigningKey::rsa("rsa-1");
  SigningKey ec = SigningKey::ec("ec-1");
  SigningKey stranger = SigningKey::rsa("stranger-1");
  int keys_made = 1;
  bool available = true;
  std::string refusal, nonce_override, last_refusal;
  int discovery_fetches = 0, key_set_fetches = 0;
  std::map<std::string, Grant> grants;  // by code
  std::function<void()> while_answering_keys;

  // The connections' coroutines end with the io_context, while the TLS context they use lives.
  ssl::context tls{ssl::context::tls_server};
  net::io_context io;
  tcp::acceptor acceptor{io};
  std::thread thread;

  std::string issuer() const {
    return "https://127.0.0.1:" + std::to_string(acceptor.local_endpoint().port());
  }

  Response handle(const Request& request) {
    const std::string_view target(request.target().data(), request.target().size());
    const auto question = target.find('?');
    const std::string_view path = target.substr(0, question);
    const Fields query =
        fields_of(question == target.npos ? std::string_view() : target.substr(question + 1));
    std::lock_guard lock(mutex);
    if (path == "/.well-known/openid-configuration") {
      ++discovery_fetches;
      if (!available) return answer(request, 503, "{}");
      const auto base = issuer();
      return answer(request, 200,
                    R"({"issuer":")" + base + R"(","authorization_endpoint":")" + base +
                        R"(/authorize","token_endpoint":")" + base + R"(/token","jwks_uri":")" +
                        base + R"(/jwks","response_types_supported":["code"],)" +
                        R"("subject_types_supported":["public"],)" +
                        R"("id_token_signing_alg_values_supported":["RS256","ES256"],)" +
                        R"("code_challenge_methods_supported":["S256"]})");
    }
    if (path == "/jwks") {
      ++key_set_fetches;
      if (!available) return answer(request, 503, "{}");
      if (while_answering_keys) std::exchange(while_answering_keys, nullptr)();
      return answer(request, 200, R"({"keys":[)" + rsa.public_jwk() + "," + ec.public_jwk() + "]}");
    }
    if (path == "/authorize" && request.method() == http::verb::get)
      return authorize(request, query);
    if (path == "/token" && request.method() == http::verb::post)
      return token_endpoint(request, fields_of(request.body()));
    return answer(request, 404, R"({"error":"not_found"})");
  }

  Response authorize(const Request& request, const Fields& q) {
    const auto get = [&](const char* name) {
      const auto it = q.find(name);
      return it == q.end() ? std::string() : it->second;
    };
    const std::string redirect_uri = get("redirect_uri");
    const bool redirect_ok = options.redirect_uri.empty() ? redirect_uri.starts_with("https://")
                                                          : redirect_uri == options.redirect_uri;
    // Errors about the client or the redirect URI are never sent to that URI.
    if (get("client_id") != options.client_id || !redirect_ok)
      return answer(request, 400, "unknown client or redirect_uri", "text/plain");
    const std::string back =
        redirect_uri + (redirect_uri.find('?') == std::string::npos ? "?" : "&");
    const std::string state = "state=" + encoded(get("state"));
    if (!refusal.empty())
      return redirect(request, back + "error=" + encoded(refusal) + "&" + state);
    if (get("response_type") != "code" || get("code_challenge_method") != "S256" ||
        get("code_challenge").empty() || get("scope").find("openid") == std::string::npos)
      return redirect(request, back + "error=invalid_request&" + state);
    const std::string code = random_code();
    grants[code] = {options.client_id, redirect_uri, get("code_challenge"), get("nonce")};
    return redirect(request, back + "code=" + code + "&" + state);
  }

  Response token_endpoint(const Request& request, const Fields& form) {
    const auto get = [&](const char* name) {
      const auto it = form.find(name);
      return it == form.end() ? std::string() : it->second;
    };
    const auto refuse = [&](const std::string& why, const char* error = "invalid_grant") {
      last_refusal = why;
      return answer(request, 400, std::string(R"({"error":")") + error + R"("})");
    };
    std::string client = get("client_id");
    if (!options.client_secret.empty()) {
      const auto auth = request[http::field::authorization];
      const std::string expected = "Basic " + basic(options.client_id, options.client_secret);
      if (std::string_view(auth.data(), auth.size()) != expected)
        return refuse("client_secret", "invalid_client");
      client = options.client_id;
    }
    if (client != options.client_id) return refuse("client_id", "invalid_client");
    if (get("grant_type") != "authorization_code") return refuse("grant_type");
    const auto it = grants.find(get("code"));
    if (it == grants.end() || it->second.used) return refuse("code");
    it->second.used = true;
    const Grant& grant = it->second;
    if (get("redirect_uri") != grant.redirect_uri) return refuse("redirect_uri");
    if (crypto::pkce_challenge(get("code_verifier")) != grant.challenge)
      return refuse("code_verifier");
    const auto now = seconds_of(options.now());
    const std::string nonce = nonce_override.empty() ? grant.nonce : nonce_override;
    const std::string id_token = rsa.sign(
        R"({"iss":")" + issuer() + R"(","aud":")" + options.client_id + R"(","sub":"f3a9",)" +
        R"("email":")" + options.email + R"(","name":")" + options.name + R"(","nonce":")" + nonce +
        R"(","iat":)" + std::to_string(now) + R"(,"exp":)" + std::to_string(now + 300) + "}");
    return answer(request, 200,
                  R"({"access_token":"opaque-)" + random_code() +
                      R"(","token_type":"Bearer","expires_in":300,"id_token":")" + id_token +
                      R"("})");
  }

  static std::string basic(const std::string& id, const std::string& secret) {
    const std::string pair = encoded(id) + ":" + encoded(secret);
    std::string out(4 * ((pair.size() + 2) / 3) + 1, '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(pair.data()),
                                  static_cast<int>(pair.size()));
    out.resize(static_cast<std::size_t>(n));
    return out;
  }

  net::awaitable<void> serve(tcp::socket socket) {
    try {
      beast::ssl_stream<beast::tcp_stream> stream(std::move(socket), tls);
      beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(10));
      co_await stream.async_handshake(ssl::stream_base::server, net::use_awaitable);
      beast::flat_buffer buffer;
      for (;;) {  // browsers keep the connection for the next request
        beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(10));
        Request request;
        co_await http::async_read(stream, buffer, request, net::use_awaitable);
        Response response = handle(request);
        co_await http::async_write(stream, response, net::use_awaitable);
        if (!response.keep_alive()) break;
      }
    } catch (const std::exception&) {
      // A client gone, a timeout: the next connection is served all the same.
    }
  }

  net::awaitable<void> accept() {
    for (;;) {
      auto socket = co_await acceptor.async_accept(net::use_awaitable);
      net::co_spawn(io, serve(std::move(socket)), net::detached);
    }
  }
};

TestOidcProvider::TestOidcProvider(const std::string& directory, Options options)
    : state_(std::make_unique<State>()) {
  State& s = *state_;
  s.options = std::move(options);
  s.files = make_test_authority(directory);
  s.tls.use_certificate_chain_file(s.files.certificate);
  s.tls.use_private_key_file(s.files.private_key, ssl::context::pem);
  const tcp::endpoint endpoint(net::ip::make_address("127.0.0.1"), s.options.port);
  s.acceptor.open(endpoint.protocol());
  s.acceptor.set_option(net::socket_base::reuse_address(true));
  s.acceptor.bind(endpoint);
  s.acceptor.listen();
  net::co_spawn(s.io, s.accept(), net::detached);
  s.thread = std::thread([&s] { s.io.run(); });
}

TestOidcProvider::~TestOidcProvider() {
  state_->io.stop();
  state_->thread.join();
}

unsigned short TestOidcProvider::port() const { return state_->acceptor.local_endpoint().port(); }
std::string TestOidcProvider::issuer() const { return state_->issuer(); }
std::string TestOidcProvider::discovery_url() const {
  return issuer() + "/.well-known/openid-configuration";
}
std::string TestOidcProvider::ca_file() const { return state_->files.ca_certificate; }

void TestOidcProvider::set_redirect_uri(const std::string& uri) {
  std::lock_guard lock(state_->mutex);
  state_->options.redirect_uri = uri;
}
void TestOidcProvider::set_available(bool available) {
  std::lock_guard lock(state_->mutex);
  state_->available = available;
}
void TestOidcProvider::refuse_sign_ins(const std::string& error) {
  std::lock_guard lock(state_->mutex);
  state_->refusal = error;
}
void TestOidcProvider::put_nonce_in_id_tokens(const std::string& nonce) {
  std::lock_guard lock(state_->mutex);
  state_->nonce_override = nonce;
}
void TestOidcProvider::rotate_keys() {
  std::lock_guard lock(state_->mutex);
  state_->rsa = SigningKey::rsa("rsa-" + std::to_string(++state_->keys_made));
}
void TestOidcProvider::while_answering_keys(std::function<void()> action) {
  std::lock_guard lock(state_->mutex);
  state_->while_answering_keys = std::move(action);
}
int TestOidcProvider::discovery_fetches() const {
  std::lock_guard lock(state_->mutex);
  return state_->discovery_fetches;
}
int TestOidcProvider::key_set_fetches() const {
  std::lock_guard lock(state_->mutex);
  return state_->key_set_fetches;
}
std::string TestOidcProvider::last_token_refusal() const {
  std::lock_guard lock(state_->mutex);
  return state_->last_refusal;
}

std::string TestOidcProvider::claims(const std::string& email,
                                     std::chrono::system_clock::time_point now,
                                     const std::string& extra) const {
  const long long t = seconds_of(now);
  return R"({"iss":")" + issuer() + R"(","aud":")" + kAudience + R"(","sub":"f3a9","email":")" +
         email + R"(","name":"Maija Valmentaja","iat":)" + std::to_string(t) + R"(,"nbf":)" +
         std::to_string(t) + R"(,"exp":)" + std::to_string(t + 3600) + extra + "}";
}

std::string TestOidcProvider::token(const std::string& claims, const std::string& alg) const {
  std::lock_guard lock(state_->mutex);
  return alg == "ES256" ? state_->ec.sign(claims) : state_->rsa.sign(claims);
}

std::string TestOidcProvider::token_by_stranger(const std::string& claims) const {
  return state_->stranger.sign(claims);
}

std::string TestOidcProvider::unsigned_token(const std::string& claims) const {
  return unsigned_jws(claims);
}

std::string TestOidcProvider::hs256_token_keyed_with_public_key(const std::string& claims) const {
  std::lock_guard lock(state_->mutex);
  return state_->rsa.sign_hs256_with_public_jwk(claims);
}

}  // namespace tarjotin::testing
