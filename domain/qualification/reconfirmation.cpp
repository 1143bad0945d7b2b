#include "domain/qualification/reconfirmation.hpp"

#include "domain/qualification/admissions.hpp"
#include "domain/qualification/loaders.hpp"
#include "domain/qualification/rules.hpp"

namespace tarjotin::domain {

Result<ReconfirmationView> request_reconfirmation(QualificationServices& s, const Actor& actor,
                                                  const std::string& category_id,
                                                  ReconfirmationInput in) {
  if (auto ok = check_reconfirmation_request(in.message, in.due, today(s)); !ok) return ok.error();
  return transact<ReconfirmationView>(
      s.db, Access::write, [&](Transaction& tx) -> Result<ReconfirmationView> {
        auto ctx = managed_category(tx, actor, category_id);
        if (!ctx) return ctx.error();
        const Category& category = ctx->category;
        if (category.state != CategoryState::open)
          return Error::conflict("category-not-open", "only an open category has admissions");
        ReconfirmationView view;
        view.request = {
            s.secrets.new_id(), category_id, category.criteria_version, in.due, in.message,
            actor.user_id,      now(s)};
        tx.reconfirmations().add_request(view.request);
        for (const auto& admission : tx.admissions().list_for_category(category_id)) {
          if (admission.state != AdmissionState::admitted) continue;
          Reconfirmation r{view.request.id, admission.provider_id, ReconfirmationState::pending,
                           std::nullopt};
          tx.reconfirmations().put(r);
          view.providers.push_back(r);
        }
        tx.audit().append(event(s, &actor, "reconfirmation.requested", "category", category_id, "",
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
        if (!overseen_category(tx, actor, request->category_id))
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
        if (own->state == ReconfirmationState::lapsed || today(s) > request->due)
          return Error::conflict("reconfirmation-lapsed",
                                 "the due date has passed; apply to the category again");
        own->state = ReconfirmationState::confirmed;
        own->answered_at = now(s);
        tx.reconfirmations().put(*own);
        tx.audit().append(event(s, &actor, "reconfirmation.confirmed", "reconfirmation",
                                request_id + "/" + actor.organisation_id, "pending", "confirmed"));
        return *own;
      });
}

int lapse_overdue_reconfirmations(QualificationServices& s) {
  std::vector<Reconfirmation> lapsing;
  s.db.run(Access::read, [&](Transaction& tx) {
    lapsing = tx.reconfirmations().list_lapsing(today(s), 1000);
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
      r->answered_at = now(s);
      tx.reconfirmations().put(*r);
      auto admission = tx.admissions().find(r->provider_id, request->category_id);
      if (admission && admission->state == AdmissionState::admitted) {
        admission->state = AdmissionState::suspended;
        admission->reason = "criteria were not re-confirmed by the due date";
        admission->updated_at = now(s);
        store_admission(tx, s.clock, s.secrets, *admission);
        tx.audit().append(event(s, nullptr, "admission.suspended", "admission",
                                r->provider_id + "/" + request->category_id, "admitted",
                                "suspended"));
      }
      tx.audit().append(event(s, nullptr, "reconfirmation.lapsed", "reconfirmation",
                              r->request_id + "/" + r->provider_id, "pending", "lapsed"));
      ++lapsed;
      return true;
    });
  }
  return lapsed;
}

}  // namespace tarjotin::domain
