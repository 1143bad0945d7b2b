// OCDS as JSON: a field with no value is left out, as OCDS asks, rather than written empty.
#include <algorithm>
#include <cstdio>

#include "server/handlers/open_data/json.hpp"
#include "server/time_format.hpp"

namespace tarjotin::server {
namespace {

namespace ocds = domain::ocds;

constexpr const char* kExtensions[] = {
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/master/"
    "extension.json",
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_techniques_extension/"
    "master/extension.json",
};
constexpr const char* kPaginationExtension =
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_pagination_extension/"
    "master/extension.json";

void text(JsonWriter& w, std::string_view key, const std::string& value) {
  if (!value.empty()) write_field(w, key, value);
}

std::string moment_text(const ocds::Moment& m) {
  if (!m.day_only) return format_timestamp(m.at);
  const auto day = domain::helsinki_date(m.at);
  return format_date(day) + "T00:00:00" + helsinki_offset(day);
}

void moment(JsonWriter& w, std::string_view key, const std::optional<ocds::Moment>& m) {
  if (m) write_field(w, key, moment_text(*m));
}

void strings(JsonWriter& w, std::string_view key, const std::vector<std::string>& items) {
  if (items.empty()) return;
  write_string(w, key);
  w.StartArray();
  for (const auto& i : items) write_string(w, i);
  w.EndArray();
}

template <class T, class Write>
void objects(JsonWriter& w, std::string_view key, const std::vector<T>& items, Write&& write) {
  if (items.empty()) return;
  write_string(w, key);
  w.StartArray();
  for (const auto& i : items) write(w, i);
  w.EndArray();
}

void reference(JsonWriter& w, const ocds::Reference& r) {
  w.StartObject();
  text(w, "id", r.id);
  text(w, "name", r.name);
  w.EndObject();
}

void reference(JsonWriter& w, std::string_view key, const std::optional<ocds::Reference>& r) {
  if (!r) return;
  write_string(w, key);
  reference(w, *r);
}

void value(JsonWriter& w, std::string_view key, const std::optional<ocds::Value>& v) {
  if (!v) return;
  write_string(w, key);
  w.StartObject();
  w.Key("amount");
  // Cents to euros: every whole number of cents has a shortest decimal form that reads back as
  // itself, which is what RapidJSON writes.
  w.Double(static_cast<double>(v->cents) / 100.0);
  write_field(w, "currency", "EUR");
  w.EndObject();
}

void period(JsonWriter& w, std::string_view key, const std::optional<ocds::Period>& p) {
  if (!p) return;
  write_string(w, key);
  w.StartObject();
  moment(w, "startDate", p->start);
  moment(w, "endDate", p->end);
  w.EndObject();
}

void party(JsonWriter& w, const ocds::Party& p) {
  w.StartObject();
  text(w, "id", p.id);
  text(w, "name", p.name);
  if (p.identifier) {
    w.Key("identifier");
    w.StartObject();
    text(w, "scheme", p.identifier->scheme);
    text(w, "id", p.identifier->id);
    text(w, "legalName", p.identifier->legal_name);
    w.EndObject();
  }
  strings(w, "roles", p.roles);
  w.EndObject();
}

void lot(JsonWriter& w, const ocds::Lot& l) {
  w.StartObject();
  text(w, "id", l.id);
  text(w, "title", l.title.fi);
  text(w, "title_sv", l.title.sv);
  text(w, "title_en", l.title.en);
  text(w, "description", l.description);
  text(w, "status", l.status);
  w.EndObject();
}

void tender(JsonWriter& w, const ocds::Tender& t) {
  w.StartObject();
  text(w, "id", t.id);
  text(w, "title", t.title);
  text(w, "description", t.description);
  text(w, "status", t.status);
  reference(w, "procuringEntity", t.procuring_entity);
  objects(w, "items", t.items, [](JsonWriter& w, const ocds::Item& i) {
    w.StartObject();
    text(w, "id", i.id);
    text(w, "description", i.description);
    w.EndObject();
  });
  text(w, "procurementMethod", t.procurement_method);
  text(w, "procurementMethodDetails", t.procurement_method_details);
  text(w, "mainProcurementCategory", t.main_procurement_category);
  text(w, "awardCriteria", t.award_criteria);
  text(w, "awardCriteriaDetails", t.award_criteria_details);
  period(w, "tenderPeriod", t.tender_period);
  period(w, "enquiryPeriod", t.enquiry_period);
  period(w, "contractPeriod", t.contract_period);
  if (t.number_of_tenderers) {
    w.Key("numberOfTenderers");
    w.Int(*t.number_of_tenderers);
  }
  objects(w, "lots", t.lots, lot);
  if (t.competitive) {
    w.Key("competitive");
    w.Bool(*t.competitive);
  }
  if (!t.dynamic_purchasing_system_status.empty()) {
    w.Key("techniques");
    w.StartObject();
    w.Key("hasDynamicPurchasingSystem");
    w.Bool(true);
    w.Key("dynamicPurchasingSystem");
    w.StartObject();
    // Open to buyers the notice does not list: any unit the authority lets order may call off.
    write_field(w, "type", "open");
    write_field(w, "status", t.dynamic_purchasing_system_status);
    w.EndObject();
    w.EndObject();
  }
  w.EndObject();
}

void award(JsonWriter& w, const ocds::Award& a) {
  w.StartObject();
  text(w, "id", a.id);
  text(w, "status", a.status);
  moment(w, "date", a.date);
  value(w, "value", a.value);
  objects(w, "suppliers", a.suppliers,
          [](JsonWriter& w, const ocds::Reference& r) { reference(w, r); });
  strings(w, "relatedLots", a.related_lots);
  w.EndObject();
}

void transaction(JsonWriter& w, const ocds::Transaction& t) {
  w.StartObject();
  text(w, "id", t.id);
  moment(w, "date", t.date);
  value(w, "value", t.value);
  reference(w, "payer", t.payer);
  reference(w, "payee", t.payee);
  w.EndObject();
}

void milestone(JsonWriter& w, const ocds::Milestone& m) {
  w.StartObject();
  text(w, "id", m.id);
  text(w, "type", m.type);
  text(w, "status", m.status);
  moment(w, "dateMet", m.date_met);
  w.EndObject();
}

void contract(JsonWriter& w, const ocds::Contract& c) {
  w.StartObject();
  text(w, "id", c.id);
  text(w, "awardID", c.award_id);
  text(w, "status", c.status);
  period(w, "period", c.period);
  value(w, "value", c.value);
  moment(w, "dateSigned", c.date_signed);
  if (!c.transactions.empty() || !c.milestones.empty()) {
    w.Key("implementation");
    w.StartObject();
    objects(w, "transactions", c.transactions, transaction);
    objects(w, "milestones", c.milestones, milestone);
    w.EndObject();
  }
  w.EndObject();
}

void related_process(JsonWriter& w, const ocds::RelatedProcess& r) {
  w.StartObject();
  text(w, "id", r.id);
  strings(w, "relationship", {r.relationship});
  text(w, "title", r.title);
  text(w, "scheme", r.scheme);
  text(w, "identifier", r.identifier);
  strings(w, "relatedLots", r.related_lots);
  w.EndObject();
}

}  // namespace

std::string helsinki_offset(domain::Date day) {
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(
                           domain::Timestamp{day} - domain::helsinki_midnight(day))
                           .count();
  // Helsinki is two or three hours ahead of UTC, never behind it.
  const int hours = static_cast<int>(minutes / 60) % 24, rest = static_cast<int>(minutes % 60);
  char text[16];
  std::snprintf(text, sizeof text, "+%02d:%02d", hours, rest < 0 ? 0 : rest);
  return text;
}

void write_json(JsonWriter& w, const ocds::Release& r) {
  w.StartObject();
  text(w, "ocid", r.ocid);
  text(w, "id", r.id);
  write_field(w, "date", moment_text(r.date));
  strings(w, "tag", r.tags);
  text(w, "initiationType", r.initiation_type);
  text(w, "language", r.language);
  objects(w, "parties", r.parties, party);
  reference(w, "buyer", r.buyer);
  if (r.tender) {
    w.Key("tender");
    tender(w, *r.tender);
  }
  objects(w, "awards", r.awards, award);
  objects(w, "contracts", r.contracts, contract);
  objects(w, "relatedProcesses", r.related_processes, related_process);
  w.EndObject();
}

void write_package(JsonWriter& w, const domain::ReleasePage& page, const PackageAddresses& at) {
  w.StartObject();
  write_field(w, "uri", at.uri);
  write_field(w, "version", "1.1");
  w.Key("extensions");
  w.StartArray();
  for (const char* extension : kExtensions) w.String(extension);
  if (at.paged) w.String(kPaginationExtension);
  w.EndArray();
  // Made on demand, a package is dated by the latest change it holds, not by the moment it was
  // asked for: the same data gives the same bytes.
  const auto latest = std::max_element(
      page.releases.begin(), page.releases.end(),
      [](const ocds::Release& a, const ocds::Release& b) { return a.date.at < b.date.at; });
  if (latest != page.releases.end()) write_field(w, "publishedDate", moment_text(latest->date));
  w.Key("publisher");
  w.StartObject();
  write_field(w, "name", page.publisher.name);
  if (const auto id = ocds::identifier_of(page.publisher)) {
    write_field(w, "scheme", id->scheme);
    write_field(w, "uid", id->id);
  }
  w.EndObject();
  w.Key("releases");
  w.StartArray();
  for (const auto& r : page.releases) write_json(w, r);
  w.EndArray();
  if (at.next) {
    w.Key("links");
    w.StartObject();
    write_field(w, "next", *at.next);
    w.EndObject();
  }
  w.EndObject();
}

}  // namespace tarjotin::server
