#include "domain/identifiers.hpp"

#include <array>
#include <cctype>

namespace tarjotin::domain {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

Result<std::string> finnish_business_id(std::string_view id) {
  if (id.size() != 9 || id[7] != '-')
    return Error::invalid("/business_id", "pattern",
                          "a Finnish business ID has the form 1234567-8");
  for (std::size_t i = 0; i < 7; ++i)
    if (!is_digit(id[i]))
      return Error::invalid("/business_id", "pattern",
                            "a Finnish business ID has the form 1234567-8");
  if (!is_digit(id[8]))
    return Error::invalid("/business_id", "pattern",
                          "a Finnish business ID has the form 1234567-8");
  const auto check = finnish_check_digit(id.substr(0, 7));
  if (!check || *check != id[8] - '0')
    return Error::invalid("/business_id", "check-digit",
                          "the check digit of the Finnish business ID does not match");
  return std::string(id);
}

}  // namespace

std::optional<int> finnish_check_digit(std::string_view seven_digits) {
  // Weights and rule as published by the Finnish Tax Administration: remainder 0 gives check
  // digit 0, remainder 1 is never issued, otherwise 11 - remainder.
  constexpr std::array<int, 7> kWeights{7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (std::size_t i = 0; i < 7; ++i) sum += (seven_digits[i] - '0') * kWeights[i];
  const int remainder = sum % 11;
  if (remainder == 1) return std::nullopt;
  return remainder == 0 ? 0 : 11 - remainder;
}

bool looks_like_identity_code(std::string_view text) {
  const auto digits = [&](std::size_t from, std::size_t count) {
    for (std::size_t j = from; j < from + count; ++j)
      if (!is_digit(text[j])) return false;
    return true;
  };
  for (std::size_t i = 0; i + 11 <= text.size(); ++i) {
    if (!digits(i, 6)) continue;
    const char century = static_cast<char>(std::toupper(static_cast<unsigned char>(text[i + 6])));
    if (std::string_view("+-ABCDEFUVWXY").find(century) == std::string_view::npos) continue;
    if (digits(i + 7, 3) && std::isalnum(static_cast<unsigned char>(text[i + 10]))) return true;
  }
  return false;
}

bool is_country_code(std::string_view country) {
  return country.size() == 2 && std::isupper(static_cast<unsigned char>(country[0])) &&
         std::isupper(static_cast<unsigned char>(country[1]));
}

Result<std::string> canonical_business_id(std::string_view country, std::string_view business_id) {
  if (!is_country_code(country))
    return Error::invalid("/country", "pattern", "country is an ISO 3166-1 alpha-2 code");
  if (country == "FI") return finnish_business_id(business_id);
  std::string canonical;
  for (char c : business_id) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u))
      canonical.push_back(static_cast<char>(std::toupper(u)));
    else if (c != ' ' && c != '-' && c != '.')
      return Error::invalid("/business_id", "pattern",
                            "a business ID has letters, digits, spaces, dots and dashes only");
  }
  if (canonical.size() < 4 || canonical.size() > 20)
    return Error::invalid("/business_id", "length", "a business ID has 4 to 20 letters and digits");
  return canonical;
}

}  // namespace tarjotin::domain
