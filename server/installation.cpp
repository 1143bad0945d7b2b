#include "server/installation.hpp"

#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "crypto/crypto.hpp"
#include "domain/accounts/sessions.hpp"
#include "domain/accounts/users.hpp"
#include "server/runtime.hpp"
#include "storage/database.hpp"

namespace tarjotin::server {
namespace {

// Reads one line; on a terminal with the echo off, so the password is not on the screen.
std::string read_password(std::istream& in) {
  const bool terminal = &in == &std::cin && isatty(STDIN_FILENO);
  termios saved{};
  if (terminal) {
    std::cerr << "Password for the administrator: " << std::flush;
    tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(in, line);
  if (terminal) {
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::cerr << "\n";
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace

int initialise_installation(const Config& config, const std::vector<std::string>& args,
                            std::istream& password_input, Log& log) {
  if (args.size() < 2 || args.size() > 4) {
    std::cerr << "usage: tarjotin init EMAIL \"AUTHORITY NAME\" [BUSINESS-ID] [DISPLAY NAME]\n"
                 "       (the administrator's password on standard input)\n";
    return 2;
  }
  storage::SociDatabase db(config.database_url, 1);
  db.migrate();
  SystemClock clock;
  crypto::ScryptPasswordHasher hasher(crypto::ScryptCost{1ull << config.scrypt_log2_n, 8, 1});
  crypto::SystemSecrets secrets;
  domain::AccountServices accounts{db, clock, hasher, secrets,
                                   std::chrono::minutes{config.session_lifetime_minutes}};
  const std::string password = read_password(password_input);
  auto created = domain::initialise_installation(
      accounts,
      {domain::OrganisationKind::contracting_authority, args[1], "FI",
       args.size() > 2 ? args[2] : ""},
      {args[0], args.size() > 3 ? args[3] : "Administrator", domain::Role::admin, password});
  if (!created) {
    const auto& e = created.error();
    std::cerr << "tarjotin init: " << e.detail;
    for (const auto& f : e.fields) std::cerr << " (" << f.pointer << ": " << f.detail << ")";
    std::cerr << "\n";
    return 1;
  }
  log.info("installation initialised",
           {{"organisation_id", created->organisation.id}, {"user_id", created->user.id}});
  std::cout << "Administrator " << created->user.email << " of " << created->organisation.name
            << " created; sign in at /sign-in and add the other users.\n";
  return 0;
}

}  // namespace tarjotin::server
