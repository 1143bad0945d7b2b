#include "domain/open_data/notice.hpp"

#include <algorithm>
#include <map>

#include "domain/open_data/rules.hpp"

namespace tarjotin::domain::notice {
namespace {

using open_data::eforms_identifier;

Text finnish(const std::string& text) { return Text{{{"FIN", text}}}; }

Text languages(const LocalisedText& t) {
  Text out;
  const std::pair<const char*, const std::string*> texts[] = {
      {"fi", &t.fi}, {"sv", &t.sv}, {"en", &t.en}};
  for (const auto& [code, text] : texts)
    if (!text->empty()) out.by_language.emplace_back(open_data::eforms_language(code), *text);
  return out;
}

// The notice's own terms. A DPS is set up under the public sector directive, which the notice
// service's forms call the standard regime.
Fields notice_terms(bool result) {
  return {
      {"BT-02-notice", "Notice Type", std::string(result ? "can-standard" : "cn-standard")},
      {"BT-03-notice", "Form Type", std::string(result ? "result" : "competition")},
      {"BT-01-notice", "Procedure Legal Basis", std::string("32014L0024")},
      {"BT-702(a)-notice", "Notice Official Language", std::string("FIN")},
  };
}

Fields procedure_terms(const Dps& dps, const std::string& buyer) {
  Fields f{
      {"BT-04-notice", "Procedure Identifier", dps.id},
      {"BT-21-Procedure", "Title", finnish(dps.title)},
  };
  if (!dps.description.empty())
    f.push_back({"BT-24-Procedure", "Description", finnish(dps.description)});
  // Purchases under a DPS follow the rules of the restricted procedure (2014/24/EU, Art. 34(2)).
  f.push_back({"BT-23-Procedure", "Main Nature", std::string("services")});
  f.push_back({"BT-105-Procedure", "Procedure Type", std::string("restricted")});
  f.push_back({"OPT-300-Procedure-Buyer", "Buyer Technical Identifier Reference", buyer});
  return f;
}

Fields lot_terms(const Category& c, const Dps& dps, const std::string& lot) {
  Fields f{
      {"BT-137-Lot", "Purpose Lot Identifier", lot},
      {"BT-22-Lot", "Internal Identifier", c.id},
      {"BT-21-Lot", "Title", languages(c.name)},
  };
  if (!c.description.empty()) f.push_back({"BT-24-Lot", "Description", finnish(c.description)});
  f.push_back({"BT-23-Lot", "Main Nature", std::string("services")});
  f.push_back({"BT-765-Lot", "Framework Agreement", std::string("none")});
  // Any buyer the DPS's authority lets order may use it, listed in the notice or not: the
  // eForms counterpart of OCDS's dynamicPurchasingSystem.type "open".
  f.push_back({"BT-766-Lot", "Dynamic Purchasing System", std::string("dps-nlist")});
  f.push_back({"BT-536-Lot", "Duration Start Date", dps.valid_from});
  f.push_back({"BT-537-Lot", "Duration End Date", dps.valid_until});
  return f;
}

Fields organisation_terms(const PublicOrganisation& o, const std::string& technical_id) {
  Fields f{
      {"OPT-200-Organization-Company", "Organisation Technical Identifier", technical_id},
      {"BT-500-Organization-Company", "Organisation Name", finnish(o.name)},
  };
  if (!o.business_id.empty())
    f.push_back({"BT-501-Organization-Company", "Organisation Identifier", o.business_id});
  if (const auto country = open_data::eforms_country(o.country); !country.empty())
    f.push_back({"BT-514-Organization-Company", "Organisation Country Code", std::string(country)});
  return f;
}

// Lots are numbered in the order the categories were made, the published ones first, so that
// a category's number does not depend on who reads the notice.
std::vector<const Category*> in_lot_order(const PublicDps& p) {
  std::vector<const Category*> out;
  for (const auto& c : p.categories) out.push_back(&c);
  std::stable_partition(out.begin(), out.end(),
                        [](const Category* c) { return c->state != CategoryState::draft; });
  return out;
}

Notice notice_of(const PublicDps& p, bool result) {
  const std::string buyer = eforms_identifier("ORG", 1);
  Notice n{notice_terms(result), procedure_terms(p.dps, buyer), {}, {}, {}};
  n.organisations.push_back(organisation_terms(p.authority, buyer));
  std::map<std::string, std::string> technical_ids;  // provider id -> ORG-xxxx
  const auto lots = in_lot_order(p);
  for (std::size_t i = 0; i < lots.size(); ++i) {
    const Category& c = *lots[i];
    const std::string lot = eforms_identifier("LOT", static_cast<int>(i) + 1);
    n.lots.push_back(lot_terms(c, p.dps, lot));
    if (!result) continue;
    LotResult r;
    for (const auto& a : p.admissions) {
      const auto provider = p.providers.find(a.provider_id);
      if (a.category_id != c.id || a.state != AdmissionState::admitted ||
          provider == p.providers.end())
        continue;
      auto [at, added] = technical_ids.emplace(
          a.provider_id, eforms_identifier("ORG", static_cast<int>(technical_ids.size()) + 2));
      if (added) n.organisations.push_back(organisation_terms(provider->second, at->second));
      r.winners.push_back({
          {"OPT-300-Tenderer", "Tenderer ID Reference", at->second},
          {"BT-1451-Contract", "Winner Decision Date", helsinki_date(a.admitted_at)},
      });
    }
    // A DPS stays open: a lot without admitted providers is still being competed for.
    r.fields = {
        {"BT-13713-LotResult", "Result Lot Identifier", lot},
        {"BT-142-LotResult", "Winner Chosen",
         std::string(r.winners.empty() ? "open-nw" : "selec-w")},
    };
    n.results.push_back(std::move(r));
  }
  return n;
}

}  // namespace

Notice dps_notice(const PublicDps& dps) { return notice_of(dps, false); }

Notice dps_award_notice(const PublicDps& dps) { return notice_of(dps, true); }

}  // namespace tarjotin::domain::notice
