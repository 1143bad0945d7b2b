#pragma once
// One client connection: read a request head, check its framing, read the body, answer, and
// again while the client keeps the connection alive. HttpSession holds the HTTP logic once;
// TlsSession and PlainSession supply the stream (the shape of Beast's "flex" server example).

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <algorithm>
#include <memory>
#include <optional>
#include <variant>
#include <vector>

#include "server/api.hpp"
#include "server/client_address.hpp"
#include "server/connections.hpp"
#include "server/metrics.hpp"
#include "server/problem.hpp"
#include "server/proxy_protocol.hpp"
#include "server/request_framing.hpp"
#include "server/transport_endings.hpp"

namespace tarjotin::server {

namespace beast = boost::beast;
namespace net = boost::asio;
using tcp = net::ip::tcp;

template <class Derived>
class HttpSession : public Connection {
 public:
  HttpSession(ConnectionContext& context, std::string remote, beast::flat_buffer buffer = {})
      : context_(context), remote_(std::move(remote)), buffer_(std::move(buffer)) {
    context_.metrics.connection_opened();
  }
  ~HttpSession() override {
    release_upload_slot();
    context_.metrics.connection_closed();
    context_.connections.remove(registration_);
  }

  void stop_gracefully() override {
    auto self = derived().shared_from_this();
    net::post(derived().stream().get_executor(), [self] {
      self->stop_requested_ = true;
      if (!self->busy_) beast::get_lowest_layer(self->derived().stream()).cancel();
    });
  }

  // On the session's own strand: who is the client (from a PROXY header when `proxied`, the
  // peer is then a trusted load balancer), may that address open one more connection, and then
  // the derived session's start (TLS handshake, or the first request).
  void run(std::size_t registration, bool proxied) {
    registration_ = registration;
    net::dispatch(derived().stream().get_executor(),
                  [self = derived().shared_from_this(), proxied] {
                    beast::get_lowest_layer(self->derived().stream())
                        .expires_after(self->context_.limits.head_timeout);
                    if (proxied) return self->read_proxy_header();
                    self->admit();
                  });
  }

 protected:
  bool stop_requested() const { return stop_requested_; }
  ConnectionContext& context() { return context_; }

  void do_read() {
    if (stop_requested_) return derived().do_eof();
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(context_.limits.max_header_bytes));
    // Beast checks Content-Length against this while still reading the head, before the route
    // is known; the route's own limit is applied in on_header.
    parser_->body_limit(std::max(context_.limits.max_body_bytes, context_.limits.max_upload_bytes));
    if (buffer_.size() != 0) return read_head();  // pipelined: the head has begun already
    // Between requests a client may think for the idle timeout; once its next head has begun,
    // the head must arrive within the (shorter) head timeout.
    stage_ = Stage::idle;
    beast::get_lowest_layer(derived().stream()).expires_after(context_.limits.idle_timeout);
    derived().stream().async_read_some(
        buffer_.prepare(kFirstRead),
        [self = derived().shared_from_this()](beast::error_code ec, std::size_t n) {
          if (ec) return self->on_read_error(ec);
          self->buffer_.commit(n);
          self->read_head();
        });
  }

 private:
  Derived& derived() { return static_cast<Derived&>(*this); }
  enum class Stage { admitting, idle, head, body, answering };

  void close_now() {
    beast::error_code ignored;
    beast::get_lowest_layer(derived().stream()).socket().close(ignored);
  }

  void read_proxy_header() {
    stage_ = Stage::admitting;
    beast::get_lowest_layer(derived().stream())
        .async_read_some(
            buffer_.prepare(kProxyHeaderMaxBytes - buffer_.size()),
            [self = derived().shared_from_this()](beast::error_code ec, std::size_t n) {
              if (ec) return self->close_now();
              self->buffer_.commit(n);
              const auto result = parse_proxy_header(
                  {static_cast<const char*>(self->buffer_.data().data()), self->buffer_.size()});
              if (std::holds_alternative<ProxyHeaderIncomplete>(result))
                return self->read_proxy_header();
              if (const auto* wrong = std::get_if<ProxyHeaderInvalid>(&result)) {
                self->context_.log.warn("connection refused",
                                        {{"remote", self->remote_}, {"reason", wrong->why}});
                return self->close_now();
              }
              const auto& header = std::get<ProxyHeader>(result);
              if (!header.client_address.empty()) self->remote_ = header.client_address;
              self->buffer_.consume(header.length);
              self->admit();
            });
  }

