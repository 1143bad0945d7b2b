#pragma once
// Use cases of open data: a DPS's OCDS releases for anyone, a mini-competition's release for
// whoever may read the competition, and the DPS's notice data for the notice service.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "domain/competition/services.hpp"
#include "domain/identity.hpp"
#include "domain/open_data/entities.hpp"
#include "domain/open_data/notice.hpp"
#include "domain/open_data/ocds.hpp"
#include "domain/ports.hpp"
#include "domain/result.hpp"

namespace tarjotin::domain {

struct OpenDataServices {
  Database& db;
  // Who may read a competition is the competition's own rule; once awarded, its seal opens the
  // winning tender for the price the award is published with.
  CompetitionServices& competitions;
  // The publisher's prefix of open contracting identifiers, registered with the Open
  // Contracting Partnership ("ocds-" and six characters).
  std::string ocid_prefix;
};

// Where a DPS's releases go on: past the DPS's own release, and past this call-off when given.
// The call-off is named by its order's id alone: a cursor anyone may read must not tell when the
// order was placed, which the releases publish only by the day.
struct ReleaseCursor {
  std::string after_order;  // empty: from the newest call-off
  bool operator==(const ReleaseCursor&) const = default;
};

struct ReleasePage {
  PublicOrganisation publisher;  // the contracting authority that owns the DPS
  std::vector<ocds::Release> releases;
  std::optional<ReleaseCursor> next;  // none: this was the last page
};

// The releases of a published DPS, for anyone: the DPS's own release first, then its orders as
// call-offs, newest first, `limit` to a page. A draft DPS is not found; a cursor naming no
// call-off of the DPS is refused naming "/after".
Result<ReleasePage> dps_releases(OpenDataServices& s, const std::string& dps_id,
                                 const std::optional<ReleaseCursor>& after, std::size_t limit);

// A mini-competition's release, for whoever may read the competition.
Result<ReleasePage> competition_releases(OpenDataServices& s, const Actor& actor,
                                         const std::string& competition_id);

// The DPS's notice data: public once the DPS is published; before that its authority's staff
// prepare the notice from it (the notice is published before the DPS takes requests).
Result<notice::Notice> dps_notice(OpenDataServices& s, const Actor* actor,
                                  const std::string& dps_id);
Result<notice::Notice> dps_award_notice(OpenDataServices& s, const Actor* actor,
                                        const std::string& dps_id);

}  // namespace tarjotin::domain
