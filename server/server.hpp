#pragma once
// The running HTTPS server: io_context threads, the listener, and a graceful stop that lets
// in-flight requests finish.

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>

#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include "server/connections.hpp"

namespace tarjotin::server {

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 0;       // 0: any free port (tests)
  unsigned threads = 2;          // drive the sockets and TLS
  unsigned request_threads = 8;  // run the handlers, which wait on the database
  std::size_t max_connections = 4096;
  std::size_t max_connections_per_address = 256;  // 0: no bound
  // Load balancers whose connections begin with a PROXY header naming the client.
  std::vector<boost::asio::ip::address> proxy_protocol_from;
  std::chrono::seconds shutdown_grace{20};
  // On SIGTERM, first this long with readiness failing and connections still accepted, so a
  // load balancer's health check takes the replica out before it stops accepting.
  std::chrono::seconds drain_before_stop{0};
  std::atomic<bool>* stopping = nullptr;  // set at SIGTERM; readiness reads it
  ConnectionLimits limits;
};

class Server {
 public:
  // `tls` null means plain HTTP (behind a TLS-terminating proxy only).
  Server(ServerOptions options, Api& api, Metrics& metrics, Log& log,
         boost::asio::ssl::context* tls);
  ~Server();

  unsigned short port() const { return port_; }
  // Binds and starts the worker threads; returns at once.
  void start();
  // Stops accepting, closes idle connections, lets busy ones finish within the grace period,
  // then stops the threads. Safe to call from any thread, and more than once.
  void stop();
  // Blocks until the server has stopped (after stop(), or SIGINT/SIGTERM when handle_signals).
  void wait();
  void handle_signals();

 private:
  void accept();
  void drain(std::chrono::steady_clock::time_point deadline);

  ServerOptions options_;
  Metrics& metrics_;
  Log& log_;
  boost::asio::ssl::context* tls_;
  // Declared before the io_context: handlers still queued when it is destroyed own sessions,
  // whose destructors reach these.
  Connections connections_;
  ConnectionContext context_;
  boost::asio::io_context ioc_;
  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::steady_timer drain_timer_;
  boost::asio::steady_timer stop_delay_;
  // After the io_context: a handler still running at destruction posts its answer there.
  boost::asio::thread_pool handlers_;
  std::vector<std::thread> threads_;
  unsigned short port_ = 0;
  std::atomic<bool> stop_requested_{false};
  std::unique_ptr<boost::asio::signal_set> signals_;
};

}  // namespace tarjotin::server