  void admit() {
    if (!context_.connections.attribute(registration_, counted_client_address(remote_))) {
      context_.metrics.refused_connection(Metrics::Refusal::address_limit);
      return close_now();
    }
    derived().start();
  }

  void read_head() {
    stage_ = Stage::head;
    beast::get_lowest_layer(derived().stream()).expires_after(context_.limits.head_timeout);
    http::async_read_header(
        derived().stream(), buffer_, *parser_,
        beast::bind_front_handler(&HttpSession::on_header, derived().shared_from_this()));
  }

  void on_header(beast::error_code ec, std::size_t) {
    if (ec) return on_read_error(ec);
    busy_ = true;
    if (auto why = framing_problem(parser_->get())) return refuse(400, "ambiguous-framing", *why);
    const auto& head = parser_->get();
    const bool upload =
        context_.api.is_upload(head.method(), {head.target().data(), head.target().size()});
    const std::size_t limit =
        upload ? context_.limits.max_upload_bytes : context_.limits.max_body_bytes;
    parser_->body_limit(limit);
    const auto length = parser_->content_length();
    if (length && *length > limit) {
      linger_ = true;
      return refuse(413, "body-too-large",
                    "the request body may have at most " + std::to_string(limit) + " bytes");
    }
    if (upload && !parser_->is_done() && !take_upload_slot()) {
      linger_ = true;
      return refuse_for_now(
          "uploads-busy",
          "the server is receiving as many documents as it takes at once; send it again shortly");
    }
    stage_ = Stage::body;
    body_started_ = std::chrono::steady_clock::now();
    // Bodies other than documents must also arrive whole within the request timeout.
    body_cap_ = upload ? std::chrono::steady_clock::time_point::max()
                       : body_started_ + context_.limits.request_timeout;
    body_received_ = 0;
    read_body();
  }

  void read_body() {
    if (parser_->is_done()) return on_read();
    const auto rate = std::max<std::size_t>(1, context_.limits.min_body_bytes_per_second);
    const auto earned = std::chrono::seconds(static_cast<long long>(body_received_ / rate));
    beast::get_lowest_layer(derived().stream())
        .expires_at(std::min(body_cap_, body_started_ + context_.limits.head_timeout + earned));
    http::async_read_some(
        derived().stream(), buffer_, *parser_,
        [self = derived().shared_from_this()](beast::error_code ec, std::size_t n) {
          if (ec) return self->on_read_error(ec);
          self->body_received_ += n;
          self->read_body();
        });
  }

  void on_read() {
    release_upload_slot();
    stage_ = Stage::answering;
    beast::get_lowest_layer(derived().stream()).expires_after(context_.limits.request_timeout);
    awaiting_handler_ = true;
    start_watchdog();
    // Nothing touches parser_ while the handler runs: the session is busy and reads nothing
    // (and after a watchdog's answer it closes without reading again).
    net::post(context_.handlers, [self = derived().shared_from_this()] {
      Response response = self->context_.api.handle(self->parser_->get(), self->remote_);
      net::post(self->derived().stream().get_executor(), [self, response =
                                                                    std::move(response)]() mutable {
        if (!self->awaiting_handler_) {
          self->context_.log.warn("late answer dropped",
                                  {{"remote", self->remote_},
                                   {"status", std::to_string(response.result_int()), true},
                                   {"request_id", std::string(response["X-Request-Id"])}});
          return;
        }
        self->awaiting_handler_ = false;
        self->send(std::move(response));
      });
    });
  }

