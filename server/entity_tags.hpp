#pragma once
// Entity tags (RFC 9110 §8.8.3) for objects edited concurrently: the stored version written as a
// strong tag in ETag, and read back from If-Match so that an edit made from an older read is
// refused instead of writing back what it read.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tarjotin::server {

// "\"<version>\"".
std::string entity_tag(long long version);

// The versions an If-Match field value names; nullopt for "*" or an empty value (no condition).
// A weak tag, or one that is not ours, names no version (strong comparison never matches it), so
// a value of only such tags gives an empty list: no version matches and the edit is refused.
std::optional<std::vector<long long>> if_match_versions(std::string_view value);

}  // namespace tarjotin::server
