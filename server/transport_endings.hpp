#pragma once
// How a connection ended when it did not end with an answer, in a few kinds /metrics counts.
// Which kinds are normal: `closed` (the peer closed between requests), `truncated` (a TLS peer
// that closed without close_notify, as most browsers do), `timeout` (idle, slow or stalled,
// also counted by stage in tarjotin_slow_clients_cut_total). Not normal, worth a look when they
// grow: `reset` (connections torn down mid-way), `protocol` (a TLS handshake or record that
// failed: scanners, old clients, wrong certificates), `other`.

#include <boost/system/error_code.hpp>

namespace tarjotin::server {

enum class TransportStage { handshake, read, write };
inline constexpr int kTransportStages = 3;
enum class Ending { closed, truncated, timeout, reset, protocol, other };
inline constexpr int kEndings = 6;

Ending ending_of(const boost::system::error_code& ec);
const char* to_string(TransportStage stage);
const char* to_string(Ending ending);

}  // namespace tarjotin::server
