#include "domain/ordering/reports.hpp"

#include <map>
#include <tuple>

#include "domain/access.hpp"
#include "domain/ordering/loading.hpp"
#include "domain/ordering/ports.hpp"
#include "domain/ordering/rules.hpp"
#include "domain/qualification/ports.hpp"

namespace tarjotin::domain {

using namespace ordering_loading;

namespace {

OrderQuery placed_in(Period period) {
  OrderQuery q;
  q.placed_from = period.from;
  q.placed_until = period.until;
  return q;
}

// The tallies of the orders of one category (or of a DPS's categories) placed in `period`:
// whole Helsinki days from the stored day tallies, and the period's partial first and last
// days from their orders, one by one, so the sums are exact wherever the period starts and ends.
std::vector<OrderTally> tallies_in(Transaction& tx, const std::string& category_id,
                                   const std::string& dps_id, Period period) {
  TallyQuery whole;
  whole.category_id = category_id;
  whole.dps_id = dps_id;
  whole.first_day = helsinki_date(period.from);
  if (helsinki_midnight(whole.first_day) < period.from) whole.first_day += std::chrono::days{1};
  whole.end_day = helsinki_date(period.until);
  std::vector<OrderTally> out;
  const auto add_orders = [&](Timestamp from, Timestamp until) {
    if (until <= from) return;
    OrderQuery q = placed_in({from, until});
    q.category_id = category_id;
    q.dps_id = dps_id;
    for (const auto& f : tx.orders().facts(q)) out.push_back(tally_of(f));
  };
  if (whole.end_day <= whole.first_day) {  // not one whole day
    add_orders(period.from, period.until);
    return out;
  }
  out = tx.orders().tallies(whole);
  add_orders(period.from, helsinki_midnight(whole.first_day));
  add_orders(helsinki_midnight(whole.end_day), period.until);
  return out;
}

}  // namespace

Result<std::vector<Scorecard>> category_scorecards(OrderingServices& s, const Actor& actor,
                                                   const std::string& category_id, Period period) {
  const bool provider = actor.is(Role::provider);
  if (auto ok = check_scorecard_period(period, provider); !ok) return ok.error();
  return transact<std::vector<Scorecard>>(
      s.db, Access::read, [&](Transaction& tx) -> Result<std::vector<Scorecard>> {
        if (auto ctx = visible_category(tx, &actor, category_id); !ctx) return ctx.error();
        // The baseline for the difficulty adjustment is every provider's orders, also when the
        // caller is a provider who then sees only its own card.
        auto cards = scorecards_from(tallies_in(tx, category_id, "", period));
        if (!provider) return cards;
        std::vector<Scorecard> own;
        for (auto& c : cards)
          if (c.provider_id == actor.organisation_id)
            own.push_back(as_seen_by_provider(std::move(c)));
        return own;
      });
}

Result<std::vector<SpendRow>> spend_report(OrderingServices& s, const Actor& actor,
                                           const std::string& dps_id, Period period) {
  if (auto ok = check_period(period); !ok) return ok.error();
  return transact<std::vector<SpendRow>>(
      s.db, Access::read, [&](Transaction& tx) -> Result<std::vector<SpendRow>> {
        auto dps = tx.dpss().find(dps_id);
        if (!dps || !oversees(actor, *dps)) return Error::not_found("DPS");
        std::map<std::tuple<std::string, std::string, std::string>, SpendRow> rows;
        Names names(tx);
        for (const auto& t : tallies_in(tx, "", dps_id, period)) {
          auto& row = rows[{t.month, t.category_id, t.provider_id}];
          if (row.orders == 0) {  // a new row: what names it, once, not once per tally
            row.month = t.month;
            row.category_id = t.category_id;
            row.provider_id = t.provider_id;
            row.category_name = names.category(t.category_id);
            row.provider_name = names.organisation(t.provider_id);
          }
          row.orders += t.orders;
          row.payable_cents += t.payable_cents;
        }
        std::vector<SpendRow> out;
        for (auto& [key, row] : rows) out.push_back(std::move(row));
        return out;
      });
}

Result<std::vector<PayableOrder>> payables(OrderingServices& s, const Actor& actor,
                                           const std::string& dps_id,
                                           const std::string& provider_id, Period period) {
  if (auto ok = check_period(period); !ok) return ok.error();
  return transact<std::vector<PayableOrder>>(
      s.db, Access::read, [&](Transaction& tx) -> Result<std::vector<PayableOrder>> {
        auto dps = tx.dpss().find(dps_id);
        if (!dps || !sees(&actor, *dps)) return Error::not_found("DPS");
        OrderQuery q = placed_in(period);
        q.dps_id = dps_id;
        if (actor.is(Role::provider))
          q.provider_id = actor.organisation_id;
        else if (oversees(actor, *dps))
          q.provider_id = provider_id;
        else
          return Error::not_found("DPS");
        std::vector<PayableOrder> out;
        for (auto& f : tx.orders().facts(q)) {
          const auto amount = payable_cents(f.order, f.outcome);
          out.push_back({std::move(f.order), f.outcome, amount});
        }
        return out;
      });
}

}  // namespace tarjotin::domain
