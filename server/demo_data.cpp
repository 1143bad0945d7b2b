#include "server/demo_data.hpp"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <queue>
#include <random>
#include <stdexcept>

#include "crypto/crypto.hpp"
#include "domain/accounts/sessions.hpp"
#include "domain/accounts/users.hpp"
#include "domain/ordering/choice.hpp"
#include "domain/ordering/customers.hpp"
#include "domain/ordering/feedback.hpp"
#include "domain/ordering/offerings.hpp"
#include "domain/ordering/orders.hpp"
#include "domain/qualification/applications.hpp"
#include "domain/qualification/documents.hpp"
#include "domain/qualification/dpss.hpp"
#include "domain/qualification/review.hpp"
#include "server/runtime.hpp"
#include "storage/database.hpp"
#include "storage/qualification/document_store.hpp"

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
  domain::AwardMethod award_method = domain::AwardMethod::customer_choice;
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
    // Bought for a group at once, so the authority compares tenders instead of a customer
    // choosing: the category for the mini-competitions.
    {"Ryhmävalmennus", "Gruppcoachning", "Group coaching",
     "Työnhakijaryhmien valmennus; hankitaan kevennetyllä kilpailutuksella ryhmä kerrallaan.",
     900000, domain::AwardMethod::mini_competition},
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

// A clock the seeding moves forward, so the demo has months of history behind "now".
class DemoClock final : public domain::Clock {
 public:
  explicit DemoClock(domain::Timestamp start) : now_(start) {}
  domain::Timestamp now() const override { return now_; }
  void set(domain::Timestamp t) { now_ = t; }

 private:
  domain::Timestamp now_;
};

void apply_to(domain::QualificationServices& q, const domain::Actor& provider,
              const std::string& category_id, bool admit, const domain::Actor& officer) {
  const domain::Date today = domain::helsinki_date(q.clock.now());
  auto app = must(domain::start_application(q, provider, category_id, {}), "application");
  auto certificate =
      must(domain::attach_document(q, provider, app.application.id,
                                   {"verovelkatodistus.pdf", "application/pdf", kDemoPdf}),
           "document");
  must(
      domain::save_answers(q, provider, app.application.id, demo_answers(today, 3, certificate.id)),
      "answers");
  must(domain::submit_application(q, provider, app.application.id), "submission");
  if (admit)
    must(domain::decide_application(q, officer, app.application.id,
                                    {true, "Kaikki kelpoisuusehdot täyttyvät."}),
         "admission");
}

// A published DPS with its six categories and admitted providers; returns the category ids.
std::vector<std::string> seed_dps(domain::QualificationServices& q, const domain::Actor& officer,
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
    in.award_method = c.award_method;
    auto view =
        must(domain::create_category(q, officer, dps.id, {in, demo_criteria()}), "category");
    must(domain::change_category_state(q, officer, view.category.id, domain::CategoryAct::open),
         "opening a category");
    category_ids.push_back(view.category.id);
  }
  must(domain::change_dps_state(q, officer, dps.id, domain::DpsAct::publish), "publishing");
  const std::pair<std::size_t, std::size_t> admitted[] = {{0, 0}, {1, 0}, {2, 0}, {0, 1},
                                                          {2, 4}, {1, 3}, {0, 5}, {1, 5}};
  for (const auto& [provider, category] : admitted)
    apply_to(q, providers.at(provider), category_ids.at(category), true, officer);
  return category_ids;
}

// How each demo provider tends to fare, so the scorecards differ the way real ones do: the
// second declines long-term unemployed customers (cream-skimming shows in its decline rates).
struct ProviderHabits {
  double decline_hard = 0;  // chance of declining a customer unemployed over 24 months
  double interrupt = 0;
  double positive = 0;  // chance of an employment or studies outcome
  int score_low = 0, score_high = 10;
};
constexpr ProviderHabits kHabits[] = {
    {0.05, 0.08, 0.45, 7, 10},
    {0.60, 0.10, 0.55, 5, 10},
    {0.05, 0.25, 0.30, 3, 9},
};

