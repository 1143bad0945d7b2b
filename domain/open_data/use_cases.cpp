#include "domain/open_data/use_cases.hpp"

#include <algorithm>

#include "domain/access.hpp"
#include "domain/accounts/ports.hpp"
#include "domain/competition/competitions.hpp"
#include "domain/qualification/ports.hpp"

namespace tarjotin::domain {
namespace {

std::optional<PublicOrganisation> organisation(Transaction& tx, const std::string& id) {
  auto o = tx.organisations().find(id);
  if (!o) return std::nullopt;
  return public_part(*o);
}

// The DPS with what `actor` may see of it (nullptr: anyone): its categories, the admissions to
// them and the admitted providers. What the actor may not see is "not found", like what does
// not exist.
Result<PublicDps> visible_dps(Transaction& tx, const Actor* actor, const std::string& dps_id) {
  auto dps = tx.dpss().find(dps_id);
  if (!dps || !sees(actor, *dps)) return Error::not_found("DPS");
  auto authority = organisation(tx, dps->authority_id);
  if (!authority) return Error::not_found("DPS");
  PublicDps p{*dps, *authority, {}, {}, {}};
  for (auto& c : tx.categories().list_for_dps(dps_id)) {
    if (!sees(actor, c, *dps)) continue;
    for (auto& a : tx.admissions().list_for_category(c.id)) {
      if (!p.providers.count(a.provider_id))
        if (auto provider = organisation(tx, a.provider_id))
          p.providers.emplace(a.provider_id, std::move(*provider));
      p.admissions.push_back(std::move(a));
    }
    p.categories.push_back(std::move(c));
  }
  return p;
}

// The DPS's notice data as `actor` may see the DPS, made by `build`.
Result<notice::Notice> notice_data(OpenDataServices& s, const Actor* actor,
                                   const std::string& dps_id,
                                   notice::Notice (*build)(const PublicDps&)) {
  return transact<notice::Notice>(s.db, Access::read,
                                  [&](Transaction& tx) -> Result<notice::Notice> {
                                    auto dps = visible_dps(tx, actor, dps_id);
                                    if (!dps) return dps.error();
                                    return build(*dps);
                                  });
}

}  // namespace

Result<ReleasePage> dps_releases(OpenDataServices& s, const std::string& dps_id,
                                 const std::optional<ReleaseCursor>& after, std::size_t limit) {
  return transact<ReleasePage>(s.db, Access::read, [&](Transaction& tx) -> Result<ReleasePage> {
    // Open data is what is published: nobody, the authority included, reads a draft here.
    auto dps = visible_dps(tx, nullptr, dps_id);
    if (!dps) return dps.error();
    ReleasePage page{dps->authority, {}, std::nullopt};
    std::size_t room = std::max<std::size_t>(limit, 1);
    if (!after) {
      page.releases.push_back(ocds::dps_release(*dps, s.ocid_prefix));
      --room;
    }
    // Newest first by placing time and id, as the order list pages: an order placed while a
    // reader pages comes before the first page, so no page skips or repeats one.
    OrderQuery query;
    query.dps_id = dps_id;
    if (after && !after->after_order.empty()) {
      const auto last = tx.orders().find(after->after_order);
      const bool ours =
          last && std::any_of(dps->categories.begin(), dps->categories.end(),
                              [&](const Category& c) { return c.id == last->category_id; });
      if (!ours)
        return Error::invalid("/after", "format",
                              "not a cursor this list gave: pass on the `after` of links.next");
      query.after = OrderCursor{last->placed_at, last->id};
    }
    query.limit = room + 1;  // one more tells whether another page follows
    const auto orders = tx.orders().facts(query);
    for (std::size_t i = 0; i < std::min(room, orders.size()); ++i) {
      const auto call_off = call_off_of(orders[i]);
      if (!dps->providers.count(call_off.provider_id))
        if (auto provider = organisation(tx, call_off.provider_id))
          dps->providers.emplace(call_off.provider_id, std::move(*provider));
      page.releases.push_back(ocds::call_off_release(call_off, *dps, s.ocid_prefix));
    }
    // With no room left on the first page, the next one starts past the DPS's own release.
    if (orders.size() > room)
      page.next = ReleaseCursor{room > 0 ? orders[room - 1].order.id : std::string()};
    return page;
  });
}

Result<ReleasePage> competition_releases(OpenDataServices& s, const Actor& actor,
                                         const std::string& competition_id) {
  auto view = read_competition(s.competitions, actor, competition_id);
  if (!view) return view.error();
  return transact<ReleasePage>(s.db, Access::read, [&](Transaction& tx) -> Result<ReleasePage> {
    const Competition& c = view->competition;
    auto category = tx.categories().find(c.category_id);
    auto dps = category ? tx.dpss().find(category->dps_id) : std::nullopt;
    auto authority = organisation(tx, c.authority_id);
    if (!category || !dps || !authority) return Error::not_found("competition");
    PublicCompetition p{c, *dps, *category, *authority, view->tenders, std::nullopt, 0};
    // A winner exists only after the award, which comes after the opening: the seal is opened
    // here for the winning tender alone, and only then.
    if (!c.winner_tender_id.empty() && c.opened_at) {
      auto tender = tx.competitions().find_tender(c.winner_tender_id);
      if (!tender) return Error::not_found("competition");
      const auto content = s.competitions.seal.open(c.id, tender->sealed);
      if (!content)
        return Error::conflict("tender-damaged",
                               "the winning tender does not open: it was altered");
      p.winner = organisation(tx, tender->provider_id);
      p.winning_price_cents = content->price_cents;
    }
    return ReleasePage{*authority, {ocds::competition_release(p, s.ocid_prefix)}, std::nullopt};
  });
}

Result<notice::Notice> dps_notice(OpenDataServices& s, const Actor* actor,
                                  const std::string& dps_id) {
  return notice_data(s, actor, dps_id, notice::dps_notice);
}

Result<notice::Notice> dps_award_notice(OpenDataServices& s, const Actor* actor,
                                        const std::string& dps_id) {
  return notice_data(s, actor, dps_id, notice::dps_award_notice);
}

}  // namespace tarjotin::domain
