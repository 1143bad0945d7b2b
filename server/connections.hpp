#pragma once
// The open connections of one server, so that a graceful stop can close the idle ones at once
// and let the busy ones finish the request they are serving.

#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
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
  // `per_address` bounds the connections one client address may hold at once (0: no bound).
  explicit Connections(std::size_t per_address = 0) : per_address_(per_address) {}

  std::size_t add(std::weak_ptr<Connection> connection);
  // Counts the connection against its client's address (as counted_client_address() spells it;
  // after a PROXY header, the address it names). False, and not counted, when that address
  // holds its limit already: the connection is to be closed.
  bool attribute(std::size_t id, const std::string& address);
  void remove(std::size_t id);
  std::size_t count() const;
  void stop_all();
  bool stopping() const { return stopping_.load(); }

 private:
  struct Open {
    std::weak_ptr<Connection> connection;
    std::string address;  // empty until attributed
  };
  const std::size_t per_address_;
  mutable std::mutex mutex_;
  std::unordered_map<std::size_t, Open> open_;
  std::unordered_map<std::string, std::size_t> per_address_count_;
  std::size_t next_id_ = 0;
  std::atomic<bool> stopping_{false};
};

struct ConnectionLimits {
  std::size_t max_header_bytes = 16 * 1024;
  std::size_t max_body_bytes = 1024 * 1024;
  std::size_t max_upload_bytes = 10 * 1024 * 1024;
  std::chrono::seconds request_timeout{30};
  std::chrono::seconds idle_timeout{60};
  // From a connection's first byte to its TLS handshake's end, and from a request head's first
  // byte to its end (Apache's mod_reqtimeout, nginx's client_header_timeout): a client that
  // trickles a head in holds its connection this long at most, not the idle timeout.
  std::chrono::seconds head_timeout{10};
  // A body must keep coming at this rate at least, after a start of head_timeout: its deadline
  // moves on by one second for every this many bytes received. A slow link's upload passes;
  // a body sent a byte at a time is cut off.
  std::size_t min_body_bytes_per_second = 500;
  // Document uploads being received at once; one more is refused with 503 and Retry-After, so
  // slow uploads cannot hold all of the server's memory for bodies.
  std::size_t max_concurrent_uploads = 32;
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
  std::atomic<std::size_t> uploads_in_progress{0};
};

}  // namespace tarjotin::server
