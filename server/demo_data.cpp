#include "server/demo_data.hpp"

#include <cstdio>
#include <stdexcept>

#include "crypto/crypto.hpp"
#include "domain/accounts.hpp"
#include "domain/qualification_use_cases.hpp"
#include "server/runtime.hpp"
#include "storage/database.hpp"
#include "storage/document_store.hpp"

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

struct DemoCategory {
  const char* fi;
  const char* sv;
  const char* en;
  const char* description;
  long long ceiling_cents;
};

// The categories of the Kuopio employment services' DPS (seed 004).
const std::vector<DemoCategory> kCategories = {
    {"Työssävalmennus", "Arbetsplatsträning", "Job coaching at the workplace",
     "Valmentaja tukee asiakasta työpaikalla työtehtävien oppimisessa ja työyhteisöön "
     "kiinnittymisessä.",
     180000},
    {"Kohdennettu työnetsintä ja työhönvalmennus", "Riktad jobbsökning och arbetsträning",
     "Targeted job search and coaching",
     "Asiakkaan osaamiseen ja tavoitteisiin kohdennettu työpaikkojen etsintä ja valmennus.",
     150000},
    {"Toiminnallinen kartoitusjakso", "Funktionell kartläggningsperiod",
     "Functional assessment period",
     "Asiakkaan työ- ja toimintakyvyn sekä osaamisen kartoitus käytännön tekemisen kautta.",
     120000},
    {"Työelämäkokeilun ohjaus ja valmennus", "Handledning under arbetsprövning",
     "Guidance during a work trial", "Työkokeilun aikainen ohjaus, valmennus ja seuranta.", 90000},
    {"Työkorttikoulutus", "Utbildning för arbetskort", "Work-card training",
     "Työturvallisuus-, hygienia-, tulityö- ja muiden työkorttien koulutus ja kokeet.", 40000},
};

std::vector<domain::Criterion> demo_criteria() {
  using domain::CriterionKind;
  using domain::CriterionType;
  return {
      {"taxes-paid", "Verot ja eläkemaksut on maksettu (verovelkatodistus, enintään 3 kk).",
       CriterionType::date_within_days, CriterionKind::exclusion_ground, 0, 90, true},
      {"liability-insurance", "Yrityksellä on voimassa oleva vastuuvakuutus.",
       CriterionType::yes_no, CriterionKind::selection, 0, 0, false},
      {"certified-coaches", "Sertifioitujen valmentajien määrä.", CriterionType::number_at_least,
       CriterionKind::selection, 2, 0, false},
      {"references", "Kuvaus vastaavista palveluista viimeisen kolmen vuoden ajalta.",
       CriterionType::text, CriterionKind::selection, 0, 0, false},
  };
}

// A minimal, valid PDF standing in for a tax certificate.
constexpr std::string_view kDemoPdf =
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    "trailer<</Root 1 0 R>>\n%%EOF\n";

std::vector<domain::Answer> demo_answers(domain::Date today, double coaches,
                                         const std::string& certificate_id) {
  domain::Answer taxes{"taxes-paid", std::nullopt,  std::nullopt, today - std::chrono::days{20},
                       "",           certificate_id};
  domain::Answer insurance{"liability-insurance", true, std::nullopt, std::nullopt, "", ""};
  domain::Answer staff{"certified-coaches", std::nullopt, coaches, std::nullopt, "", ""};
  domain::Answer refs{"references",
                      std::nullopt,
                      std::nullopt,
                      std::nullopt,
                      "Työhönvalmennusta Kuopion, Siilinjärven ja Varkauden alueella vuodesta "
                      "2019.",
                      ""};
  return {taxes, insurance, staff, refs};
}

template <class T>
T must(domain::Result<T> r, const char* what) {
  if (!r) throw std::runtime_error(std::string("demo data, ") + what + ": " + r.error().detail);
  return std::move(r).value();
}

