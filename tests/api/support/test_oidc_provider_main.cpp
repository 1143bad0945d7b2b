// The tests' own OpenID provider as a program, for the browser tests (web/e2e/):
//   test_oidc_provider --dir DIR [--port N] [--client-id ID] [--redirect-uri URI]
//                      [--email EMAIL] [--name NAME]
// writes its certificate authority into DIR, prints one JSON line with its issuer, discovery
// URL and CA file, and serves until SIGTERM or SIGINT.
#include <csignal>
#include <cstdio>
#include <iostream>
#include <map>
#include <string>

#include "tests/api/support/test_oidc_provider.hpp"

int main(int argc, char** argv) {
  std::map<std::string, std::string> args;
  for (int i = 1; i + 1 < argc; i += 2) args[argv[i]] = argv[i + 1];
  if (args["--dir"].empty()) {
    std::fprintf(stderr,
                 "usage: test_oidc_provider --dir DIR [--port N] [--client-id ID] "
                 "[--redirect-uri URI] [--email EMAIL] [--name NAME]\n");
    return 2;
  }
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGTERM);
  sigaddset(&stop, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);  // before the serving thread starts
  tarjotin::testing::TestOidcProvider::Options options;
  if (!args["--port"].empty())
    options.port = static_cast<unsigned short>(std::stoi(args["--port"]));
  if (!args["--client-id"].empty()) options.client_id = args["--client-id"];
  options.redirect_uri = args["--redirect-uri"];
  if (!args["--email"].empty()) options.email = args["--email"];
  if (!args["--name"].empty()) options.name = args["--name"];
  tarjotin::testing::TestOidcProvider provider(args["--dir"], options);
  std::cout << R"({"issuer":")" << provider.issuer() << R"(","discovery":")"
            << provider.discovery_url() << R"(","ca_file":")" << provider.ca_file() << "\"}"
            << std::endl;
  int signal = 0;
  sigwait(&stop, &signal);
  return 0;
}
