#include "server/demo_data.hpp"

#include <cstdio>
#include <stdexcept>

#include "crypto/crypto.hpp"
#include "domain/accounts.hpp"
#include "server/runtime.hpp"
#include "storage/database.hpp"

namespace tarjotin::server {
namespace {

using domain::OrganisationKind;
using domain::Role;

struct DemoUser {
  const char* email;
  const char* name;
  Role role;
};

struct DemoOrganisation {
  OrganisationKind kind;
  const char* name;
  const char* business_id;
  std::vector<DemoUser> users;
};

// Business IDs carry valid check digits; the companies are invented.
const std::vector<DemoOrganisation> kOrganisations = {
    {OrganisationKind::contracting_authority,
     "Kuopion kaupunki",
     "0171450-7",
     {{"admin@kuopio.example", "Ylläpitäjä Aino", Role::admin},
      {"hankinta@kuopio.example", "Hankinta-asiantuntija Olli", Role::officer},
      {"tarkastus@kuopio.example", "Tarkastaja Kaisa", Role::auditor}}},
    {OrganisationKind::coaching_unit,
     "Kuopion työllisyyspalvelut",
     "",
     {{"valmentaja@kuopio.example", "OMA-valmentaja Ville", Role::coach},
      {"valmentaja2@kuopio.example", "Valmentaja Sanna", Role::coach}}},
    {OrganisationKind::provider,
     "Savon Työvalmennus Oy",
     "2345678-0",
     {{"myynti@savontyovalmennus.example", "Tuottaja Pekka", Role::provider}}},
    {OrganisationKind::provider,
     "Polku Kuntoutus Oy",
     "1234567-1",
     {{"palvelut@polku.example", "Tuottaja Riikka", Role::provider}}},
    {OrganisationKind::provider,
     "Työkortti-Akatemia Oy",
     "0737546-2",
     {{"koulutus@tyokortti.example", "Tuottaja Jari", Role::provider}}},
};

}  // namespace

int seed_demo(const Config& config, Log& log) {
  storage::SociDatabase db(config.database_url, 2);
  db.migrate();
  SystemClock clock;
  crypto::ScryptPasswordHasher hasher(crypto::ScryptCost{1ull << config.scrypt_log2_n, 8, 1});
  crypto::SystemSecrets secrets;
  domain::AccountServices accounts{db, clock, hasher, secrets,
                                   std::chrono::minutes{config.session_lifetime_minutes}};

  bool created_any = false;
  std::optional<domain::Actor> admin;
  for (const auto& demo : kOrganisations) {
    auto first = demo.users.front();
    auto reg =
        domain::bootstrap_organisation(accounts, {demo.kind, demo.name, "FI", demo.business_id},
                                       {first.email, first.name, first.role, kDemoPassword});
    if (!reg) {
      if (reg.error().code == "email-taken" || reg.error().code == "business-id-registered")
        continue;  // seeded before
      throw std::runtime_error("demo data: " + reg.error().detail);
    }
    created_any = true;
    // The authority comes first and its first user is the administrator, who adds the rest.
    if (first.role == Role::admin)
      admin = domain::Actor{reg->user.id, reg->organisation.id, Role::admin, ""};
    for (std::size_t i = 1; i < demo.users.size(); ++i) {
      const auto& u = demo.users[i];
      auto added = domain::create_user(accounts, *admin, reg->organisation.id,
                                       {u.email, u.name, u.role, kDemoPassword});
      if (!added) throw std::runtime_error("demo data: " + added.error().detail);
    }
  }
  log.info(created_any ? "demo data created" : "demo data already present");
  std::printf("\nDemo users (password for all: %s):\n", kDemoPassword);
  for (const auto& demo : kOrganisations)
    for (const auto& u : demo.users)
      std::printf("  %-36s %-9s %s\n", u.email, std::string(domain::to_string(u.role)).c_str(),
                  demo.name);
  std::printf("\n");
  return 0;
}

}  // namespace tarjotin::server
