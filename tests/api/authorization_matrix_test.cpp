// The authorization matrix: every route of the live route table, probed as every actor against
// an object of the actor's own organisation and one of another organisation of the same kind,
// must answer exactly the status written in tests/api/authorization_matrix.txt.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>

#include "domain/competition/evaluation.hpp"
#include "domain/competition/questions.hpp"
#include "domain/competition/tenders.hpp"
#include "domain/ordering/choice.hpp"
#include "domain/ordering/customers.hpp"
#include "domain/ordering/feedback.hpp"
#include "domain/ordering/offerings.hpp"
#include "domain/ordering/orders.hpp"
#include "domain/qualification/applications.hpp"
#include "domain/qualification/documents.hpp"
#include "domain/qualification/dpss.hpp"
#include "domain/qualification/reconfirmation.hpp"
#include "domain/qualification/review.hpp"
#include "server/time_format.hpp"
#include "tests/api/support/test_server.hpp"

namespace tarjotin::testing {
namespace {

using domain::OrganisationKind;
using domain::Role;

// What no response may contain: the price and text of tenders whose deadline is still ahead.
constexpr const char* kSealedPrice = "7345991";
constexpr const char* kSealedText = "Sinetöity menetelmä";
constexpr const char* kPdf =
    "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n";

// ---------------------------------------------------------------------------- the table

struct Column {
  std::string name;          // as in messages: "anonymous", "officer-own", "coach-other"
  std::optional<Role> role;  // none: no token
  bool other = false;        // the ids name side B's objects
};

std::vector<Column> columns() {
  std::vector<Column> out{{"anonymous", std::nullopt, false}};
  for (Role role : {Role::admin, Role::officer, Role::auditor, Role::coach, Role::provider})
    for (bool other : {false, true})
      out.push_back(
          {std::string(domain::to_string(role)) + (other ? "-other" : "-own"), role, other});
  return out;
}

struct Row {
  std::string route;               // "METHOD /path/{param}", as the route table spells it
  std::vector<unsigned> expected;  // one status per column
};

struct Matrix {
  std::vector<Row> rows;
  std::vector<std::string> errors;
};

std::optional<unsigned> parse_status(const std::string& text) {
  if (text.size() != 3 || text.find_first_not_of("0123456789") != std::string::npos ||
      text[0] < '1' || text[0] > '5')
    return std::nullopt;
  return static_cast<unsigned>(std::stoi(text));
}

Matrix read_matrix() {
  static const std::vector<std::string> kHeader{"METHOD",  "path",    "anonymous", "admin",
                                                "officer", "auditor", "coach",     "provider"};
  Matrix m;
  std::ifstream in(TARJOTIN_AUTHORIZATION_MATRIX);
  if (!in) {
    m.errors.push_back(std::string("cannot read ") + TARJOTIN_AUTHORIZATION_MATRIX);
    return m;
  }
  bool header_seen = false;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    line = line.substr(0, line.find('#'));
    std::istringstream words(line);
    const std::vector<std::string> cells{std::istream_iterator<std::string>(words), {}};
    if (cells.empty()) continue;
    const std::string where = "matrix line " + std::to_string(n) + ": ";
    if (!header_seen) {
      header_seen = true;
      if (cells != kHeader)
        m.errors.push_back(where +
                           "the header is METHOD path anonymous admin officer auditor "
                           "coach provider");
      continue;
    }
    if (cells.size() != kHeader.size()) {
      m.errors.push_back(where + "a row is a method, a path and six cells");
      continue;
    }
    Row row{cells[0] + " " + cells[1], {}};
    bool readable = true;
    auto add = [&](const std::string& text) {
      const auto status = parse_status(text);
      readable = readable && status.has_value();
      row.expected.push_back(status.value_or(0));
    };
    add(cells[2]);
    for (std::size_t i = 3; i < cells.size(); ++i) {
      const auto slash = cells[i].find('/');
      add(cells[i].substr(0, slash));
      add(slash == std::string::npos ? cells[i] : cells[i].substr(slash + 1));
    }
    if (readable)
      m.rows.push_back(std::move(row));
    else
      m.errors.push_back(where + "a cell is a status, or two joined by / (own/other)");
  }
  return m;
}

std::string route_key(const server::Route& route) {
  return std::string(http::to_string(route.method)) + " " + route.path;
}

std::vector<std::string> path_params(const std::string& path) {
  std::vector<std::string> out;
  for (auto open = path.find('{'); open != std::string::npos; open = path.find('{', open + 1))
    out.push_back(path.substr(open + 1, path.find('}', open) - open - 1));
  return out;
}

// ---------------------------------------------------------------------------- the world

template <class T>
T must(domain::Result<T> result, const std::string& what) {
  if (!result) throw std::runtime_error(what + ": " + result.error().detail);
  return std::move(result).value();
}

struct Person {
  std::string user_id;
  std::string organisation_id;
  std::string email;
  std::string token;
  Role role{};
  domain::Actor actor() const { return {user_id, organisation_id, role, ""}; }
};

// One side of the world: an authority, a coaching unit and a provider company that belong
// together, and every object a route names, in the state its probes need.
struct Side {
  Person admin, officer, auditor, coach, provider;
  std::string spare_auditor, spare_coach, spare_provider;  // colleagues, as user ids
  std::string dps, draft_dps, draft_category, customer_choice, mini_competition;
  std::string application, attachment, reconfirmation;
  std::string offering, customer, reference, consent, choice_set, order, feedback_token;
  std::string competition, question, draft_competition, late_competition, opened_competition,
      opened_tender, award_competition, award_tender, awarded_competition;

