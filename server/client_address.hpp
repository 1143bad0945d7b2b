#pragma once
// The client address as sign-in throttling counts it.
#include <string>

namespace tarjotin::server {

// An IPv6 client by its /64, which one subscriber usually holds whole (so stepping through its
// own addresses gains a guesser nothing); an IPv4-mapped address as the IPv4 one; IPv4 as is.
// Text that is not an address (no peer known) is returned unchanged.
std::string counted_client_address(const std::string& remote_address);

}  // namespace tarjotin::server
