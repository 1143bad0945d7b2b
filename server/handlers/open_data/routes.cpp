// Open data over HTTP: a DPS's OCDS release package, a competition's release, and the DPS's
// notice data for the notice service.
#include <cctype>
#include <memory>

#include "domain/open_data/use_cases.hpp"
#include "server/api.hpp"
#include "server/handlers/open_data/json.hpp"
#include "server/handlers/paging.hpp"
#include "server/handlers/public_origin.hpp"
#include "server/handlers/reply.hpp"

namespace tarjotin::server {
namespace {

// "releases", or "releases <order id>": past the DPS's own release, and past that call-off. The
// domain checks that the order is one of the DPS's.
constexpr std::string_view kReleases = "releases";

domain::Result<std::optional<domain::ReleaseCursor>> release_cursor_of(const PageParams& page) {
  if (!page.after) return std::optional<domain::ReleaseCursor>{};
  const std::string_view text = *page.after;
  if (text == kReleases) return std::optional{domain::ReleaseCursor{}};
  if (!text.starts_with(std::string(kReleases) + " ") || text.size() == kReleases.size() + 1)
    return domain::Error::invalid("/after", "format",
                                  "not a cursor this list gave: pass on the `after` of links.next");
  return std::optional{domain::ReleaseCursor{std::string(text.substr(kReleases.size() + 1))}};
}

std::string release_cursor(const domain::ReleaseCursor& c) {
  return cursor_of(c.after_order.empty() ? std::string(kReleases)
                                         : std::string(kReleases) + " " + c.after_order);
}

// Packages name themselves and their next page by absolute address.
std::string base_url(const Exchange& ex, const std::string& public_url) {
  return public_origin(public_url, ex.request).value_or("https://localhost");
}

// A page's address: the path, the limit the client chose (0: none), and the page's cursor.
std::string page_address(const std::string& path, std::size_t limit,
                         const std::optional<std::string>& after) {
  std::string query;
  if (limit > 0) query = "limit=" + std::to_string(limit);
  if (after) query += (query.empty() ? "" : "&") + std::string("after=") + *after;
  return path + (query.empty() ? "" : "?" + query);
}

Reply dps_package(domain::OpenDataServices& s, const std::string& public_url, Exchange& ex) {
  const auto page = page_params(ex);
  if (!page) return refused(page.error(), ex);
  const auto after = release_cursor_of(*page);
  if (!after) return refused(after.error(), ex);
  const auto releases = domain::dps_releases(s, ex.param("dps_id"), *after, page->limit);
  if (!releases) return refused(releases.error(), ex);
  const std::string path = base_url(ex, public_url) + "/v1/dps/" + ex.param("dps_id") + "/ocds";
  const std::size_t limit = ex.query_param("limit") ? page->limit : 0;
  PackageAddresses at;
  at.paged = true;
  at.uri = page_address(path, limit,
                        page->after ? std::optional(cursor_of(*page->after)) : std::nullopt);
  if (releases->next) at.next = page_address(path, limit, release_cursor(*releases->next));
  return written(200, [&](JsonWriter& w) { write_package(w, *releases, at); });
}

Reply competition_package(domain::OpenDataServices& s, const std::string& public_url,
                          Exchange& ex) {
  const auto id = ex.param("competition_id");
  return answer(domain::competition_releases(s, ex.who(), id), ex, 200,
                [&](JsonWriter& w, const domain::ReleasePage& page) {
                  write_package(w, page,
                                {base_url(ex, public_url) + "/v1/competitions/" + id + "/ocds",
                                 std::nullopt, false});
                });
}

}  // namespace

void add_open_data_routes(Router& router, Services& services) {
  const OpenDataSettings settings = services.open_data;
  const std::string public_url = services.public_url;
  auto s = std::make_shared<domain::OpenDataServices>(domain::OpenDataServices{
      services.competitions.db, services.competitions, settings.ocid_prefix});
  if (settings.ocid_prefix == kUnregisteredOcidPrefix)
    services.log.warn(
        "OCDS identifiers are published under a prefix registered to no one: register one with "
        "the Open Contracting Partnership and set --ocid-prefix",
        {{"ocid_prefix", settings.ocid_prefix}});
  router.add({http::verb::get, "/v1/dps/{dps_id}/ocds", "readDpsReleases", Guard::open(), "",
              [s, public_url](Exchange& ex) { return dps_package(*s, public_url, ex); }});
  router.add({http::verb::get, "/v1/competitions/{competition_id}/ocds", "readCompetitionRelease",
              Guard::signed_in(), "",
              [s, public_url](Exchange& ex) { return competition_package(*s, public_url, ex); }});
  router.add({http::verb::get, "/v1/dps/{dps_id}/notice", "readDpsNotice", Guard::public_read(), "",
              [s](Exchange& ex) {
                return answer(domain::dps_notice(*s, ex.maybe_who(), ex.param("dps_id")), ex, 200);
              }});
  router.add({http::verb::get, "/v1/dps/{dps_id}/notice/awards", "readDpsAwardNotice",
              Guard::public_read(), "", [s](Exchange& ex) {
                return answer(domain::dps_award_notice(*s, ex.maybe_who(), ex.param("dps_id")), ex,
                              200);
              }});
}

}  // namespace tarjotin::server