  // The member of the caller's kind of organisation; the admin for authority staff and for
  // anonymous callers.
  const Person& counterpart(std::optional<Role> role) const {
    if (role == Role::coach) return coach;
    if (role == Role::provider) return provider;
    return admin;
  }
  const std::string& colleague(std::optional<Role> role) const {
    if (role == Role::coach) return spare_coach;
    if (role == Role::provider) return spare_provider;
    return spare_auditor;
  }
};

enum class Stage { draft, published, tender_saved, tender_submitted };

class World {
 public:
  explicit World(TestServer& server) : server_(server), api_(server.client()) {
    for (Side* s : {&a, &b}) add_people(*s);
    for (Side* s : {&a, &b}) add_qualification(*s);
    for (Side* s : {&a, &b}) add_ordering(*s);
    for (Side* s : {&a, &b}) add_competitions(*s);
    // The tender deadline of the "late" competitions passes; sessions last far longer.
    server_.clock().advance(std::chrono::hours(2));
    for (Side* s : {&a, &b}) evaluate(*s);
  }

  Side a, b;
  Side& side(bool other) { return other ? b : a; }
  const ApiClient& api() const { return api_; }
  int next() { return ++counter_; }

  std::string today(int days = 0) const {
    return server::format_date(domain::helsinki_date(server_.clock().now()) +
                               std::chrono::days{days});
  }
  std::string in_days(int days) const {
    return server::format_timestamp(server_.clock().now() + std::chrono::days{days});
  }

  // ---- fresh objects, for calls that change what they touch

  std::string fresh_session(const Person& p) { return api_.sign_in(p.email, kPassword); }

  // A draft DPS with a category, ready to publish.
  std::string fresh_draft_dps(Side& s) {
    const auto dps =
        must(domain::create_dps(q(), s.officer.actor(), dps_input()), "create a DPS").id;
    must(domain::create_category(q(), s.officer.actor(), dps, {category_input(), criteria()}),
         "add a category");
    return dps;
  }

  std::string fresh_draft_category(Side& s) {
    return must(domain::create_category(q(), s.officer.actor(), s.dps,
                                        {category_input(), criteria()}),
                "add a category")
        .category.id;
  }

  std::string fresh_open_category(
      Side& s, domain::AwardMethod method = domain::AwardMethod::customer_choice) {
    auto input = category_input();
    input.award_method = method;
    const auto id =
        must(domain::create_category(q(), s.officer.actor(), s.dps, {input, criteria()}),
             "add a category")
            .category.id;
    must(domain::change_category_state(q(), s.officer.actor(), id, domain::CategoryAct::open),
         "open a category");
    return id;
  }

  // The provider's application to a fresh category, in `state` (draft, submitted or
  // clarification_requested).
  std::string fresh_application(Side& s, domain::ApplicationState state) {
    const auto category = fresh_open_category(s);
    const auto id = must(domain::start_application(q(), s.provider.actor(), category, answers()),
                         "start an application")
                        .application.id;
    if (state == domain::ApplicationState::draft) return id;
    must(domain::submit_application(q(), s.provider.actor(), id), "submit an application");
    if (state == domain::ApplicationState::clarification_requested)
      must(domain::request_clarification(q(), s.officer.actor(), id, "Lähettäkää todistus"),
           "ask for clarification");
    return id;
  }

  // A fresh category to which the side's provider is admitted.
  std::string fresh_admission(Side& s) {
    const auto category = fresh_open_category(s);
    admit(s, category);
    return category;
  }

  std::string fresh_offering(Side& s) {
    auto input = offering_input();
    input.active = false;  // kept out of every choice set
    return must(domain::create_offering(o(), s.provider.actor(), s.customer_choice, input),
                "make an offering")
        .id;
  }

  // A choice set of the side's customer, not yet ordered from (a set backs one order).
  std::string fresh_choice_set(Side& s) {
    return must(domain::make_choice_set(o(), s.coach.actor(),
                                        {s.customer_choice, s.customer, std::nullopt}),
                "make a choice set")
        .set.id;
  }

  // An order from the side's coaching unit to the side's provider, placed or completed.
  std::string fresh_order(Side& s, bool completed) {
    const auto id =
        must(domain::place_order(o(), s.coach.actor(),
                                 {fresh_choice_set(s), s.offering, true, "lähellä", ""}),
             "place an order")
            .view.order.id;
    if (completed)
      for (auto act :
           {domain::OrderAct::accept, domain::OrderAct::start, domain::OrderAct::complete})
        must(domain::change_order(o(), s.provider.actor(), id, {act, ""}), "move an order");
    return id;
  }

