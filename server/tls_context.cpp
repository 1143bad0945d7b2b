#include "server/tls_context.hpp"

#include <openssl/ssl.h>

#include <stdexcept>

namespace tarjotin::server {

boost::asio::ssl::context make_tls_context(const std::string& certificate_chain_file,
                                           const std::string& private_key_file) {
  namespace ssl = boost::asio::ssl;
  ssl::context ctx(ssl::context::tls_server);
  ctx.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                  ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 |
                  ssl::context::no_compression | ssl::context::single_dh_use);
  SSL_CTX* native = ctx.native_handle();
  SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION);
  // The server's order decides among the (all forward-secret AEAD) suites, so a client cannot
  // steer to the one it lists first; one that puts ChaCha20 first (a phone without AES
  // instructions) still gets it.
  SSL_CTX_set_options(
      native, SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_PRIORITIZE_CHACHA);
  if (SSL_CTX_set_cipher_list(native,
                              "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
                              "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
                              "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305") != 1 ||
      SSL_CTX_set_ciphersuites(native,
                               "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:"
                               "TLS_CHACHA20_POLY1305_SHA256") != 1 ||
      SSL_CTX_set1_groups_list(native, "X25519:P-256:P-384") != 1)
    throw std::runtime_error("OpenSSL refused the TLS cipher configuration");
  try {
    ctx.use_certificate_chain_file(certificate_chain_file);
    ctx.use_private_key_file(private_key_file, ssl::context::pem);
  } catch (const std::exception& e) {
    throw std::runtime_error("cannot load the TLS certificate or key (" + certificate_chain_file +
                             ", " + private_key_file + "): " + e.what());
  }
  if (SSL_CTX_check_private_key(native) != 1)
    throw std::runtime_error("the TLS private key does not match the certificate");
  return ctx;
}

}  // namespace tarjotin::server