// A published DPS with its five categories; two providers admitted, one application waiting
// for a decision so the review queue shows something.
void seed_dps(domain::QualificationServices& q, const domain::Actor& officer,
              const std::vector<domain::Actor>& providers) {
  const domain::Date today = domain::helsinki_date(q.clock.now());
  auto dps = must(domain::create_dps(q, officer,
                                     {"Työllisyyspalvelujen dynaaminen hankintajärjestelmä",
                                      "Kuopion kaupungin työllisyyspalveluiden asiakkaille "
                                      "hankittavat valmennus- ja koulutuspalvelut. "
                                      "Palveluntuottajat voivat hakea mukaan koko voimassaoloajan.",
                                      "2026-012345", today - std::chrono::days{30},
                                      today + std::chrono::days{4 * 365}}),
                  "DPS");
  std::vector<std::string> category_ids;
  for (const auto& c : kCategories) {
    domain::CategoryInput in;
    in.name = {c.fi, c.sv, c.en};
    in.description = c.description;
    in.characteristics = {"Yksilövalmennus", "Palvelu asiakkaan äidinkielellä tai suomeksi"};
    in.regions = {"297", "749", "915"};  // Kuopio, Siilinjärvi, Varkaus
    in.languages = {"fi", "sv", "en"};
    in.price.unit = "service";
    in.price.unit_price_ceiling_cents = c.ceiling_cents;
    in.price.outcome_bonus_cents = {{"employment_open_market", 50000}, {"studies", 20000}};
    auto view = must(domain::create_category(q, officer, dps.id, in, demo_criteria()), "category");
    must(domain::change_category_state(q, officer, view.category.id, domain::CategoryAct::open),
         "opening a category");
    category_ids.push_back(view.category.id);
  }
  must(domain::change_dps_state(q, officer, dps.id, domain::DpsAct::publish), "publishing");

  struct Plan {
    std::size_t provider, category;
    bool admit;
  };
  const Plan plans[] = {{0, 0, true}, {0, 1, true}, {2, 4, true}, {1, 2, false}, {1, 3, true}};
  for (const auto& plan : plans) {
    const auto& provider = providers.at(plan.provider);
    auto app = must(domain::start_application(q, provider, category_ids.at(plan.category), {}),
                    "application");
    auto certificate =
        must(domain::attach_document(q, provider, app.application.id, "verovelkatodistus.pdf",
                                     "application/pdf", kDemoPdf),
             "document");
    must(domain::save_answers(q, provider, app.application.id,
                              demo_answers(today, 3, certificate.id)),
         "answers");
    must(domain::submit_application(q, provider, app.application.id), "submission");
    if (plan.admit)
      must(domain::decide_application(q, officer, app.application.id, true,
                                      "Kaikki kelpoisuusehdot täyttyvät."),
           "admission");
  }
}

}  // namespace

int seed_demo(const Config& config, Log& log) {
  storage::SociDatabase db(config.database_url, 2);
  db.migrate();
  SystemClock clock;
  crypto::ScryptPasswordHasher hasher(crypto::ScryptCost{1ull << config.scrypt_log2_n, 8, 1});
  crypto::SystemSecrets secrets;
  domain::AccountServices accounts{db, clock, hasher, secrets,
                                   std::chrono::minutes{config.session_lifetime_minutes}};

  // Each step looks first and adds only what is missing, so an interrupted or repeated run
  // ends in the same demo.
  auto actor_for = [&](const char* email) -> std::optional<domain::Actor> {
    std::optional<domain::Actor> found;
    db.run(domain::Access::read, [&](domain::Transaction& tx) {
      if (auto u = tx.users().find_by_email(email))
        found = domain::Actor{u->id, u->organisation_id, u->role, ""};
      return false;
    });
    return found;
  };
  bool created_any = false;
  std::optional<domain::Actor> admin;
  for (const auto& demo : kOrganisations) {
    const auto& first = demo.users.front();
    auto head = actor_for(first.email);
    if (!head) {
      auto reg =
          domain::bootstrap_organisation(accounts, {demo.kind, demo.name, "FI", demo.business_id},
                                         {first.email, first.name, first.role, kDemoPassword});
      if (!reg) throw std::runtime_error("demo data: " + reg.error().detail);
      head = domain::Actor{reg->user.id, reg->organisation.id, first.role, ""};
      created_any = true;
    }
    // The authority comes first and its first user is the administrator, who adds the rest.
    if (first.role == Role::admin) admin = head;
    for (std::size_t i = 1; i < demo.users.size(); ++i) {
      const auto& u = demo.users[i];
      if (actor_for(u.email)) continue;
      auto added = domain::create_user(accounts, *admin, head->organisation_id,
                                       {u.email, u.name, u.role, kDemoPassword});
      if (!added) throw std::runtime_error("demo data: " + added.error().detail);
      created_any = true;
    }
  }
  const auto officer = actor_for("hankinta@kuopio.example");
  std::vector<domain::Actor> providers;
  for (const auto& demo : kOrganisations)
    if (demo.kind == OrganisationKind::provider)
      providers.push_back(*actor_for(demo.users[0].email));
  const auto calendar = domain::WorkingDayCalendar::finnish();
  storage::FilesystemDocumentStore documents(config.documents_dir);
  domain::QualificationServices qualification{db,       clock,     secrets,
                                              calendar, documents, config.max_upload_bytes};
  auto existing = domain::list_dpss(qualification, &*officer);
  if (existing && existing->empty()) {
    seed_dps(qualification, *officer, providers);
    created_any = true;
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