  std::string fresh_feedback_token(Side& s) {
    return must(domain::issue_feedback_link(o(), s.coach.actor(), fresh_order(s, true)),
                "issue a feedback link")
        .token;
  }

  std::string fresh_competition(Side& s, Stage stage) {
    return competition(s, stage, std::chrono::days(5), std::chrono::days(10), kSealedPrice);
  }

  // ---- request bodies that more than one route sends

  std::string dps_body() const {
    return R"({"title":"Matriisin DPS","valid_from":")" + today() + R"(","valid_until":")" +
           today(365) + R"("})";
  }
  static std::string criteria_json() {
    return R"([{"key":"insured","question":"Vakuutus voimassa?","type":"yes_no",)"
           R"("kind":"selection"}])";
  }
  static std::string category_body() {
    return R"({"name":{"fi":"Työhönvalmennus"},"regions":["297"],"languages":["fi"],)"
           R"("award_method":"customer_choice","criteria":)" +
           criteria_json() + "}";
  }
  static std::string answers_body() { return R"({"answers":[{"key":"insured","yes":true}]})"; }
  std::string offering_body() const {
    return R"({"description":{"fi":"Yksilövalmennus"},"unit_price_cents":150000,)"
           R"("free_places":5,"regions":["297"],"languages":["fi"],"earliest_start":")" +
           today() + R"(","typical_duration_days":60,"active":false})";
  }
  std::string competition_body() const {
    return R"({"title":"Ryhmävalmennus","description":"Kolmen kuukauden ryhmät",)"
           R"("criteria":[{"key":"price","name":"Hinta","basis":"price","weight":60},)"
           R"({"key":"method","name":"Menetelmä","basis":"quality","weight":40,"max_points":10}],)"
           R"("questions_deadline":")" +
           in_days(5) + R"(","tender_deadline":")" + in_days(10) + R"("})";
  }
  static std::string tender_body() {
    return std::string(R"({"price_cents":)") + kSealedPrice + R"(,"answers":{"method":")" +
           kSealedText + R"("}})";
  }

 private:
  domain::QualificationServices& q() { return server_.runtime().qualification(); }
  domain::OrderingServices& o() { return server_.runtime().ordering(); }
  domain::CompetitionServices& c() { return server_.runtime().competitions(); }

  static Person person(const TestServer::Member& m, Role role) {
    return {m.user_id, m.organisation_id, m.email, m.token, role};
  }

  // A user added by the side's admin; signed in when `sign_in`.
  Person add_user(Side& s, const std::string& organisation_id, Role role, bool sign_in) {
    const std::string email = "colleague" + std::to_string(next()) + "@example.fi";
    const auto user =
        must(domain::create_user(server_.runtime().accounts(), s.admin.actor(), organisation_id,
                                 {email, "Kollega", role, kPassword}),
             "add a user");
    return {user.id, organisation_id, email, sign_in ? api_.sign_in(email, kPassword) : "", role};
  }

  void add_people(Side& s) {
    s.admin = person(server_.add_member(OrganisationKind::contracting_authority, Role::admin),
                     Role::admin);
    s.officer = add_user(s, s.admin.organisation_id, Role::officer, true);
    s.auditor = add_user(s, s.admin.organisation_id, Role::auditor, true);
    s.spare_auditor = add_user(s, s.admin.organisation_id, Role::auditor, false).user_id;
    s.coach = person(server_.add_member(OrganisationKind::coaching_unit, Role::coach), Role::coach);
    s.spare_coach = add_user(s, s.coach.organisation_id, Role::coach, false).user_id;
    s.provider = person(server_.add_member(OrganisationKind::provider, Role::provider,
                                           finnish_business_id(600 + next())),
                        Role::provider);
    s.spare_provider = add_user(s, s.provider.organisation_id, Role::provider, false).user_id;
  }

  domain::DpsInput dps_input() const {
    const auto day = domain::helsinki_date(server_.clock().now());
    return {"DPS", "", "", day, day + std::chrono::days{365}};
  }
  static domain::CategoryInput category_input() {
    domain::CategoryInput in;
    in.name = {"Työhönvalmennus", "Jobbcoachning", "Job coaching"};
    in.languages = {"fi", "sv", "en"};
    in.regions = {"297"};
    in.price.unit_price_ceiling_cents = 200'000;
    return in;
  }
  static std::vector<domain::Criterion> criteria() {
    return {{"insured", "Vakuutus voimassa?", domain::CriterionType::yes_no,
             domain::CriterionKind::selection, 0, 0, false}};
  }
  static std::vector<domain::Answer> answers() { return {{"insured", true, {}, {}, "", ""}}; }
  domain::OfferingInput offering_input() const {
    domain::OfferingInput in;
    in.description = {"Yksilövalmennus", "", ""};
    in.unit_price_cents = 150'000;
    in.free_places = 1000;
    in.regions = {"297"};
    in.languages = {"fi"};
    in.earliest_start = domain::helsinki_date(server_.clock().now());
    in.typical_duration_days = 60;
    return in;
  }

  void admit(Side& s, const std::string& category) {
    const auto app =
        must(domain::start_application(q(), s.provider.actor(), category, answers()), "apply")
            .application.id;
    must(domain::submit_application(q(), s.provider.actor(), app), "submit");
    must(domain::decide_application(q(), s.officer.actor(), app, {true, ""}), "admit");
  }

  void add_qualification(Side& s) {
    s.draft_dps = must(domain::create_dps(q(), s.officer.actor(), dps_input()), "create a DPS").id;
    s.dps = fresh_draft_dps(s);
    s.customer_choice = fresh_open_category(s);
    s.mini_competition = fresh_open_category(s, domain::AwardMethod::mini_competition);
    must(domain::change_dps_state(q(), s.officer.actor(), s.dps, domain::DpsAct::publish),
         "publish the DPS");
    s.draft_category = fresh_draft_category(s);
    admit(s, s.customer_choice);
    admit(s, s.mini_competition);

    // A submitted application with a document, awaiting the officer's decision.
    s.application = fresh_application(s, domain::ApplicationState::draft);
    s.attachment = must(domain::attach_document(q(), s.provider.actor(), s.application,
                                                {"todistus.pdf", "application/pdf", kPdf}),
                        "attach a document")
                       .id;
    must(domain::submit_application(q(), s.provider.actor(), s.application), "submit");
    s.reconfirmation =
        must(domain::request_reconfirmation(
                 q(), s.officer.actor(), s.customer_choice,
                 {domain::helsinki_date(server_.clock().now()) + std::chrono::days{30},
                  "Vahvistakaa, että ehdot täyttyvät yhä"}),
             "ask for re-confirmation")
            .request.id;
  }

  void add_ordering(Side& s) {
    s.offering =
        must(domain::create_offering(o(), s.provider.actor(), s.customer_choice, offering_input()),
             "make an offering")
            .id;
    s.reference = "ASIAKAS-" + std::to_string(next());
    s.customer = must(domain::create_customer(o(), s.coach.actor(),
                                              {s.reference,
                                               "297",
                                               {"fi"},
                                               domain::UnemploymentBand::from_3_to_12_months,
                                               domain::AgeBand::from_30_to_54}),
                      "record a customer")
                     .customer.id;
    s.consent = must(domain::give_consent(
                         o(), s.coach.actor(), s.customer,
                         {s.provider.organisation_id, domain::ConsentScope::closing_reports}),
                     "record a consent")
                    .id;
    s.choice_set = fresh_choice_set(s);
    s.order = fresh_order(s, true);
    s.feedback_token =
        must(domain::issue_feedback_link(o(), s.coach.actor(), s.order), "issue a feedback link")
            .token;
  }

  // A competition in the side's mini-competition category, taken to `stage`; the provider's
  // tender (when there is one) names `price`.
  std::string competition(Side& s, Stage stage, std::chrono::seconds questions,
                          std::chrono::seconds tenders, const std::string& price) {
    domain::CompetitionInput in;
    in.title = "Ryhmävalmennus";
    in.description = "Kolmen kuukauden ryhmät";
    in.criteria = {{"price", "Hinta", domain::CriterionBasis::price, 60, 10},
                   {"method", "Menetelmä", domain::CriterionBasis::quality, 40, 10}};
    in.questions_deadline = server_.clock().now() + questions;
    in.tender_deadline = server_.clock().now() + tenders;
    const auto id = must(domain::create_competition(c(), s.officer.actor(), s.mini_competition, in),
                         "create a competition")
                        .competition.id;
    if (stage == Stage::draft) return id;
    must(domain::publish_competition(c(), s.officer.actor(), id), "publish a competition");
    if (stage == Stage::published) return id;
    domain::TenderContent content;
    content.price_cents = std::stoll(price);
    content.answers["method"] = price == kSealedPrice ? kSealedText : "Ryhmät Kuopiossa";
    must(domain::save_tender(c(), s.provider.actor(), id, content), "save a tender");
    if (stage == Stage::tender_submitted)
      must(domain::submit_tender(c(), s.provider.actor(), id), "submit a tender");
    return id;
  }

  std::string tender_of(Side& s, const std::string& competition_id) {
    return must(domain::read_own_tender(c(), s.provider.actor(), competition_id), "read a tender")
        .tender_id;
  }

  void add_competitions(Side& s) {
    s.draft_competition = fresh_competition(s, Stage::draft);
    s.competition = fresh_competition(s, Stage::tender_submitted);
    s.question = must(domain::ask_question(c(), s.provider.actor(), s.competition,
                                           "Saako ryhmiä olla kaksi?"),
                      "ask a question")
                     .id;
    // Their tender deadline passes when the world's clock moves on.
    const auto late = [&] {
      return competition(s, Stage::tender_submitted, std::chrono::minutes(30),
                         std::chrono::hours(1), "150000");
    };
    s.late_competition = late();
    s.opened_competition = late();
    s.award_competition = late();
    s.awarded_competition = late();
  }

  void evaluate(Side& s) {
    for (const auto* id : {&s.opened_competition, &s.award_competition, &s.awarded_competition})
      must(domain::open_tenders(c(), s.officer.actor(), *id), "open the tenders");
    s.opened_tender = tender_of(s, s.opened_competition);
    s.award_tender = tender_of(s, s.award_competition);
    for (const auto* id : {&s.award_competition, &s.awarded_competition})
      must(domain::score_tender(c(), s.officer.actor(), *id, tender_of(s, *id), "method",
                                {7, "Selkeä menetelmä"}),
           "score a tender");
    must(domain::award_competition(c(), s.officer.actor(), s.awarded_competition,
                                   tender_of(s, s.awarded_competition)),
         "award");
  }

  TestServer& server_;
  ApiClient api_;
  int counter_ = 0;
};

