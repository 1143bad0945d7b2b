#pragma once
// Prometheus metrics kept in this process. Each replica is scraped on its own; nothing here is
// state that replicas must agree on.

#include <array>
#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "server/transport_endings.hpp"

namespace tarjotin::server {

class Metrics {
 public:
  void record_request(const std::string& route, const std::string& method, unsigned status,
                      std::chrono::microseconds latency);
  void connection_opened() { ++open_connections_; }
  void connection_closed() { --open_connections_; }
  long open_connections() const { return open_connections_.load(); }
  // Why a connection was closed at once, before a byte was read.
  enum class Refusal { connection_limit, address_limit };
  void refused_connection(Refusal why) { ++refused_connections_[static_cast<int>(why)]; }
  // Where a client too slow to be worth waiting for was cut off.
  enum class SlowStage { handshake, head, body };
  void cut_slow_client(SlowStage stage) { ++slow_clients_cut_[static_cast<int>(stage)]; }
  // A connection that ended without an answer to send: at which stage, and how.
  void transport_ended(TransportStage stage, Ending ending) {
    ++transport_endings_[static_cast<int>(stage)][static_cast<int>(ending)];
  }

  // Gauges read when scraped (database pool use, overdue applications, ...).
  void add_gauge(std::string name, std::string help, std::function<double()> read);

  std::string render() const;

 private:
  static constexpr std::array<double, 12> kBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                   0.1,   0.25,   0.5,   1.0,  2.5,   5.0};
  struct Histogram {
    std::array<unsigned long long, kBuckets.size()> counts{};
    unsigned long long total = 0;
    double sum = 0;
  };
  struct Gauge {
    std::string name, help;
    std::function<double()> read;
  };

  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, unsigned>, unsigned long long> requests_;
  std::map<std::string, Histogram> latency_;
  std::vector<Gauge> gauges_;
  std::atomic<long> open_connections_{0};
  std::array<std::atomic<unsigned long long>, 2> refused_connections_{};
  std::array<std::atomic<unsigned long long>, 3> slow_clients_cut_{};
  std::array<std::array<std::atomic<unsigned long long>, kEndings>, kTransportStages>
      transport_endings_{};
};

}  // namespace tarjotin::server
