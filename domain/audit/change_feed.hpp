#pragma once
// What changed, for integrators who follow a DPS without missing a change: the audit trail read
// in its own order (commit order), each event shown as the kind and id of the object it
// changed, to those who may see that object. Anyone sees the public part (published DPSs, their
// open categories and who is admitted to them); the staff of the authority also see its drafts,
// applications, mini-competitions and orders. Sealed tenders, offerings, customers, sessions
// and users never appear; an item carries ids and the action only, never an object's content.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "domain/identity.hpp"
#include "domain/qualification/services.hpp"
#include "domain/result.hpp"
#include "domain/time.hpp"

namespace tarjotin::domain {

struct Change {
  long long seq = 0;  // the event's place in the trail
  Timestamp at{};
  std::string kind;    // dps, category, admission, application, competition, order
  std::string id;      // an admission's is "<provider id>/<category id>"
  std::string action;  // the trail's, e.g. "category.created"
  std::string dps_id;  // the DPS it belongs to
};

struct ChangePage {
  std::vector<Change> items;
  long long next = 0;  // where to go on from: the last event looked at, shown or not
};

// What each event shows to `actor` (nullptr: anyone) as a change, if anything.
std::vector<std::optional<Change>> changes_seen_by(Transaction& tx, const Actor* actor,
                                                   const std::vector<RecordedEvent>& events);

// At most `limit` events after `since` are looked at; those the actor may not see are left out,
// so a page may hold fewer items than `limit` (even none) while `next` still moves on. `next`
// equal to `since` means nothing newer has been committed.
Result<ChangePage> read_changes(QualificationServices& s, const Actor* actor, long long since,
                                std::size_t limit);

}  // namespace tarjotin::domain
