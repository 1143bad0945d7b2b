#pragma once
#include <boost/asio/ssl/context.hpp>

#include <string>

namespace tarjotin::server {

// Mozilla's "intermediate" server profile: TLS 1.2 and 1.3 only, ECDHE key exchange with AEAD
// ciphers, groups X25519, P-256 and P-384. Throws when the files cannot be used.
boost::asio::ssl::context make_tls_context(const std::string& certificate_chain_file,
                                           const std::string& private_key_file);

}  // namespace tarjotin::server