// Five months of orders in the job-coaching category, each lived through step by step on the
// demo clock: choice, order, acceptance, start, completion, closing report, outcome, feedback.
void seed_orders(domain::OrderingServices& o, DemoClock& clock, domain::Timestamp end,
                 const domain::Actor& coach, const std::vector<domain::Actor>& providers,
                 const std::string& category_id) {
  using std::chrono::days;
  using std::chrono::hours;
  std::mt19937 random(2026);  // a fixed seed: every demo database tells the same story
  auto chance = [&](double p) { return std::uniform_real_distribution<>(0, 1)(random) < p; };
  auto between = [&](int lo, int hi) { return std::uniform_int_distribution<>(lo, hi)(random); };

  std::map<std::string, std::size_t> provider_index;
  for (std::size_t i = 0; i < providers.size(); ++i) {
    clock.set(clock.now() + hours(1));
    const auto start = domain::helsinki_date(clock.now());
    domain::OfferingInput in;
    in.description = {"Yksilöllinen työhönvalmennus, 8–12 tapaamista ja tuki työpaikalla.",
                      "Individuell jobbcoachning, 8–12 träffar och stöd på arbetsplatsen.",
                      "One-to-one job coaching, 8–12 meetings and support at the workplace."};
    in.unit_price_cents = 140000 + static_cast<long long>(i) * 15000;
    in.outcome_bonus_cents = {{"employment_open_market", 40000 + static_cast<long long>(i) * 5000}};
    in.free_places = 40;
    in.regions = {"297", "749", "915"};
    in.languages =
        i == 1 ? std::vector<std::string>{"fi", "sv"} : std::vector<std::string>{"fi", "en"};
    in.earliest_start = start;
    in.typical_duration_days = 45;
    must(domain::create_offering(o, providers[i], category_id, in), "offering");
    provider_index[providers[i].organisation_id] = i;
  }

  struct Step {
    domain::Timestamp at;
    std::function<void()> run;
  };
  auto later = [](const Step& a, const Step& b) { return a.at > b.at; };
  std::priority_queue<Step, std::vector<Step>, decltype(later)> steps(later);
  const domain::UnemploymentBand bands[] = {
      domain::UnemploymentBand::under_3_months, domain::UnemploymentBand::from_3_to_12_months,
      domain::UnemploymentBand::from_12_to_24_months, domain::UnemploymentBand::over_24_months};
  const domain::AgeBand ages[] = {domain::AgeBand::under_25, domain::AgeBand::from_25_to_29,
                                  domain::AgeBand::from_30_to_54, domain::AgeBand::over_54};
  int n = 0;
  for (auto t = clock.now() + days(1); t < end - days(3); t += hours(between(40, 90))) {
    const int number = ++n;
    steps.push(
        {t, [&, number] {
           domain::CustomerInput who{"KUO-" + std::to_string(24000 + number),
                                     "297",
                                     {"fi"},
                                     bands[between(0, 3)],
                                     ages[between(0, 3)]};
           auto customer = must(domain::create_customer(o, coach, who), "customer");
           const auto set = must(domain::make_choice_set(
                                     o, coach, {category_id, customer.customer.id, std::nullopt}),
                                 "choice set")
                                .set;
           if (set.entries.empty()) return;
           const auto& picked = set.entries[static_cast<std::size_t>(
               between(0, static_cast<int>(set.entries.size()) - 1))];
           auto placed =
               must(domain::place_order(
                        o, coach, {set.id, picked.offering_id, true, "Asiakkaan oma valinta", ""}),
                    "order");
           const auto id = placed.view.order.id;
           const auto& provider = providers[provider_index[picked.provider_id]];
           const auto& habits = kHabits[provider_index[picked.provider_id]];
           const bool hard = who.unemployment == domain::UnemploymentBand::over_24_months;
           const auto t0 = clock.now();
           if (hard && chance(habits.decline_hard)) {
             steps.push({t0 + hours(between(4, 30)), [&, id, provider] {
                           must(domain::change_order(
                                    o, provider, id,
                                    {domain::OrderAct::decline, "Ei sopivaa valmentajaa vapaana."}),
                                "decline");
                         }});
             return;
           }
           const auto started = t0 + hours(between(20, 48)) + days(between(1, 9));
           const auto ended = started + days(between(30, 60));
           const bool interrupted = chance(habits.interrupt);
           const bool positive = chance(habits.positive * (hard ? 0.6 : 1.0));
           const int score = between(habits.score_low, habits.score_high);
           steps.push({t0 + hours(between(2, 20)), [&, id, provider] {
                         must(domain::change_order(o, provider, id, {domain::OrderAct::accept, ""}),
                              "accept");
                       }});
           steps.push({started, [&, id, provider] {
                         must(domain::change_order(o, provider, id, {domain::OrderAct::start, ""}),
                              "start");
                       }});
           if (ended >= end) return;
           steps.push(
               {ended, [&, id, provider, interrupted, positive, score] {
                  must(domain::change_order(
                           o, provider, id,
                           {interrupted ? domain::OrderAct::interrupt : domain::OrderAct::complete,
                            interrupted ? "Asiakas siirtyi sairauslomalle." : ""}),
                       "end");
                  must(domain::write_closing_report(
                           o, provider, id,
                           {"Yksilötapaamiset, CV:n päivitys ja työnhaku yhdessä asiakkaan kanssa.",
                            positive ? "Asiakas sai työpaikan tai opiskelupaikan."
                                     : "Työnhaku jatkuu.",
                            "Seuranta kolmen kuukauden kuluttua.", !positive, ""}),
                       "closing report");
                  const auto type =
                      positive ? (chance(0.7) ? domain::OutcomeType::employed_fixed_term_full_time
                                              : domain::OutcomeType::studies)
                               : (chance(0.5) ? domain::OutcomeType::no_change
                                              : domain::OutcomeType::another_service);
                  must(domain::record_outcome(o, coach, id,
                                              {type, domain::helsinki_date(clock.now()), ""}),
                       "outcome");
                  auto link = must(domain::issue_feedback_link(o, coach, id), "feedback link");
                  if (chance(0.8))
                    must(domain::give_feedback(
                             o, link.token,
                             {score,
                              score >= 9   ? "Valmentaja oli kannustava ja tavoitettava."
                              : score >= 7 ? "Ihan hyvä, tapaamisia olisi voinut olla enemmän."
                                           : "En saanut apua siihen mitä tarvitsin.",
                              "fi"}),
                         "feedback");
                  must(domain::rate_provider(o, coach, id,
                                             {std::clamp(score + between(-1, 1), 0, 10), ""}),
                       "coach rating");
                }});
         }});
  }
  while (!steps.empty()) {
    auto step = steps.top();
    steps.pop();
    clock.set(step.at);
    step.run();
  }
}

}  // namespace

int seed_demo(const Config& config, Log& log) {
  storage::SociDatabase db(config.database_url, 2);
  db.migrate();
  const domain::Timestamp now = SystemClock().now();
  DemoClock clock(now - std::chrono::days{180});
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
  const auto coach = actor_for("valmentaja@kuopio.example");
  std::vector<domain::Actor> providers;
  for (const auto& demo : kOrganisations)
    if (demo.kind == OrganisationKind::provider)
      providers.push_back(*actor_for(demo.users[0].email));
  const auto calendar = domain::WorkingDayCalendar::finnish();
  domain::QualificationServices qualification{db, clock, secrets, calendar,
                                              config.max_upload_bytes};
  auto existing = domain::list_dpss(qualification, &*officer);
  if (existing && existing->empty()) {
    const auto categories = seed_dps(qualification, *officer, providers);
    domain::OrderingServices ordering{db, clock, secrets};
    seed_orders(ordering, clock, now, *coach, providers, categories.at(0));
    clock.set(now);
    // One application awaiting a decision, so the review queue shows something today.
    apply_to(qualification, providers.at(1), categories.at(2), false, *officer);
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
