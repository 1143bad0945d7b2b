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

}  // namespace tarjotin::testing