  // A handler stuck on a database that stopped answering (a stalled server sends nothing and
  // libpq waits without end) must not leave its client waiting too: at the request timeout the
  // client gets 503 with Retry-After and the connection closes. The handler still finishes its
  // transaction; a write that commits late is found by its Idempotency-Key on the next try.
  void start_watchdog() {
    if (!watchdog_) watchdog_.emplace(derived().stream().get_executor());
    watchdog_->expires_after(context_.limits.request_timeout);
    watchdog_->async_wait([self = derived().shared_from_this()](beast::error_code ec) {
      if (ec || !self->awaiting_handler_) return;
      self->awaiting_handler_ = false;
      self->refuse_for_now(
          "request-timeout",
          "the server could not answer in time (its database is slow or unreachable); send the "
          "request again shortly, with the same Idempotency-Key where it has one");
    });
  }

  bool take_upload_slot() {
    if (context_.uploads_in_progress.fetch_add(1) >= context_.limits.max_concurrent_uploads) {
      --context_.uploads_in_progress;
      return false;
    }
    holds_upload_slot_ = true;
    return true;
  }
  void release_upload_slot() {
    if (holds_upload_slot_) --context_.uploads_in_progress;
    holds_upload_slot_ = false;
  }

  // A read that failed: a request we could not frame is answered; anything else ends the
  // connection through on_transport_error.
  void on_read_error(beast::error_code ec) {
    if (ec == beast::error::timeout && stage_ == Stage::head)
      context_.metrics.cut_slow_client(Metrics::SlowStage::head);
    if (ec == beast::error::timeout && stage_ == Stage::body)
      context_.metrics.cut_slow_client(Metrics::SlowStage::body);
    if (ec == http::error::header_limit)
      return refuse(431, "header-too-large", "the request head is too large");
    if (ec == http::error::body_limit) {
      linger_ = true;
      return refuse(413, "body-too-large", "the request body is larger than this route takes");
    }
    if (ec != http::error::end_of_stream &&
        &ec.category() == &http::make_error_code(http::error::bad_method).category())
      return refuse(400, "malformed-request", "the request is not valid HTTP/1.1");
    on_transport_error(ec, TransportStage::read);
  }

 protected:
  // The one way a connection ends on an error of its stream: counted by stage and kind in
  // /metrics (transport_endings.hpp says which kinds are normal), then closed. After a failed
  // handshake or write there is nothing to say goodbye on; after a read, a TLS close_notify.
  void on_transport_error(beast::error_code ec, TransportStage stage) {
    context_.metrics.transport_ended(stage, ending_of(ec));
    if (stage == TransportStage::read) return derived().do_eof();
    close_now();
  }

 private:
  // Answers and closes: after a request we could not frame, nothing more on this connection
  // can be trusted to start where we think it does.
  void refuse(unsigned status, const char* type, std::string detail) {
    send(context_.api.refusal(status, type, std::move(detail), remote_));
  }
  // A 503 that passes: the client is told to come back in a few seconds.
  void refuse_for_now(const char* type, std::string detail) {
    auto response = context_.api.refusal(503, type, std::move(detail), remote_);
    response.set(http::field::retry_after, "5");
    send(std::move(response));
  }

  void send(Response response) {
    if (watchdog_) watchdog_->cancel();
    response_ = std::move(response);
    if (stop_requested_ || context_.connections.stopping()) response_.keep_alive(false);
    beast::get_lowest_layer(derived().stream()).expires_after(context_.limits.request_timeout);
    http::async_write(
        derived().stream(), response_,
        beast::bind_front_handler(&HttpSession::on_write, derived().shared_from_this()));
  }

  void on_write(beast::error_code ec, std::size_t) {
    busy_ = false;
    release_upload_slot();
    if (ec) return on_transport_error(ec, TransportStage::write);
    if (!response_.keep_alive()) return linger_ ? linger() : derived().do_eof();
    do_read();
  }

  // A client refused for its body size is usually still sending that body. Closing with its
  // bytes unread makes the kernel answer them with a reset, which can destroy our answer before
  // the client reads it; so the rest is read and dropped first, within a bound of bytes and of
  // time (nginx's lingering close), and only then is the connection closed.
  void linger() {
    linger_ = false;
    buffer_.clear();
    discard_.resize(16 * 1024);
    lingering_until_ = std::chrono::steady_clock::now() + kLingerTime;
    discard_left_ = 4 * std::max(context_.limits.max_body_bytes, context_.limits.max_upload_bytes);
    discard();
  }

