#include "domain/open_data/rules.hpp"

#include "domain/ordering/rules.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <utility>

namespace tarjotin::domain {

PublicOrganisation public_part(const Organisation& o) {
  return {o.id, o.name, o.country, o.business_id};
}

bool is_delivered(OrderState s) {
  return s == OrderState::completed || s == OrderState::interrupted;
}

CallOff call_off_of(const OrderFacts& facts) {
  const Order& o = facts.order;
  return {o.id,        o.category_id,      o.provider_id,
          o.state,     o.unit_price_cents, payable_cents(o, facts.outcome),
          o.placed_at, o.accepted_at,      o.started_at,
          o.ended_at};
}

namespace open_data {

std::string_view tender_status(DpsState s) {
  switch (s) {
    case DpsState::draft:
      return "planning";
    case DpsState::open:
    case DpsState::suspended:
      return "active";
    case DpsState::closed:
      return "complete";
  }
  return "planning";
}

std::string_view dps_status(DpsState s) {
  switch (s) {
    case DpsState::draft:
      return "pending";
    case DpsState::open:
    case DpsState::suspended:
      return "active";
    case DpsState::closed:
      return "terminated";
  }
  return "pending";
}

std::string_view lot_status(CategoryState s) {
  switch (s) {
    case CategoryState::draft:
      return "planning";
    case CategoryState::open:
      return "active";
    case CategoryState::closed:
      return "complete";
  }
  return "planning";
}

std::string_view award_status(AdmissionState s) {
  return s == AdmissionState::excluded ? "cancelled" : "active";
}

std::string_view award_status(const CallOff& o) {
  switch (o.state) {
    case OrderState::placed:
      return "pending";
    case OrderState::declined:
      return "unsuccessful";
    case OrderState::cancelled:
      return o.accepted_at ? "active" : "cancelled";
    case OrderState::accepted:
    case OrderState::started:
    case OrderState::completed:
    case OrderState::interrupted:
      return "active";
  }
  return "pending";
}

std::string_view contract_status(const CallOff& o) {
  switch (o.state) {
    case OrderState::placed:
      return "pending";
    case OrderState::accepted:
    case OrderState::started:
      return "active";
    case OrderState::completed:
    case OrderState::interrupted:
      return "terminated";
    case OrderState::declined:
      return "cancelled";
    case OrderState::cancelled:
      return o.accepted_at ? "terminated" : "cancelled";
  }
  return "pending";
}

std::optional<std::string_view> delivery_status(OrderState s) {
  if (s == OrderState::completed) return "met";
  if (s == OrderState::interrupted) return "partiallyMet";
  return std::nullopt;
}

std::string_view tender_status(CompetitionState s) {
  switch (s) {
    case CompetitionState::draft:
      return "planning";
    case CompetitionState::published:
    case CompetitionState::opened:
      return "active";
    case CompetitionState::awarded:
    case CompetitionState::concluded:
      return "complete";
    case CompetitionState::cancelled:
      return "cancelled";
  }
  return "planning";
}

std::optional<std::string_view> award_status(const Competition& c) {
  if (c.winner_tender_id.empty()) return std::nullopt;
  switch (c.state) {
    case CompetitionState::awarded:
      return "pending";
    case CompetitionState::concluded:
      return "active";
    case CompetitionState::cancelled:
      return "cancelled";
    default:
      return std::nullopt;
  }
}

std::string_view award_criteria(std::span<const AwardCriterion> criteria) {
  const auto is_price = [](const AwardCriterion& c) { return c.basis == CriterionBasis::price; };
  const bool price = std::any_of(criteria.begin(), criteria.end(), is_price);
  const bool quality = !std::all_of(criteria.begin(), criteria.end(), is_price);
  if (price && !quality) return "priceOnly";
  if (quality && !price) return "qualityOnly";
  return "ratedCriteria";
}

std::string_view eforms_language(std::string_view iso639_1) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kLanguages{{
      {"fi", "FIN"},
      {"sv", "SWE"},
      {"en", "ENG"},
  }};
  for (const auto& [two, three] : kLanguages)
    if (two == iso639_1) return three;
  return "";
}

std::string_view eforms_country(std::string_view alpha2) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 32> kCountries{{
      {"AT", "AUT"}, {"BE", "BEL"}, {"BG", "BGR"}, {"CH", "CHE"}, {"CY", "CYP"}, {"CZ", "CZE"},
      {"DE", "DEU"}, {"DK", "DNK"}, {"EE", "EST"}, {"ES", "ESP"}, {"FI", "FIN"}, {"FR", "FRA"},
      {"GB", "GBR"}, {"GR", "GRC"}, {"HR", "HRV"}, {"HU", "HUN"}, {"IE", "IRL"}, {"IS", "ISL"},
      {"IT", "ITA"}, {"LI", "LIE"}, {"LT", "LTU"}, {"LU", "LUX"}, {"LV", "LVA"}, {"MT", "MLT"},
      {"NL", "NLD"}, {"NO", "NOR"}, {"PL", "POL"}, {"PT", "PRT"}, {"RO", "ROU"}, {"SE", "SWE"},
      {"SI", "SVN"}, {"SK", "SVK"},
  }};
  for (const auto& [two, three] : kCountries)
    if (two == alpha2) return three;
  return "";
}

std::string eforms_identifier(std::string_view kind, int number) {
  char digits[16];
  std::snprintf(digits, sizeof digits, "%04d", number);
  return std::string(kind) + "-" + digits;
}

}  // namespace open_data
}  // namespace tarjotin::domain
