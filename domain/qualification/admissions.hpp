#pragma once
// Admissions: how a provider admitted to a category stays there, is suspended, reinstated or
// excluded by the authority, and who the public sees admitted.

#include <optional>
#include <string>
#include <vector>

#include "domain/identity.hpp"
#include "domain/ports.hpp"
#include "domain/qualification/entities.hpp"
#include "domain/qualification/services.hpp"
#include "domain/result.hpp"

namespace tarjotin::domain {

struct AdmissionChange {
  AdmissionAct act = AdmissionAct::suspend;
  std::string reason;  // required to suspend or exclude
};

// An admission with its provider, as the authority's officers list them.
struct ProviderAdmission {
  Organisation provider;
  Admission admission;
};

// What anyone may know of a provider admitted to a category: who it is and since when.
struct AdmittedProvider {
  std::string provider_id;
  std::string name;
  std::string country;
  std::string business_id;
  Timestamp admitted_at{};
};

// Every way into an admission goes through here. Whenever the provider is (again) admitted, it is
// invited, in the same transaction, to the category's competitions that still take tenders: an
// admitted provider may tender until the deadline, however it came to be admitted.
void store_admission(Transaction& tx, const Clock& clock, Secrets& secrets,
                     const Admission& admission);

Result<Admission> change_admission(QualificationServices& s, const Actor& actor,
                                   const std::string& category_id, const std::string& provider_id,
                                   AdmissionChange change);
// Every admission to the category, suspended and excluded ones too (with their reasons), or
// those in `state`: for the authority's officers, who must see whom the re-confirmation job
// suspended and reinstate them.
Result<std::vector<ProviderAdmission>> list_admissions(QualificationServices& s, const Actor& actor,
                                                       const std::string& category_id,
                                                       std::optional<AdmissionState> state);
Result<std::vector<AdmittedProvider>> admitted_providers(QualificationServices& s,
                                                         const std::string& category_id);

}  // namespace tarjotin::domain
