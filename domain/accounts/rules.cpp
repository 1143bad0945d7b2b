#include "domain/accounts/rules.hpp"

#include <algorithm>
#include <cctype>

namespace tarjotin::domain {
namespace {

constexpr std::size_t kMinPassword = 12;  // OWASP ASVS 2.1.1
constexpr std::size_t kMaxPassword = 128;

}  // namespace

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

Result<std::string> normalise_email(const std::string& email) {
  std::string e = trimmed(email);
  std::transform(e.begin(), e.end(), e.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const auto at = e.find('@');
  if (e.size() > 254 || at == std::string::npos || at == 0 || e.find('@', at + 1) != e.npos ||
      e.find('.', at) == std::string::npos || e.back() == '.' || e.find(' ') != e.npos)
    return Error::invalid("/email", "format", "email is not a valid address");
  return e;
}

// A one-time password an administrator reads out or sends: 20 characters from an alphabet
// without look-alikes (0/O, 1/l/I), about 116 bits.
std::string one_time_password(Secrets& secrets) {
  static constexpr std::string_view alphabet =
      "abcdefghijkmnpqrstuvwxyz23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  std::string out;
  while (out.size() < 20) {
    // Five characters per 64-bit draw. 2^64 is not a multiple of 56^5: draws from the short
    // last block are dropped so that every character is equally likely.
    constexpr std::uint64_t block = 56ull * 56 * 56 * 56 * 56;
    static_assert(alphabet.size() == 56);
    constexpr std::uint64_t limit = UINT64_MAX / block * block;
    std::uint64_t bits = secrets.new_seed();
    if (bits >= limit) continue;
    for (int i = 0; i < 5 && out.size() < 20; ++i) {
      out += alphabet[bits % alphabet.size()];
      bits /= alphabet.size();
    }
  }
  return out;
}

Status check_password_policy(const std::string& password) {
  if (password.size() < kMinPassword)
    return Error::invalid("/password", "minLength", "a password has at least 12 characters");
  if (password.size() > kMaxPassword)
    return Error::invalid("/password", "maxLength", "a password has at most 128 characters");
  if (is_common_password(password))
    return Error::invalid("/password", "notCommon",
                          "this password is on the list of the most common ones: choose another");
  return Done{};
}

bool may_create_user(const Actor& actor, const Organisation& target, Role role) {
  if (home_kind_of(role) != target.kind) return false;
  if (actor.is(Role::admin)) return true;
  if (actor.organisation_id != target.id) return false;
  // Officers staff their own authority; providers their own company. Admins, auditors and
  // coaches are created by an admin only.
  return (actor.is(Role::officer) && role == Role::officer) ||
         (actor.is(Role::provider) && role == Role::provider);
}

bool may_read_organisation(const Actor& actor, const Organisation& target) {
  if (actor.organisation_id == target.id) return true;
  if (actor.is(Role::admin) || actor.is(Role::auditor)) return true;
  // Provider companies are public parties of the DPS (the list of admitted providers is
  // public), so every signed-in user may see their registration details.
  return target.kind == OrganisationKind::provider;
}

bool may_manage_users_of(const Actor& actor, const std::string& organisation_id) {
  if (actor.is(Role::admin)) return true;
  return actor.organisation_id == organisation_id &&
         (actor.is(Role::officer) || actor.is(Role::provider));
}

}  // namespace tarjotin::domain