// ---------------------------------------------------------------------------- the probes

// One probe's request, filled in by the defaults and then by the route's own entry.
struct Call {
  const Column& column;
  const Person* caller;  // nullptr: anonymous
  Side& side;            // whose objects the ids name
  bool admitted;         // the route's guard lets the caller's role in: the call reaches the domain
  std::map<std::string, std::string> ids;
  std::string query;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string token;
};

// The object each path parameter names unless the route's entry says otherwise.
std::string default_id(const Call& c, const std::string& param) {
  const Side& s = c.side;
  const std::map<std::string, std::string> ids{
      {"organisation_id", s.counterpart(c.column.role).organisation_id},
      {"user_id", s.colleague(c.column.role)},
      {"dps_id", s.dps},
      {"category_id", s.customer_choice},
      {"provider_id", s.provider.organisation_id},
      {"application_id", s.application},
      {"attachment_id", s.attachment},
      {"request_id", s.reconfirmation},
      {"offering_id", s.offering},
      {"customer_id", s.customer},
      {"consent_id", s.consent},
      {"choice_set_id", s.choice_set},
      {"order_id", s.order},
      {"token", s.feedback_token},
      {"competition_id", s.competition},
      {"question_id", s.question},
      {"tender_id", s.opened_tender},
      {"criterion_key", "method"},
      {"identity_provider_id", "kuopio"},  // no identity provider is configured in the world
  };
  const auto it = ids.find(param);
  if (it == ids.end()) throw std::runtime_error("no object for {" + param + "}");
  return it->second;
}

