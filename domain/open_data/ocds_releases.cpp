#include <algorithm>
#include <chrono>

#include "domain/open_data/ocds.hpp"
#include "domain/open_data/rules.hpp"

namespace tarjotin::domain::ocds {
namespace {

using open_data::award_status;
using open_data::tender_status;

// The DPS's own procedure: the restricted procedure's rules, with every provider that qualifies
// admitted at any time (Directive 2014/24/EU, Article 34).
constexpr const char* kMethod = "selective";
constexpr const char* kMethodDetails = "Dynamic purchasing system (Directive 2014/24/EU, Art. 34)";
constexpr const char* kServices = "services";

Moment exact(Timestamp t) { return {t, false}; }
Moment day_of(Timestamp t) { return {t, true}; }

Reference reference(const PublicOrganisation& o) { return {o.id, o.name}; }

Party party(const PublicOrganisation& o, std::vector<std::string> roles) {
  return {o.id, o.name, identifier_of(o), std::move(roles)};
}

// The first and the last instant of a DPS's validity, Helsinki days both included.
Period validity(const Dps& dps) {
  return {exact(helsinki_midnight(dps.valid_from)),
          exact(helsinki_midnight(dps.valid_until + std::chrono::days{1}) -
                std::chrono::microseconds{1})};
}

RelatedProcess framework(const Dps& dps, const std::string& prefix,
                         const std::string& category_id) {
  return {"1", "framework", "ocid", ocid(prefix, dps.id), dps.title, {category_id}};
}

}  // namespace

std::optional<Identifier> identifier_of(const PublicOrganisation& o) {
  if (o.country != "FI" || o.business_id.empty()) return std::nullopt;
  return Identifier{"FI-PRO", o.business_id, o.name};
}

std::string ocid(const std::string& prefix, const std::string& id) { return prefix + "-" + id; }

Release dps_release(const PublicDps& p, const std::string& prefix) {
  Release r;
  r.ocid = ocid(prefix, p.dps.id);
  Timestamp latest = p.dps.updated_at;
  for (const auto& c : p.categories) latest = std::max(latest, c.updated_at);
  for (const auto& a : p.admissions) latest = std::max({latest, a.admitted_at, a.updated_at});
  // The latest change of anything it shows names the release, so a changed DPS is a new release.
  r.id = r.ocid + "-" + std::to_string(to_micros(latest));
  r.date = exact(latest);
  r.tags = {"tender"};
  if (!p.admissions.empty()) r.tags.push_back("award");
  r.language = "fi";
  r.parties.push_back(party(p.authority, {"buyer", "procuringEntity"}));
  r.buyer = reference(p.authority);

  Tender t;
  t.id = p.dps.id;
  t.title = p.dps.title;
  t.description = p.dps.description;
  t.status = tender_status(p.dps.state);
  t.procuring_entity = reference(p.authority);
  t.procurement_method = kMethod;
  t.procurement_method_details = kMethodDetails;
  t.main_procurement_category = kServices;
  t.tender_period = validity(p.dps);
  t.contract_period = validity(p.dps);
  t.dynamic_purchasing_system_status = open_data::dps_status(p.dps.state);
  for (const auto& c : p.categories)
    t.lots.push_back({c.id, c.name, c.description, std::string(open_data::lot_status(c.state))});
  r.tender = std::move(t);

  for (const auto& a : p.admissions) {
    const auto provider = p.providers.find(a.provider_id);
    if (provider == p.providers.end()) continue;
    const bool listed = std::any_of(r.parties.begin(), r.parties.end(),
                                    [&](const Party& x) { return x.id == a.provider_id; });
    if (!listed) r.parties.push_back(party(provider->second, {"supplier"}));
    r.awards.push_back({a.category_id + "-" + a.provider_id,
                        std::string(award_status(a.state)),
                        exact(a.admitted_at),
                        std::nullopt,
                        {reference(provider->second)},
                        {a.category_id}});
  }
  return r;
}

Release call_off_release(const CallOff& o, const PublicDps& p, const std::string& prefix) {
  const auto provider_found = p.providers.find(o.provider_id);
  const PublicOrganisation provider = provider_found != p.providers.end()
                                          ? provider_found->second
                                          : PublicOrganisation{o.provider_id, "", "", ""};
  const bool delivered = is_delivered(o.state);
  Release r;
  r.ocid = ocid(prefix, o.id);
  // What a call-off shows follows from its state and, once delivered, from the amount payable
  // (a later outcome can change the bonus), so these two name the release.
  r.id = r.ocid + "-" + std::string(to_string(o.state)) +
         (delivered ? "-" + std::to_string(o.payable_cents) : "");
  r.date = day_of(std::max({o.placed_at, o.accepted_at.value_or(o.placed_at),
                            o.started_at.value_or(o.placed_at), o.ended_at.value_or(o.placed_at)}));
  r.tags = {"award", "contract"};
  if (delivered) r.tags.push_back("implementation");
  r.parties.push_back(party(p.authority, delivered ? std::vector<std::string>{"buyer", "payer"}
                                                   : std::vector<std::string>{"buyer"}));
  r.parties.push_back(party(provider, delivered ? std::vector<std::string>{"supplier", "payee"}
                                                : std::vector<std::string>{"supplier"}));
  r.buyer = reference(p.authority);

  Tender t;
  t.id = o.id;
  t.competitive = false;  // the customer chose among the offerings; no tenders were compared
  r.tender = std::move(t);
  r.related_processes.push_back(framework(p.dps, prefix, o.category_id));

  r.awards.push_back({o.id,
                      std::string(award_status(o)),
                      day_of(o.placed_at),
                      Value{o.unit_price_cents},
                      {reference(provider)},
                      {o.category_id}});

  Contract c;
  c.id = o.id;
  c.award_id = o.id;
  c.status = open_data::contract_status(o);
  c.value = Value{o.unit_price_cents};
  if (o.accepted_at) c.date_signed = day_of(*o.accepted_at);
  if (o.started_at) {
    c.period = Period{day_of(*o.started_at), std::nullopt};
    if (delivered && o.ended_at) c.period->end = day_of(*o.ended_at);
  }
  if (delivered) {
    const auto ended = o.ended_at ? std::optional<Moment>(day_of(*o.ended_at)) : std::nullopt;
    c.transactions.push_back(
        {"payable", ended, Value{o.payable_cents}, reference(p.authority), reference(provider)});
    c.milestones.push_back(
        {"delivery", "delivery", std::string(*open_data::delivery_status(o.state)), ended});
  }
  r.contracts.push_back(std::move(c));
  return r;
}

Release competition_release(const PublicCompetition& p, const std::string& prefix) {
  const Competition& c = p.competition;
  Release r;
  r.ocid = ocid(prefix, c.id);
  // Nothing a tenderer does moves the competition's own time: before the opening the release is
  // the same whether or not anyone has tendered.
  r.id = r.ocid + "-" + std::to_string(to_micros(c.updated_at));
  r.date = exact(c.updated_at);
  r.tags = {c.state == CompetitionState::cancelled ? "tenderCancellation" : "tender"};
  r.language = "fi";
  r.parties.push_back(party(p.authority, {"buyer", "procuringEntity"}));
  r.buyer = reference(p.authority);

  Tender t;
  t.id = c.id;
  t.title = c.title;
  t.description = c.description;
  t.status = tender_status(c.state);
  t.procuring_entity = reference(p.authority);
  t.procurement_method = kMethod;
  t.main_procurement_category = kServices;
  t.competitive = true;
  t.award_criteria = open_data::award_criteria(c.criteria);
  for (const auto& a : c.criteria)
    t.award_criteria_details +=
        (t.award_criteria_details.empty() ? "" : ", ") + a.name + " " + std::to_string(a.weight);
  const auto published =
      c.published_at ? std::optional<Moment>(exact(*c.published_at)) : std::nullopt;
  t.enquiry_period = Period{published, exact(c.questions_deadline)};
  t.tender_period = Period{published, exact(c.tender_deadline)};
  t.number_of_tenderers = p.tenders;
  if (!c.quantity.empty()) t.items.push_back({"1", c.quantity});
  r.tender = std::move(t);

  r.related_processes.push_back(framework(p.dps, prefix, p.category.id));

  const auto status = award_status(c);
  if (status && p.winner && c.awarded_at) {
    r.tags.push_back("award");
    r.parties.push_back(party(*p.winner, {"supplier"}));
    r.awards.push_back({"1",
                        std::string(*status),
                        exact(*c.awarded_at),
                        Value{p.winning_price_cents},
                        {reference(*p.winner)},
                        {p.category.id}});
    if (c.state == CompetitionState::concluded) {
      r.tags.push_back("contract");
      Contract k;
      k.id = "1";
      k.award_id = "1";
      k.status = "active";
      k.value = Value{p.winning_price_cents};
      k.date_signed = exact(c.updated_at);  // concluding is the competition's last change
      r.contracts.push_back(std::move(k));
    }
  }
  return r;
}

}  // namespace tarjotin::domain::ocds
