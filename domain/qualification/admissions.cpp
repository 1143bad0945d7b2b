#include "domain/qualification/admissions.hpp"

#include "domain/accounts/ports.hpp"
#include "domain/competition/competitions.hpp"
#include "domain/competition/notifications.hpp"
#include "domain/input_rules.hpp"
#include "domain/qualification/loaders.hpp"
#include "domain/qualification/rules.hpp"

namespace tarjotin::domain {

void store_admission(Transaction& tx, const Clock& clock, Secrets& secrets,
                     const Admission& admission) {
  const auto before = tx.admissions().find(admission.provider_id, admission.category_id);
  tx.admissions().put(admission);
  if (admission.state == AdmissionState::admitted)
    invite_to_running_competitions(tx, clock, secrets, admission.category_id,
                                   admission.provider_id);
  // A provider learns at once, by notification and webhook, when it may no longer be chosen or
  // may be again, and why: the officer's reason or the re-confirmation job's.
  if (!before || before->state == admission.state) return;
  const auto category = tx.categories().find(admission.category_id);
  const auto notice = admission_notice(before->state, admission,
                                       category ? category->name.fi : admission.category_id);
  if (notice)
    notify(tx, clock, secrets, admission.provider_id, notice->kind, admission.category_id,
           notice->text);
}

Result<Admission> change_admission(QualificationServices& s, const Actor& actor,
                                   const std::string& category_id, const std::string& provider_id,
                                   AdmissionChange change) {
  if (needs_reason(change.act))
    if (auto ok = required_text(change.reason, "/reason", "a reason"); !ok) return ok.error();
  return transact<Admission>(s.db, Access::write, [&](Transaction& tx) -> Result<Admission> {
    auto ctx = managed_category(tx, actor, category_id);
    if (!ctx) return ctx.error();
    auto admission = tx.admissions().find(provider_id, category_id);
    if (!admission) return Error::not_found("admission");
    const auto next = next_state(admission_transitions(), admission->state, change.act);
    if (!next)
      return refused_transition("an admission", to_string(admission->state), to_string(change.act));
    const AdmissionState before = admission->state;
    admission->state = *next;
    admission->reason = change.reason;
    admission->updated_at = now(s);
    store_admission(tx, s.clock, s.secrets, *admission);
    tx.audit().append(event(s, &actor, "admission." + std::string(to_string(*next)), "admission",
                            provider_id + "/" + category_id, std::string(to_string(before)),
                            std::string(to_string(*next))));
    return *admission;
  });
}

Result<std::vector<ProviderAdmission>> list_admissions(QualificationServices& s, const Actor& actor,
                                                       const std::string& category_id,
                                                       std::optional<AdmissionState> state) {
  return transact<std::vector<ProviderAdmission>>(
      s.db, Access::read, [&](Transaction& tx) -> Result<std::vector<ProviderAdmission>> {
        auto ctx = managed_category(tx, actor, category_id);
        if (!ctx) return ctx.error();
        std::vector<ProviderAdmission> out;
        for (const auto& a : tx.admissions().list_for_category(category_id)) {
          if (state && a.state != *state) continue;
          if (auto org = tx.organisations().find(a.provider_id)) out.push_back({*org, a});
        }
        return out;
      });
}

Result<std::vector<AdmittedProvider>> admitted_providers(QualificationServices& s,
                                                         const std::string& category_id) {
  return transact<std::vector<AdmittedProvider>>(
      s.db, Access::read, [&](Transaction& tx) -> Result<std::vector<AdmittedProvider>> {
        auto ctx = visible_category(tx, nullptr, category_id);
        if (!ctx) return ctx.error();
        std::vector<AdmittedProvider> out;
        for (const auto& a : tx.admissions().list_for_category(category_id)) {
          if (a.state != AdmissionState::admitted) continue;
          if (auto org = tx.organisations().find(a.provider_id))
            out.push_back({org->id, org->name, org->country, org->business_id, a.admitted_at});
        }
        return out;
      });
}

}  // namespace tarjotin::domain