using Entry = std::function<void(World&, Call&)>;

// What each route needs beyond the defaults: other objects (fresh ones where the call changes
// them and the guard lets it through), a query, and the minimal valid body of its operation.
std::map<std::string, Entry> entries() {
  using domain::ApplicationState;
  std::map<std::string, Entry> e;
  auto body = [](std::string text) { return [text](World&, Call& c) { c.body = text; }; };

  // ---- accounts
  e["POST /v1/provider-registrations"] = [](World& w, Call& c) {
    const auto n = std::to_string(w.next());
    c.body = R"({"organisation":{"name":"Matriisi )" + n + R"( Oy","business_id":")" +
             finnish_business_id(800 + w.next()) + R"("},"user":{"email":"registrant)" + n +
             R"(@example.fi","display_name":"Rekisteröijä","password":")" + kPassword + R"("}})";
  };
  e["POST /v1/sessions"] = [](World&, Call& c) {
    const auto& who = c.caller ? *c.caller : c.side.provider;
    c.body = R"({"email":")" + who.email + R"(","password":")" + kPassword + R"("})";
  };
  e["POST /v1/browser-sessions"] = e["POST /v1/sessions"];
  e["DELETE /v1/sessions/current"] = [](World& w, Call& c) {
    if (c.caller) c.token = w.fresh_session(*c.caller);  // the caller's own one stays valid
  };
  e["PUT /v1/sessions/current/password"] =
      body(R"({"current_password":"not the password","new_password":"another long passphrase"})");
  e["POST /v1/organisations"] = body(R"({"kind":"coaching_unit","name":"Uusi yksikkö"})");
  e["POST /v1/organisations/{organisation_id}/users"] = [](World& w, Call& c) {
    const Role role =
        !c.column.role || c.column.role == Role::admin ? Role::officer : *c.column.role;
    c.body = R"({"email":"new)" + std::to_string(w.next()) +
             R"(@example.fi","display_name":"Uusi","role":")" +
             std::string(domain::to_string(role)) + R"(","password":")" + kPassword + R"("})";
  };
  e["PATCH /v1/users/{user_id}"] = body(R"({"active":true})");

  // ---- DPSs and categories
  e["POST /v1/dps"] = [](World& w, Call& c) { c.body = w.dps_body(); };
  e["GET /v1/dps/{dps_id}"] = [](World&, Call& c) { c.ids["dps_id"] = c.side.draft_dps; };
  e["PATCH /v1/dps/{dps_id}"] = [](World& w, Call& c) {
    c.ids["dps_id"] = c.side.draft_dps;
    c.body = w.dps_body();
  };
  e["POST /v1/dps/{dps_id}/transitions"] = [](World& w, Call& c) {
    c.ids["dps_id"] = c.admitted ? w.fresh_draft_dps(c.side) : c.side.draft_dps;
    c.body = R"({"act":"publish"})";
  };
  e["GET /v1/dps/{dps_id}/categories"] = [](World&, Call& c) {
    c.ids["dps_id"] = c.side.draft_dps;
  };
  e["POST /v1/dps/{dps_id}/categories"] = [](World&, Call& c) {
    c.ids["dps_id"] = c.side.draft_dps;
    c.body = World::category_body();
  };
  e["GET /v1/categories/{category_id}"] = [](World&, Call& c) {
    c.ids["category_id"] = c.side.draft_category;
  };
  e["PATCH /v1/categories/{category_id}"] = [](World&, Call& c) {
    c.ids["category_id"] = c.side.draft_category;
    c.body = R"({"name":{"fi":"Työhönvalmennus"},"regions":["297"],"languages":["fi"],)"
             R"("award_method":"customer_choice"})";
  };
  e["PUT /v1/categories/{category_id}/criteria"] = [](World&, Call& c) {
    c.ids["category_id"] = c.side.draft_category;
    c.body = R"({"criteria":)" + World::criteria_json() + "}";
  };
  e["POST /v1/categories/{category_id}/transitions"] = [](World& w, Call& c) {
    c.ids["category_id"] = c.admitted ? w.fresh_draft_category(c.side) : c.side.draft_category;
    c.body = R"({"act":"open"})";
  };

  // ---- admissions and applications
  e["POST /v1/categories/{category_id}/admissions/{provider_id}/transitions"] = [](World& w,
                                                                                   Call& c) {
    if (c.admitted) c.ids["category_id"] = w.fresh_admission(c.side);
    c.body = R"({"act":"suspend","reason":"Vakuutus puuttuu"})";
  };
  e["POST /v1/categories/{category_id}/applications"] = [](World& w, Call& c) {
    if (c.admitted) c.ids["category_id"] = w.fresh_open_category(c.side);
    c.body = World::answers_body();
  };
  auto on_application = [](ApplicationState state, std::string text) {
    return [state, text](World& w, Call& c) {
      if (c.admitted) c.ids["application_id"] = w.fresh_application(c.side, state);
      c.body = text;
    };
  };
  e["PUT /v1/applications/{application_id}/answers"] =
      on_application(ApplicationState::draft, World::answers_body());
  e["POST /v1/applications/{application_id}/submission"] =
      on_application(ApplicationState::draft, "");
  e["POST /v1/applications/{application_id}/withdrawal"] =
      on_application(ApplicationState::draft, "");
  e["POST /v1/applications/{application_id}/clarification-answer"] = on_application(
      ApplicationState::clarification_requested, R"({"message":"Todistus on liitteenä"})");
  e["POST /v1/applications/{application_id}/attachments"] = [](World& w, Call& c) {
    if (c.admitted) c.ids["application_id"] = w.fresh_application(c.side, ApplicationState::draft);
    c.body = kPdf;
    c.headers = {{"Content-Type", "application/pdf"},
                 {"Content-Disposition", R"(attachment; filename="todistus.pdf")"}};
  };
  e["POST /v1/applications/{application_id}/clarification-request"] =
      on_application(ApplicationState::submitted, R"({"message":"Lähettäkää todistus"})");
  e["POST /v1/applications/{application_id}/deadline-extension"] =
      on_application(ApplicationState::submitted, R"({"reason":"Selvitys vie aikaa"})");
  e["POST /v1/applications/{application_id}/decision"] = on_application(
      ApplicationState::submitted, R"({"decision":"reject","reason":"Ehdot eivät täyty"})");
  e["POST /v1/applications/{application_id}/messages"] = body(R"({"body":"Kiitos hakemuksesta"})");

  // ---- re-confirmation
  e["POST /v1/categories/{category_id}/reconfirmations"] = [](World& w, Call& c) {
    c.body = R"({"due":")" + w.today(30) + R"(","message":"Vahvistakaa ehdot"})";
  };

  // ---- ordering
  e["POST /v1/categories/{category_id}/offerings"] = [](World& w, Call& c) {
    c.body = w.offering_body();
  };
  e["PUT /v1/offerings/{offering_id}"] = [](World& w, Call& c) {
    if (c.admitted) c.ids["offering_id"] = w.fresh_offering(c.side);
    c.body = w.offering_body();
  };
  e["POST /v1/customers"] = [](World& w, Call& c) {
    c.body = R"({"reference":"UUSI-)" + std::to_string(w.next()) +
             R"(","region":"297","languages":["fi"],"unemployment_band":"under_3_months",)"
             R"("age_band":"from_30_to_54"})";
  };
  e["GET /v1/customers"] = [](World&, Call& c) { c.query = "reference=" + c.side.reference; };
  e["PUT /v1/customers/{customer_id}"] = [](World&, Call& c) {
    c.body = R"({"reference":")" + c.side.reference +
             R"(","region":"297","languages":["fi"],"unemployment_band":"from_3_to_12_months",)"
             R"("age_band":"from_30_to_54"})";
  };
  e["POST /v1/customers/{customer_id}/consents"] = [](World&, Call& c) {
    c.body = R"({"provider_id":")" + c.side.provider.organisation_id + R"(","scope":"outcomes"})";
  };
  e["POST /v1/choice-sets"] = [](World&, Call& c) {
    c.body = R"({"category_id":")" + c.side.customer_choice + R"(","customer_id":")" +
             c.side.customer + R"("})";
  };
  e["POST /v1/orders"] = [](World& w, Call& c) {
    c.body = R"({"choice_set_id":")" + w.fresh_choice_set(c.side) + R"(","offering_id":")" +
             c.side.offering + R"(","chosen_by_customer":true,"choice_reason":"Lähellä kotia"})";
  };
  e["GET /v1/orders"] = [](World&, Call& c) { c.query = "dps_id=" + c.side.dps; };
  e["POST /v1/orders/{order_id}/transitions"] = [](World& w, Call& c) {
    if (c.admitted) c.ids["order_id"] = w.fresh_order(c.side, false);
    c.body = R"({"act":"accept"})";
  };
  e["PUT /v1/orders/{order_id}/closing-report"] =
      body(R"({"work_done":"Kymmenen tapaamista","results":"Työhaastattelu"})");
  e["POST /v1/orders/{order_id}/outcomes"] = [](World& w, Call& c) {
    c.body = R"({"type":"studies","date":")" + w.today() + R"("})";
  };
  e["POST /v1/orders/{order_id}/coach-rating"] = [](World& w, Call& c) {
    if (c.admitted) c.ids["order_id"] = w.fresh_order(c.side, true);
    c.body = R"({"score":8})";
  };
  e["POST /v1/feedback/{token}"] = [](World& w, Call& c) {
    if (c.admitted) c.ids["token"] = w.fresh_feedback_token(c.side);
    c.body = R"({"score":9,"comment":"Hyvä valmentaja","language":"fi"})";
  };

  // ---- mini-competitions
  e["POST /v1/categories/{category_id}/competitions"] = [](World& w, Call& c) {
    c.ids["category_id"] = c.side.mini_competition;
    c.body = w.competition_body();
  };
  e["GET /v1/categories/{category_id}/competitions"] = [](World&, Call& c) {
    c.ids["category_id"] = c.side.mini_competition;
  };
  e["PUT /v1/competitions/{competition_id}"] = [](World& w, Call& c) {
    c.ids["competition_id"] = c.side.draft_competition;
    c.body = w.competition_body();
  };
  e["POST /v1/competitions/{competition_id}/transitions"] = [](World& w, Call& c) {
    c.ids["competition_id"] =
        c.admitted ? w.fresh_competition(c.side, Stage::draft) : c.side.draft_competition;
    c.body = R"({"act":"publish"})";
  };
  e["POST /v1/competitions/{competition_id}/deadline-extension"] = [](World& w, Call& c) {
    if (c.admitted) c.ids["competition_id"] = w.fresh_competition(c.side, Stage::published);
    c.body = R"({"tender_deadline":")" + w.in_days(20) + R"("})";
  };
  e["POST /v1/competitions/{competition_id}/questions"] =
      body(R"({"text":"Saako ryhmässä olla kahdeksan?"})");
  e["PUT /v1/questions/{question_id}/answer"] = body(R"({"answer":"Saa."})");
  auto on_competition = [](Stage stage, std::string text) {
    return [stage, text](World& w, Call& c) {
      if (c.admitted) c.ids["competition_id"] = w.fresh_competition(c.side, stage);
      c.body = text;
    };
  };
  e["PUT /v1/competitions/{competition_id}/tender"] =
      on_competition(Stage::published, World::tender_body());
  e["POST /v1/competitions/{competition_id}/tender/submission"] =
      on_competition(Stage::tender_saved, "");
  e["POST /v1/competitions/{competition_id}/tender/withdrawal"] =
      on_competition(Stage::tender_submitted, "");
  e["POST /v1/competitions/{competition_id}/opening"] = [](World&, Call& c) {
    c.ids["competition_id"] = c.side.late_competition;
  };
  e["PUT /v1/competitions/{competition_id}/tenders/{tender_id}/scores/{criterion_key}"] =
      [](World&, Call& c) {
        c.ids["competition_id"] = c.side.opened_competition;
        c.body = R"({"points":6,"justification":"Menetelmä on kuvattu"})";
      };
  e["GET /v1/competitions/{competition_id}/ranking"] = [](World&, Call& c) {
    c.ids["competition_id"] = c.side.opened_competition;
  };
  e["POST /v1/competitions/{competition_id}/award"] = [](World&, Call& c) {
    c.ids["competition_id"] = c.side.award_competition;
    c.body = R"({"tender_id":")" + c.side.award_tender + R"("})";
  };
  e["GET /v1/competitions/{competition_id}/decision"] = [](World&, Call& c) {
    c.ids["competition_id"] = c.side.awarded_competition;
  };
  // A public address literal: setting it needs no name lookup, and nothing is sent in this test.
  e["PUT /v1/webhook"] = body(R"({"url":"https://93.184.215.14/tarjotin"})");

  // ---- the verifiable audit log
  e["GET /v1/audit/inclusion-proof"] = [](World&, Call& c) { c.query = "seq=1&tree_size=2"; };
  e["GET /v1/audit/consistency-proof"] = [](World&, Call& c) { c.query = "first=1&second=2"; };
  return e;
}

