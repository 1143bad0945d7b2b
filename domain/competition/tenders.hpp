#pragma once
// Sealed tenders: an invited provider, still admitted, saves, submits and withdraws its tender
// until the deadline. The server keeps only the sealed form and cannot read it before opening.

#include <optional>
#include <string>

#include "domain/competition/services.hpp"
#include "domain/identity.hpp"

namespace tarjotin::domain {

// What the tenderer gets back: never the content (the server cannot read it before opening),
// but its state, the exact time of receipt and a receipt digest of what was sealed.
struct TenderReceipt {
  std::string tender_id;
  std::string competition_id;
  TenderState state = TenderState::draft;
  std::optional<Timestamp> submitted_at;
  std::string receipt;

  static TenderReceipt of(const Tender& t) {
    return {t.id, t.competition_id, t.state, t.submitted_at, t.receipt};
  }
  bool operator==(const TenderReceipt&) const = default;
};

Result<TenderReceipt> save_tender(CompetitionServices& s, const Actor& actor,
                                  const std::string& competition_id, const TenderContent& content);
Result<TenderReceipt> submit_tender(CompetitionServices& s, const Actor& actor,
                                    const std::string& competition_id);
Result<TenderReceipt> withdraw_tender(CompetitionServices& s, const Actor& actor,
                                      const std::string& competition_id);
Result<TenderReceipt> read_own_tender(CompetitionServices& s, const Actor& actor,
                                      const std::string& competition_id);

}  // namespace tarjotin::domain
