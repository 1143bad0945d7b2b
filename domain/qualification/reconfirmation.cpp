#include "domain/qualification/reconfirmation.hpp"

#include "domain/access.hpp"
#include "domain/name_table.hpp"

namespace tarjotin::domain {
namespace {

constexpr NameTable<ReconfirmationState, 3> kStates{{
    {ReconfirmationState::pending, "pending"},
    {ReconfirmationState::confirmed, "confirmed"},
    {ReconfirmationState::lapsed, "lapsed"},
}};

// The category when the actor passes `may` for its DPS; others learn nothing, not even that
// it exists.
template <class Rule>
Result<Category> category_if(Transaction& tx, const Actor& actor, const std::string& category_id,
                             Rule may) {
  auto category = tx.categories().find(category_id);
  auto dps = category ? tx.dpss().find(category->dps_id) : std::nullopt;
  if (!category || !dps || !may(actor, *dps)) return Error::not_found("category");
  return *category;
}

// The officers of the authority that owns the category's DPS.
Result<Category> managed_category(Transaction& tx, const Actor& actor,
                                  const std::string& category_id) {
  return category_if(tx, actor, category_id, manages);
}

}  // namespace

std::string_view to_string(ReconfirmationState s) { return name_in(kStates, s); }

Result<ReconfirmationView> request_reconfirmation(QualificationServices& s, const Actor& actor,
                                                  const std::string& category_id, Date due,
                                                  const std::string& message) {
  if (message.find_first_not_of(" \t\r\n") == std::string::npos)
    return Error::invalid("/message", "required", "tell the providers what to confirm");
  if (due <= helsinki_date(s.clock.now()))
    return Error::invalid("/due", "future", "the due date is after today");
  return transact<ReconfirmationView>(
      s.db, Access::write, [&](Transaction& tx) -> Result<ReconfirmationView> {
        auto category = managed_category(tx, actor, category_id);
        if (!category) return category.error();
        if (category->state != CategoryState::open)
          return Error::conflict("category-not-open", "only an open category has admissions");
        ReconfirmationView view;
        view.request = {s.secrets.new_id(), category_id,  category->criteria_version, due, message,
                        actor.user_id,      s.clock.now()};
        tx.reconfirmations().add_request(view.request);
        for (const auto& admission : tx.admissions().list_for_category(category_id)) {
          if (admission.state != AdmissionState::admitted) continue;
          Reconfirmation r{view.request.id, admission.provider_id, ReconfirmationState::pending,
                           std::nullopt};
          tx.reconfirmations().put(r);
          view.providers.push_back(r);
        }
        tx.audit().append(audit_event(s.clock.now(), &actor, "reconfirmation.requested", "category",
                                      category_id, "",
                                      "request " + view.request.id + " for " +
                                          std::to_string(view.providers.size()) + " providers"));
        return view;
      });
}

Result<ReconfirmationView> read_reconfirmation(QualificationServices& s, const Actor& actor,
                                               const std::string& request_id) {
  return transact<ReconfirmationView>(
      s.db, Access::read, [&](Transaction& tx) -> Result<ReconfirmationView> {
        auto request = tx.reconfirmations().find_request(request_id);
        if (!request) return Error::not_found("re-confirmation request");
        if (actor.is(Role::provider)) {
          // A provider sees the request and its own answer only.
          auto own = tx.reconfirmations().find(request_id, actor.organisation_id);
          if (!own) return Error::not_found("re-confirmation request");
          return ReconfirmationView{*request, {*own}};
        }
        // Admins and auditors read every authority's records, as they do applications.
        if (!category_if(tx, actor, request->category_id, oversees))
          return Error::not_found("re-confirmation request");
        return ReconfirmationView{*request, tx.reconfirmations().list_for_request(request_id)};
      });
}

Result<std::vector<ReconfirmationRequest>> pending_reconfirmations(QualificationServices& s,
                                                                   const Actor& actor) {
  if (!actor.is(Role::provider)) return Error::forbidden("only providers confirm criteria");
  return transact<std::vector<ReconfirmationRequest>>(
      s.db, Access::read, [&](Transaction& tx) -> Result<std::vector<ReconfirmationRequest>> {
        std::vector<ReconfirmationRequest> out;
        for (const auto& r : tx.reconfirmations().list_pending_for_provider(actor.organisation_id))
          if (auto request = tx.reconfirmations().find_request(r.request_id))
            out.push_back(*request);
        return out;
      });
}

Result<Reconfirmation> confirm_criteria(QualificationServices& s, const Actor& actor,
                                        const std::string& request_id) {
  if (!actor.is(Role::provider)) return Error::forbidden("only providers confirm criteria");
  return transact<Reconfirmation>(
      s.db, Access::write, [&](Transaction& tx) -> Result<Reconfirmation> {
        auto request = tx.reconfirmations().find_request(request_id);
        auto own =
            request ? tx.reconfirmations().find(request_id, actor.organisation_id) : std::nullopt;
        if (!own) return Error::not_found("re-confirmation request");
        if (own->state == ReconfirmationState::confirmed) return *own;
        if (own->state == ReconfirmationState::lapsed ||
            helsinki_date(s.clock.now()) > request->due)
          return Error::conflict("reconfirmation-lapsed",
                                 "the due date has passed; apply to the category again");
        own->state = ReconfirmationState::confirmed;
        own->answered_at = s.clock.now();
        tx.reconfirmations().put(*own);
        tx.audit().append(audit_event(s.clock.now(), &actor, "reconfirmation.confirmed",
                                      "reconfirmation", request_id + "/" + actor.organisation_id,
                                      "pending", "confirmed"));
        return *own;
      });
}

int lapse_overdue_reconfirmations(QualificationServices& s) {
  const Date today = helsinki_date(s.clock.now());
  std::vector<Reconfirmation> lapsing;
  s.db.run(Access::read, [&](Transaction& tx) {
    lapsing = tx.reconfirmations().list_lapsing(today, 1000);
    return false;
  });
  int lapsed = 0;
  for (const auto& candidate : lapsing) {
    s.db.run(Access::write, [&](Transaction& tx) {
      // Re-read under the write lock: another replica may have handled it a moment ago.
      auto r = tx.reconfirmations().find(candidate.request_id, candidate.provider_id);
      auto request = tx.reconfirmations().find_request(candidate.request_id);
      if (!r || !request || r->state != ReconfirmationState::pending) return false;
      r->state = ReconfirmationState::lapsed;
      r->answered_at = s.clock.now();
      tx.reconfirmations().put(*r);
      auto admission = tx.admissions().find(r->provider_id, request->category_id);
      if (admission && admission->state == AdmissionState::admitted) {
        admission->state = AdmissionState::suspended;
        admission->reason = "criteria were not re-confirmed by the due date";
        admission->updated_at = s.clock.now();
        store_admission(tx, s.clock, s.secrets, *admission);
        tx.audit().append(audit_event(s.clock.now(), nullptr, "admission.suspended", "admission",
                                      r->provider_id + "/" + request->category_id, "admitted",
                                      "suspended"));
      }
      tx.audit().append(audit_event(s.clock.now(), nullptr, "reconfirmation.lapsed",
                                    "reconfirmation", r->request_id + "/" + r->provider_id,
                                    "pending", "lapsed"));
      ++lapsed;
      return true;
    });
  }
  return lapsed;
}

}  // namespace tarjotin::domain