std::string fill(std::string path, const std::map<std::string, std::string>& ids) {
  for (const auto& [name, value] : ids) {
    const std::string placeholder = "{" + name + "}";
    for (auto at = path.find(placeholder); at != std::string::npos; at = path.find(placeholder))
      path.replace(at, placeholder.size(), value);
  }
  return path;
}

std::string listed(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += "\n  " + line;
  return out;
}

class AuthorizationMatrix : public ::testing::Test {
 protected:
  TestServer server;

  std::map<std::string, const server::Route*> live_routes() {
    std::map<std::string, const server::Route*> out;
    for (const auto& route : server.runtime().api().router().routes())
      out.emplace(route_key(route), &route);
    return out;
  }
};

TEST_F(AuthorizationMatrix, HasExactlyOneRowForEveryRoute) {
  const auto matrix = read_matrix();
  std::vector<std::string> problems = matrix.errors;
  const auto routes = live_routes();
  std::set<std::string> rows;
  for (const auto& row : matrix.rows) {
    if (!rows.insert(row.route).second) problems.push_back(row.route + ": a second row");
    if (!routes.count(row.route)) problems.push_back(row.route + ": a row for no route");
  }
  for (const auto& [key, route] : routes)
    if (!rows.count(key)) problems.push_back(key + ": a route without a row");
  EXPECT_TRUE(problems.empty()) << "tests/api/authorization_matrix.txt and the route table differ:"
                                << listed(problems);
}

