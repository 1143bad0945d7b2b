#include "domain/audit/change_feed.hpp"

#include <map>
#include <optional>

#include "domain/access.hpp"
#include "domain/competition/ports.hpp"
#include "domain/ordering/ports.hpp"
#include "domain/qualification/ports.hpp"

namespace tarjotin::domain {
namespace {

// Looks each DPS and category up once per page.
class Lookups {
 public:
  explicit Lookups(Transaction& tx) : tx_(tx) {}

  const Dps* dps(const std::string& id) {
    auto [it, fresh] = dpss_.try_emplace(id);
    if (fresh) it->second = tx_.dpss().find(id);
    return it->second ? &*it->second : nullptr;
  }
  const Category* category(const std::string& id) {
    auto [it, fresh] = categories_.try_emplace(id);
    if (fresh) it->second = tx_.categories().find(id);
    return it->second ? &*it->second : nullptr;
  }

 private:
  Transaction& tx_;
  std::map<std::string, std::optional<Dps>> dpss_;
  std::map<std::string, std::optional<Category>> categories_;
};

// What one event shows to `actor`, if anything.
std::optional<Change> shown(Transaction& tx, Lookups& look, const Actor* actor,
                            const RecordedEvent& recorded) {
  const AuditEvent& e = recorded.event;
  Change c{recorded.seq, e.at, e.object_type, e.object_id, e.action, ""};
  // The category an object belongs to, and whether only the authority's staff may see it.
  std::string category_id;
  bool staff_only = true;
  if (e.object_type == "dps") {
    const Dps* dps = look.dps(e.object_id);
    if (!dps || !sees(actor, *dps)) return std::nullopt;
    c.dps_id = dps->id;
    return c;
  } else if (e.object_type == "category") {
    category_id = e.object_id;
    staff_only = false;
  } else if (e.object_type == "admission") {
    const auto slash = e.object_id.find('/');
    if (slash == std::string::npos) return std::nullopt;
    category_id = e.object_id.substr(slash + 1);
    staff_only = false;
  } else if (e.object_type == "application") {
    const auto application = tx.applications().find(e.object_id);
    if (!application) return std::nullopt;
    category_id = application->category_id;
    if (e.action == "application.admitted") {  // public: who is admitted
      c.kind = "admission";
      c.id = application->provider_id + "/" + application->category_id;
      staff_only = false;
    }
  } else if (e.object_type == "competition") {
    const auto competition = tx.competitions().find(e.object_id);
    if (!competition) return std::nullopt;
    category_id = competition->category_id;
  } else if (e.object_type == "order") {
    const auto order = tx.orders().find(e.object_id);
    if (!order) return std::nullopt;
    category_id = order->category_id;
  } else {
    return std::nullopt;
  }
  const Category* category = look.category(category_id);
  const Dps* dps = category ? look.dps(category->dps_id) : nullptr;
  if (!category || !dps) return std::nullopt;
  if (staff_only ? !(actor && oversees(*actor, *dps)) : !sees(actor, *category, *dps))
    return std::nullopt;
  c.dps_id = dps->id;
  return c;
}

}  // namespace

std::vector<std::optional<Change>> changes_seen_by(Transaction& tx, const Actor* actor,
                                                   const std::vector<RecordedEvent>& events) {
  Lookups look(tx);
  std::vector<std::optional<Change>> out;
  out.reserve(events.size());
  for (const auto& recorded : events) out.push_back(shown(tx, look, actor, recorded));
  return out;
}

Result<ChangePage> read_changes(QualificationServices& s, const Actor* actor, long long since,
                                std::size_t limit) {
  return transact<ChangePage>(s.db, Access::read, [&](Transaction& tx) -> Result<ChangePage> {
    ChangePage page;
    page.next = since;
    const auto events = tx.audit().after(since, limit);
    const auto seen = changes_seen_by(tx, actor, events);
    for (std::size_t i = 0; i < events.size(); ++i) {
      page.next = events[i].seq;
      if (seen[i]) page.items.push_back(*seen[i]);
    }
    return page;
  });
}

}  // namespace tarjotin::domain
