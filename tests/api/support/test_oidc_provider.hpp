#pragma once
// An OpenID provider of the tests' own, on loopback: HTTPS under a certificate authority of its
// own, a discovery document, a key set, an authorization endpoint that signs a configured person
// in without a form and sends the browser back with a code, and a token endpoint that checks the
// code, the client, the redirect URI and the PKCE code verifier before it answers an ID token.
// Its keys rotate on request (a new key published, the old one withdrawn), it can be taken
// away, and it signs every kind of broken token the server must refuse. The API tests use it in
// process; the browser tests run it as the executable test_oidc_provider.

#include <chrono>
#include <functional>
#include <memory>
#include <string>

namespace tarjotin::testing {

class TestOidcProvider {
 public:
  static constexpr const char* kAudience = "tarjotin";  // what bearer tokens are issued for

  struct Options {
    unsigned short port = 0;  // 0: any free one
    std::string client_id = "tarjotin-web";
    std::string client_secret;  // empty: a public client, PKCE alone
    std::string redirect_uri;   // empty: any https URI, the same at both endpoints
    std::string email = "maija.valmentaja@kuopio.fi";  // whom the authorization endpoint signs in
    std::string name = "Maija Valmentaja";
    // The time ID tokens are issued at: a test's server keeps a clock of its own.
    std::function<std::chrono::system_clock::time_point()> now = [] {
      return std::chrono::system_clock::now();
    };
  };

  // Writes its certificate authority into `directory` and starts serving.
  explicit TestOidcProvider(const std::string& directory, Options options);
  ~TestOidcProvider();
  TestOidcProvider(const TestOidcProvider&) = delete;
  TestOidcProvider& operator=(const TestOidcProvider&) = delete;

  unsigned short port() const;
  std::string issuer() const;  // https://127.0.0.1:<port>
  std::string discovery_url() const;
  std::string ca_file() const;  // the authority's certificate, PEM

  // What the endpoints do from now on.
  void set_redirect_uri(const std::string& uri);
  void set_available(bool available);              // false: metadata and keys answer 503
  void refuse_sign_ins(const std::string& error);  // the authorization endpoint's error answer
  void put_nonce_in_id_tokens(const std::string& nonce);  // instead of the one asked for
  // A new RSA signing key published and the current one withdrawn.
  void rotate_keys();
  // Called once, while the next key set is being answered (before it is sent).
  void while_answering_keys(std::function<void()> action);

  int discovery_fetches() const;
  int key_set_fetches() const;
  // Why the token endpoint last refused a code ("code_verifier", "redirect_uri", ...); empty
  // when it has refused none.
  std::string last_token_refusal() const;

  // Claims of a bearer token for `email` issued at `now` for an hour (extra members appended).
  std::string claims(const std::string& email, std::chrono::system_clock::time_point now,
                     const std::string& extra = "") const;
  // Signed with the current RSA key (RS256) or the EC key (ES256).
  std::string token(const std::string& claims, const std::string& alg = "RS256") const;
  // The broken ones: signed by a key the provider never published, with alg "none", and HS256
  // keyed with the provider's own published RSA key.
  std::string token_by_stranger(const std::string& claims) const;
  std::string unsigned_token(const std::string& claims) const;
  std::string hs256_token_keyed_with_public_key(const std::string& claims) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace tarjotin::testing
