#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "domain/result.hpp"

namespace tarjotin::domain {

// Checks a company's registration number for its country and returns it in canonical form.
// Finnish business IDs (Y-tunnus, "1234567-8") are verified with their modulus-11 check digit;
// other EU identifiers are accepted in a conservative alphanumeric shape, since a DPS must stay
// open to providers from every member state.
Result<std::string> canonical_business_id(std::string_view country, std::string_view business_id);

bool is_country_code(std::string_view country);

// The check digit of a Finnish business ID whose first seven digits are given; none for the
// numbers that are never issued (remainder 1).
std::optional<int> finnish_check_digit(std::string_view seven_digits);

// Whether `text` holds something shaped like a Finnish personal identity code (henkilötunnus):
// six digits, a century sign, three digits and a check character. Pseudonymous records refuse
// such text; the check character is not verified, so a mistyped code is refused as well.
bool looks_like_identity_code(std::string_view text);

}  // namespace tarjotin::domain
