#include "server/metrics.hpp"

#include <sstream>

namespace tarjotin::server {

void Metrics::record_request(const std::string& route, const std::string& method, unsigned status,
                             std::chrono::microseconds latency) {
  const double seconds = static_cast<double>(latency.count()) / 1e6;
  std::lock_guard<std::mutex> lock(mutex_);
  ++requests_[{route, method, status}];
  Histogram& h = latency_[route];
  for (std::size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++h.counts[i];
  ++h.total;
  h.sum += seconds;
}

void Metrics::add_gauge(std::string name, std::string help, std::function<double()> read) {
  std::lock_guard<std::mutex> lock(mutex_);
  gauges_.push_back({std::move(name), std::move(help), std::move(read)});
}

std::string Metrics::render() const {
  std::ostringstream out;
  std::vector<Gauge> gauges;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    out << "# HELP tarjotin_http_requests_total Requests answered, by route template and status.\n"
           "# TYPE tarjotin_http_requests_total counter\n";
    for (const auto& [key, count] : requests_) {
      const auto& [route, method, status] = key;
      out << "tarjotin_http_requests_total{route=\"" << route << "\",method=\"" << method
          << "\",status=\"" << status << "\"} " << count << "\n";
    }
    out << "# HELP tarjotin_http_request_duration_seconds Time from a whole request to its "
           "answer.\n# TYPE tarjotin_http_request_duration_seconds histogram\n";
    for (const auto& [route, h] : latency_) {
      for (std::size_t i = 0; i < kBuckets.size(); ++i)
        out << "tarjotin_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\""
            << kBuckets[i] << "\"} " << h.counts[i] << "\n";
      out << "tarjotin_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\"+Inf\"} "
          << h.total << "\n";
      out << "tarjotin_http_request_duration_seconds_sum{route=\"" << route << "\"} " << h.sum
          << "\n";
      out << "tarjotin_http_request_duration_seconds_count{route=\"" << route << "\"} " << h.total
          << "\n";
    }
    gauges = gauges_;
  }
  out << "# HELP tarjotin_open_connections Client connections open now.\n"
         "# TYPE tarjotin_open_connections gauge\ntarjotin_open_connections "
      << open_connections_.load() << "\n";
  out << "# HELP tarjotin_refused_connections_total Connections closed at once: the server's "
         "connection limit, or the limit for one client address, was reached.\n"
         "# TYPE tarjotin_refused_connections_total counter\n"
         "tarjotin_refused_connections_total{reason=\"connection_limit\"} "
      << refused_connections_[0].load()
      << "\ntarjotin_refused_connections_total{reason=\"address_limit\"} "
      << refused_connections_[1].load() << "\n";
  out << "# HELP tarjotin_slow_clients_cut_total Connections closed because the TLS handshake, "
         "the request head or the body did not arrive in time.\n"
         "# TYPE tarjotin_slow_clients_cut_total counter\n";
  constexpr const char* stages[] = {"handshake", "head", "body"};
  for (int i = 0; i < 3; ++i)
    out << "tarjotin_slow_clients_cut_total{stage=\"" << stages[i] << "\"} "
        << slow_clients_cut_[i].load() << "\n";
  out << "# HELP tarjotin_connection_endings_total Connections that ended without an answer to "
         "send, by stage and kind: closed, truncated and timeout are normal; reset, protocol "
         "and other are worth a look when they grow.\n"
         "# TYPE tarjotin_connection_endings_total counter\n";
  for (int stage = 0; stage < kTransportStages; ++stage)
    for (int ending = 0; ending < kEndings; ++ending)
      out << "tarjotin_connection_endings_total{stage=\""
          << to_string(static_cast<TransportStage>(stage)) << "\",ending=\""
          << to_string(static_cast<Ending>(ending)) << "\"} "
          << transport_endings_[stage][ending].load() << "\n";
  for (const auto& g : gauges)
    out << "# HELP " << g.name << " " << g.help << "\n# TYPE " << g.name << " gauge\n"
        << g.name << " " << g.read() << "\n";
  return out.str();
}

}  // namespace tarjotin::server
