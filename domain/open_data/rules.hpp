#pragma once
// Which code of the published standards each of Tarjotin's states becomes: the closed code lists
// of OCDS 1.1 (and of its techniques extension) for the DPS, its orders and its competitions, and
// the eForms code lists. Each function answers with the code exactly as the standard spells it.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "domain/competition/entities.hpp"
#include "domain/open_data/entities.hpp"
#include "domain/qualification/entities.hpp"

namespace tarjotin::domain::open_data {

// tenderStatus of the DPS as a tender: it takes requests to participate while it stands, even
// suspended, and is complete once closed.
std::string_view tender_status(DpsState s);
// dynamicPurchasingSystemStatus (techniques extension).
std::string_view dps_status(DpsState s);
// tenderStatus of a category as a lot.
std::string_view lot_status(CategoryState s);
// awardStatus of an admission as a qualification award: in force while admitted or suspended,
// cancelled once the provider is excluded.
std::string_view award_status(AdmissionState s);

// awardStatus of an order as a call-off: proposed until the provider accepts, unsuccessful when
// it declines, cancelled when the coach cancels before acceptance.
std::string_view award_status(const CallOff& o);
// contractStatus: pending until accepted, active until the service ends, terminated once it
// ended after acceptance (cancelled too), cancelled when it never came into force.
std::string_view contract_status(const CallOff& o);
// milestoneStatus of the delivery: met when completed, partiallyMet when interrupted; none
// before the service ends.
std::optional<std::string_view> delivery_status(OrderState s);

// tenderStatus of a mini-competition: active while it takes and weighs tenders, complete once
// awarded.
std::string_view tender_status(CompetitionState s);
// awardStatus of the award decision: pending through the standstill period, active once the
// contract is concluded, cancelled when the competition is cancelled after it; none before.
std::optional<std::string_view> award_status(const Competition& c);
// awardCriteria: price only, quality only, or both weighed together.
std::string_view award_criteria(std::span<const AwardCriterion> criteria);

// eForms language of an ISO 639-1 code ("fi" is "FIN"); empty when none is known.
std::string_view eforms_language(std::string_view iso639_1);
// ISO 3166-1 alpha-3 of an alpha-2 country code of the EU, the EEA, Switzerland or the UK;
// empty when none is known.
std::string_view eforms_country(std::string_view alpha2);
// "LOT-0001", "ORG-0001": the identifiers eForms requires, numbered from 1.
std::string eforms_identifier(std::string_view kind, int number);

}  // namespace tarjotin::domain::open_data