  void discard() {
    const auto left = lingering_until_ - std::chrono::steady_clock::now();
    if (left <= std::chrono::steady_clock::duration::zero() || discard_left_ == 0)
      return derived().do_eof();
    beast::get_lowest_layer(derived().stream())
        .expires_after(std::min<std::chrono::steady_clock::duration>(left, kLingerQuiet));
    derived().stream().async_read_some(
        net::buffer(discard_.data(), std::min(discard_.size(), discard_left_)),
        [self = derived().shared_from_this()](beast::error_code ec, std::size_t n) {
          if (ec) return self->derived().do_eof();
          self->discard_left_ -= std::min(n, self->discard_left_);
          self->discard();
        });
  }

  static constexpr auto kLingerTime = std::chrono::seconds(10);
  static constexpr auto kLingerQuiet = std::chrono::seconds(2);
  static constexpr std::size_t kFirstRead = 4096;

  ConnectionContext& context_;
  std::string remote_;
  std::size_t registration_ = 0;
  Stage stage_ = Stage::admitting;
  std::chrono::steady_clock::time_point body_started_, body_cap_;
  std::size_t body_received_ = 0;
  bool holds_upload_slot_ = false;
  bool awaiting_handler_ = false;  // a handler runs and its answer is still wanted
  std::optional<net::steady_timer> watchdog_;
  bool busy_ = false;
  bool stop_requested_ = false;
  bool linger_ = false;  // the answer refuses a body the client may still be sending
  std::vector<char> discard_;
  std::size_t discard_left_ = 0;
  std::chrono::steady_clock::time_point lingering_until_;
  std::optional<http::request_parser<http::string_body>> parser_;
  Response response_;

 protected:
  beast::flat_buffer buffer_;
};

class TlsSession : public HttpSession<TlsSession>, public std::enable_shared_from_this<TlsSession> {
 public:
  TlsSession(tcp::socket&& socket, net::ssl::context& tls, ConnectionContext& context,
             std::string remote)
      : HttpSession<TlsSession>(context, std::move(remote)), stream_(std::move(socket), tls) {}

  // The handshake has the head timeout from the connection's first byte (set on admission).
  void start() {
    stream_.async_handshake(
        net::ssl::stream_base::server, buffer_.data(),
        beast::bind_front_handler(&TlsSession::on_handshake, shared_from_this()));
  }
  beast::ssl_stream<beast::tcp_stream>& stream() { return stream_; }
  void do_eof() {
    if (stop_requested()) {
      // Stopping: a peer that never answers our close_notify must not hold the stop back.
      beast::error_code ignored;
      beast::get_lowest_layer(stream_).socket().close(ignored);
      return;
    }
    beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(5));
    stream_.async_shutdown([self = shared_from_this()](beast::error_code) {
      beast::error_code ignored;
      beast::get_lowest_layer(self->stream_).socket().close(ignored);
    });
  }

 private:
  void on_handshake(beast::error_code ec, std::size_t used) {
    if (ec == beast::error::timeout)
      context().metrics.cut_slow_client(Metrics::SlowStage::handshake);
    // Scanners and clients offering only old protocols end here.
    if (ec) return on_transport_error(ec, TransportStage::handshake);
    buffer_.consume(used);
    do_read();
  }
  beast::ssl_stream<beast::tcp_stream> stream_;
};

class PlainSession : public HttpSession<PlainSession>,
                     public std::enable_shared_from_this<PlainSession> {
 public:
  PlainSession(tcp::socket&& socket, ConnectionContext& context, std::string remote)
      : HttpSession<PlainSession>(context, std::move(remote)), stream_(std::move(socket)) {}

  void start() { do_read(); }
  beast::tcp_stream& stream() { return stream_; }
  void do_eof() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.socket().close(ignored);
  }

 private:
  beast::tcp_stream stream_;
};

}  // namespace tarjotin::server
