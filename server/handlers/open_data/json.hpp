#pragma once
// JSON of open data, written by type: OCDS 1.1 release packages (schemas/ocds/ says what they
// must be) and eForms-shaped notice data (schemas/dps-notice.json).

#include <optional>
#include <string>

#include "domain/open_data/use_cases.hpp"
#include "server/json.hpp"

namespace tarjotin::server {

// Where a package is and where it goes on, as absolute addresses.
struct PackageAddresses {
  std::string uri;                  // this page
  std::optional<std::string> next;  // the next page, when there is one
  bool paged = false;               // a list that pages: links are declared by its extension
};

void write_json(JsonWriter& w, const domain::ocds::Release& r);
void write_package(JsonWriter& w, const domain::ReleasePage& page, const PackageAddresses& at);

void write_json(JsonWriter& w, const domain::notice::Notice& n);

// The time zone offset of Helsinki on a day: "+02:00" in winter, "+03:00" in summer.
std::string helsinki_offset(domain::Date day);

}  // namespace tarjotin::server
