#pragma once
#include <string>

namespace tarjotin::testing {

struct CertificateFiles {
  std::string certificate;
  std::string private_key;
};

// A fresh self-signed P-256 certificate for localhost and 127.0.0.1, written as PEM files in
// `directory`.
CertificateFiles make_test_certificate(const std::string& directory);

struct AuthorityFiles {
  std::string ca_certificate;  // what a client trusts
  std::string certificate;     // the server's, signed by the authority
  std::string private_key;
};

// A fresh certificate authority of the tests' own and a P-256 certificate it signed for
// 127.0.0.1 and localhost, written as PEM files in `directory`.
AuthorityFiles make_test_authority(const std::string& directory);

}  // namespace tarjotin::testing