TEST_F(AuthorizationMatrix, EveryActorGetsTheStatusOfItsCell) {
  const auto matrix = read_matrix();
  ASSERT_TRUE(matrix.errors.empty()) << listed(matrix.errors);
  World world(server);
  const auto routes = live_routes();
  const auto table = entries();
  const auto cols = columns();
  std::vector<std::string> problems;
  int probes = 0;
  const auto started = std::chrono::steady_clock::now();

  for (const auto& row : matrix.rows) {
    const auto found = routes.find(row.route);
    if (found == routes.end()) continue;  // reported by HasExactlyOneRowForEveryRoute
    const server::Route& route = *found->second;
    for (std::size_t i = 0; i < cols.size(); ++i) {
      const Column& col = cols[i];
      Side& side = world.side(col.other);
      const Person* caller = nullptr;
      if (col.role == Role::admin) caller = &world.a.admin;
      if (col.role == Role::officer) caller = &world.a.officer;
      if (col.role == Role::auditor) caller = &world.a.auditor;
      if (col.role == Role::coach) caller = &world.a.coach;
      if (col.role == Role::provider) caller = &world.a.provider;
      const bool admitted =
          !route.guard.sign_in_required || (col.role && route.guard.admits(*col.role));
      Call call{col, caller, side, admitted, {}, "", "", {}, caller ? caller->token : ""};
      const std::string who = row.route + " " + col.name;
      try {
        for (const auto& param : path_params(route.path)) call.ids[param] = default_id(call, param);
        if (const auto entry = table.find(row.route); entry != table.end())
          entry->second(world, call);
      } catch (const std::exception& e) {
        problems.push_back(who + ": the world could not be prepared: " + e.what());
        continue;
      }
      if (!route.request_schema.empty())
        if (const auto broken = schema_violation(route.request_schema, call.body); !broken.empty())
          problems.push_back(who + ": the probe's body breaks " + route.request_schema + ": " +
                             broken);
      const std::string target =
          fill(route.path, call.ids) + (call.query.empty() ? "" : "?" + call.query);
      const auto answer =
          world.api().request(route.method, target, call.body, call.token, call.headers);
      ++probes;
      if (answer.status != row.expected[i]) {
        const auto type = answer.problem_type();
        problems.push_back(who + ": expected " + std::to_string(row.expected[i]) + " got " +
                           std::to_string(answer.status) + (type.empty() ? "" : " " + type));
      }
      if (answer.body.find(kSealedPrice) != std::string::npos ||
          answer.body.find(kSealedText) != std::string::npos)
        problems.push_back(who + ": the answer reveals a sealed tender");
    }
  }

  EXPECT_EQ(probes, static_cast<int>(routes.size() * cols.size()));
  EXPECT_TRUE(problems.empty()) << problems.size()
                                << " answers differ from tests/api/authorization_matrix.txt:"
                                << listed(problems);
  const auto seconds = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::steady_clock::now() - started)
                           .count() /
                       1000.0;
  RecordProperty("probes", probes);
  std::cout << "[ matrix   ] " << routes.size() << " routes x " << cols.size()
            << " actors = " << probes << " probes in " << seconds << " s\n";
}

}  // namespace
}  // namespace tarjotin::testing
