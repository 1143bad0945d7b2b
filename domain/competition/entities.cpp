// The names of mini-competitions' states, acts and kinds, as they are stored and sent.
#include "domain/competition/entities.hpp"

#include "domain/name_table.hpp"

namespace tarjotin::domain {
namespace {

constexpr NameTable<CompetitionState, kCompetitionStateCount> kStates{{
    {CompetitionState::draft, "draft"},
    {CompetitionState::published, "published"},
    {CompetitionState::opened, "opened"},
    {CompetitionState::awarded, "awarded"},
    {CompetitionState::concluded, "concluded"},
    {CompetitionState::cancelled, "cancelled"},
}};

constexpr NameTable<CompetitionAct, kCompetitionActCount> kActs{{
    {CompetitionAct::publish, "publish"},
    {CompetitionAct::open, "open"},
    {CompetitionAct::award, "award"},
    {CompetitionAct::conclude, "conclude"},
    {CompetitionAct::cancel, "cancel"},
}};

constexpr NameTable<CriterionBasis, kCriterionBasisCount> kBases{{
    {CriterionBasis::price, "price"},
    {CriterionBasis::quality, "quality"},
}};

constexpr NameTable<TenderState, kTenderStateCount> kTenderStates{{
    {TenderState::draft, "draft"},
    {TenderState::submitted, "submitted"},
    {TenderState::withdrawn, "withdrawn"},
}};

constexpr NameTable<DeliveryState, kDeliveryStateCount> kDeliveryStates{{
    {DeliveryState::pending, "pending"},
    {DeliveryState::retrying, "retrying"},
    {DeliveryState::delivered, "delivered"},
    {DeliveryState::failed, "failed"},
}};

}  // namespace

std::string_view to_string(CompetitionState s) { return name_in(kStates, s); }
std::string_view to_string(CompetitionAct a) { return name_in(kActs, a); }
std::optional<CompetitionAct> parse_competition_act(std::string_view text) {
  return key_in<CompetitionAct>(kActs, text);
}
std::string_view to_string(CriterionBasis b) { return name_in(kBases, b); }
std::optional<CriterionBasis> parse_criterion_basis(std::string_view text) {
  return key_in<CriterionBasis>(kBases, text);
}
std::string_view to_string(TenderState s) { return name_in(kTenderStates, s); }
std::string_view to_string(DeliveryState s) { return name_in(kDeliveryStates, s); }

}  // namespace tarjotin::domain
