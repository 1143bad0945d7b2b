#pragma once
// Who is acting: organisations, users, roles, and the Actor that every use case receives.

#include <optional>
#include <string>
#include <string_view>

#include "domain/time.hpp"

namespace tarjotin::domain {

enum class OrganisationKind { contracting_authority, provider, coaching_unit };
enum class Role { admin, officer, provider, coach, auditor };

std::string_view to_string(OrganisationKind kind);
std::string_view to_string(Role role);
std::optional<OrganisationKind> parse_organisation_kind(std::string_view text);
std::optional<Role> parse_role(std::string_view text);

// Each role belongs to one kind of organisation: a provider's user can never be an officer,
// so a mistake in user creation cannot hand authority powers to a bidder.
OrganisationKind home_kind_of(Role role);

struct Organisation {
  std::string id;
  OrganisationKind kind{};
  std::string name;
  std::string country;      // ISO 3166-1 alpha-2
  std::string business_id;  // e.g. Finnish Y-tunnus "0123456-7"; empty for non-companies
  Timestamp created_at{};
  bool operator==(const Organisation&) const = default;
};

struct User {
  std::string id;
  std::string organisation_id;
  std::string email;  // normalised to lower case
  std::string display_name;
  Role role{};
  std::string password_hash;  // self-describing KDF string; never leaves storage and crypto
  bool active = true;
  Timestamp created_at{};
  // Set when an administrator reset the password to a one-time value: until the user sets one
  // of their own, a session may do nothing else.
  bool password_change_required = false;
  bool operator==(const User&) const = default;
};

// The authenticated caller of a use case.
struct Actor {
  std::string user_id;
  std::string organisation_id;
  Role role{};
  std::string session_id;                 // hash of the bearer token, to sign this very session out
  bool password_change_required = false;  // the user's, when the session was authenticated

  bool is(Role r) const { return role == r; }
};

}  // namespace tarjotin::domain
