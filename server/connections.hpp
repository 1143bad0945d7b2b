#pragma once
// The open connections of one server, so that a graceful stop can close the idle ones at once
// and let the busy ones finish the request they are serving.

#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace tarjotin::server {

class Api;
class Log;
class Metrics;

class Connection {
 public:
  virtual ~Connection() = default;
  // Close now when idle; otherwise close after the answer being produced is sent.
  virtual void stop_gracefully() = 0;
};

class Connections {
 public:
  std::size_t add(std::weak_ptr<Connection> connection);
  void remove(std::size_t id);
  std::size_t count() const;
  void stop_all();
  bool stopping() const { return stopping_.load(); }

 private:
  mutable std::mutex mutex_;
  std::unordered_map<std::size_t, std::weak_ptr<Connection>> open_;
  std::size_t next_id_ = 0;
  std::atomic<bool> stopping_{false};
};

struct ConnectionLimits {
  std::size_t max_header_bytes = 16 * 1024;
  std::size_t max_body_bytes = 1024 * 1024;
  std::size_t max_upload_bytes = 10 * 1024 * 1024;
  std::chrono::seconds request_timeout{30};
  std::chrono::seconds idle_timeout{60};
  std::chrono::seconds handshake_timeout{10};
};

// What every connection shares.
struct ConnectionContext {
  Api& api;
  // Handlers block on the database. They run here, not on the threads that drive the sockets,
  // so a slow transaction never stalls reads and writes of other connections, and so that many
  // write transactions can be waiting at once to be committed together.
  boost::asio::thread_pool& handlers;
  Metrics& metrics;
  Log& log;
  Connections& connections;
  ConnectionLimits limits;
};

}  // namespace tarjotin::server
