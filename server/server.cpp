#include "server/server.hpp"

#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include <algorithm>

#include "server/http_session.hpp"
#include "server/log.hpp"
#include "server/metrics.hpp"

namespace tarjotin::server {

std::size_t Connections::add(std::weak_ptr<Connection> connection) {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::size_t id = ++next_id_;
  open_.emplace(id, Open{std::move(connection), {}});
  return id;
}

bool Connections::attribute(std::size_t id, const std::string& address) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = open_.find(id);
  if (it == open_.end()) return false;
  auto& held = per_address_count_[address];
  if (per_address_ != 0 && held >= per_address_) {
    if (held == 0) per_address_count_.erase(address);
    return false;
  }
  ++held;
  it->second.address = address;
  return true;
}

void Connections::remove(std::size_t id) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = open_.find(id);
  if (it == open_.end()) return;
  if (!it->second.address.empty()) {
    const auto held = per_address_count_.find(it->second.address);
    if (held != per_address_count_.end() && --held->second == 0) per_address_count_.erase(held);
  }
  open_.erase(it);
}

std::size_t Connections::count() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return open_.size();
}

void Connections::stop_all() {
  stopping_ = true;
  std::vector<std::shared_ptr<Connection>> live;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto& [id, open] : open_)
      if (auto c = open.connection.lock()) live.push_back(std::move(c));
  }
  for (auto& c : live) c->stop_gracefully();
}

Server::Server(ServerOptions options, Api& api, Metrics& metrics, Log& log,
               boost::asio::ssl::context* tls)
    : options_(std::move(options)),
      metrics_(metrics),
      log_(log),
      tls_(tls),
      connections_(options_.max_connections_per_address),
      context_{api, handlers_, metrics, log, connections_, options_.limits},
      ioc_(static_cast<int>(options_.threads)),
      acceptor_(net::make_strand(ioc_)),
      drain_timer_(ioc_),
      stop_delay_(acceptor_.get_executor()),
      handlers_(options_.request_threads == 0 ? 1 : options_.request_threads) {}

Server::~Server() {
  stop();
  wait();
}

void Server::start() {
  const tcp::endpoint endpoint(net::ip::make_address(options_.address), options_.port);
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(net::socket_base::reuse_address(true));
  acceptor_.bind(endpoint);
  acceptor_.listen(net::socket_base::max_listen_connections);
  port_ = acceptor_.local_endpoint().port();
  accept();
  for (unsigned i = 0; i < options_.threads; ++i) threads_.emplace_back([this] { ioc_.run(); });
  log_.info("listening", {{"address", options_.address},
                          {"port", std::to_string(port_), true},
                          {"tls", tls_ ? "true" : "false", true},
                          {"threads", std::to_string(options_.threads), true},
                          {"request_threads", std::to_string(options_.request_threads), true}});
}

void Server::handle_signals() {
  // On the acceptor's strand, like the pause's timer and stop()'s closing of both.
  signals_ = std::make_unique<net::signal_set>(acceptor_.get_executor(), SIGINT, SIGTERM);
  signals_->async_wait([this](beast::error_code ec, int signal) {
    if (ec) return;
    if (options_.stopping) *options_.stopping = true;
    if (options_.drain_before_stop.count() == 0) {
      log_.info("stopping", {{"signal", std::to_string(signal), true}});
      return stop();
    }
    log_.info("stopping after a pause",
              {{"signal", std::to_string(signal), true},
               {"seconds", std::to_string(options_.drain_before_stop.count()), true}});
    stop_delay_.expires_after(options_.drain_before_stop);
    stop_delay_.async_wait([this](beast::error_code waited) {
      if (!waited) stop();
    });
    // A second signal does not wait for the pause.
    signals_->async_wait([this](beast::error_code again, int) {
      if (!again) stop();
    });
  });
}

void Server::accept() {
  acceptor_.async_accept(net::make_strand(ioc_), [this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (ec == net::error::operation_aborted || !acceptor_.is_open()) return;
      log_.warn("accept failed", {{"error", ec.message()}});
      return accept();
    }
    if (static_cast<std::size_t>(metrics_.open_connections()) >= options_.max_connections) {
      metrics_.refused_connection(Metrics::Refusal::connection_limit);
      beast::error_code ignored;
      socket.close(ignored);
      return accept();
    }
    beast::error_code ep_ec;
    const auto remote = socket.remote_endpoint(ep_ec);
    const std::string remote_text = ep_ec ? "" : remote.address().to_string();
    const auto& proxies = options_.proxy_protocol_from;
    const bool proxied =
        !ep_ec && std::find(proxies.begin(), proxies.end(), remote.address()) != proxies.end();
    if (tls_) {
      auto session = std::make_shared<TlsSession>(std::move(socket), *tls_, context_, remote_text);
      session->run(connections_.add(session), proxied);
    } else {
      auto session = std::make_shared<PlainSession>(std::move(socket), context_, remote_text);
      session->run(connections_.add(session), proxied);
    }
    accept();
  });
}

void Server::stop() {
  if (stop_requested_.exchange(true)) return;
  net::post(acceptor_.get_executor(), [this] {
    beast::error_code ignored;
    acceptor_.close(ignored);
    if (signals_) signals_->cancel(ignored);
    stop_delay_.cancel();
  });
  connections_.stop_all();
  const auto deadline = std::chrono::steady_clock::now() + options_.shutdown_grace;
  net::post(ioc_, [this, deadline] { drain(deadline); });
}

// Waits on the io_context for the connections to end; whatever is still open at the deadline
// is cut off by stopping the io_context.
void Server::drain(std::chrono::steady_clock::time_point deadline) {
  if (connections_.count() == 0 || std::chrono::steady_clock::now() >= deadline) {
    ioc_.stop();
    return;
  }
  drain_timer_.expires_after(std::chrono::milliseconds(20));
  drain_timer_.async_wait([this, deadline](beast::error_code ec) {
    if (!ec) drain(deadline);
  });
}

void Server::wait() {
  for (auto& t : threads_)
    if (t.joinable()) t.join();
  threads_.clear();
  // Handlers cut off by the grace period still finish their transaction; their answers go
  // nowhere, but nothing is left half-done.
  handlers_.join();
}

}  // namespace tarjotin::server
