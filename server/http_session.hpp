#pragma once
// One client connection: read a request head, check its framing, read the body, answer, and
// again while the client keeps the connection alive. HttpSession holds the HTTP logic once;
// TlsSession and PlainSession supply the stream (the shape of Beast's "flex" server example).

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <algorithm>
#include <memory>
#include <optional>
#include <vector>

#include "server/api.hpp"
#include "server/connections.hpp"
#include "server/problem.hpp"
#include "server/request_framing.hpp"

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

 protected:
  void registered(std::size_t id) { registration_ = id; }
  bool stop_requested() const { return stop_requested_; }

  void do_read() {
    if (stop_requested_) return derived().do_eof();
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(context_.limits.max_header_bytes));
    // Beast checks Content-Length against this while still reading the head, before the route
    // is known; the route's own limit is applied in on_header.
    parser_->body_limit(std::max(context_.limits.max_body_bytes, context_.limits.max_upload_bytes));
    beast::get_lowest_layer(derived().stream()).expires_after(context_.limits.idle_timeout);
    http::async_read_header(
        derived().stream(), buffer_, *parser_,
        beast::bind_front_handler(&HttpSession::on_header, derived().shared_from_this()));
  }

 private:
  Derived& derived() { return static_cast<Derived&>(*this); }

  void on_header(beast::error_code ec, std::size_t) {
    if (ec) return on_read_error(ec);
    busy_ = true;
    beast::get_lowest_layer(derived().stream()).expires_after(context_.limits.request_timeout);
    if (auto why = framing_problem(parser_->get())) return refuse(400, "ambiguous-framing", *why);
    const auto& head = parser_->get();
    const std::size_t limit =
        context_.api.is_upload(head.method(), {head.target().data(), head.target().size()})
            ? context_.limits.max_upload_bytes
            : context_.limits.max_body_bytes;
    parser_->body_limit(limit);
    const auto length = parser_->content_length();
    if (length && *length > limit) {
      linger_ = true;
      return refuse(413, "body-too-large",
                    "the request body may have at most " + std::to_string(limit) + " bytes");
    }
    http::async_read(
        derived().stream(), buffer_, *parser_,
        beast::bind_front_handler(&HttpSession::on_read, derived().shared_from_this()));
  }

  void on_read(beast::error_code ec, std::size_t) {
    if (ec) return on_read_error(ec);
    // Nothing touches parser_ while the handler runs: the session is busy and reads nothing.
    net::post(context_.handlers, [self = derived().shared_from_this()] {
      Response response = self->context_.api.handle(self->parser_->get(), self->remote_);
      net::post(
          self->derived().stream().get_executor(),
          [self, response = std::move(response)]() mutable { self->send(std::move(response)); });
    });
  }

  void on_read_error(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == beast::error::timeout ||
        ec == net::error::operation_aborted || ec == net::ssl::error::stream_truncated ||
        ec == net::error::eof || ec == net::error::connection_reset)
      return derived().do_eof();
    if (ec == http::error::header_limit)
      return refuse(431, "header-too-large", "the request head is too large");
    if (ec == http::error::body_limit) {
      linger_ = true;
      return refuse(413, "body-too-large", "the request body is larger than this route takes");
    }
    if (&ec.category() == &http::make_error_code(http::error::bad_method).category())
      return refuse(400, "malformed-request", "the request is not valid HTTP/1.1");
    return derived().do_eof();
  }

  // Answers and closes: after a request we could not frame, nothing more on this connection
  // can be trusted to start where we think it does.
  void refuse(unsigned status, const char* type, std::string detail) {
    send(context_.api.refusal(status, type, std::move(detail), remote_));
  }

  void send(Response response) {
    response_ = std::move(response);
    if (stop_requested_ || context_.connections.stopping()) response_.keep_alive(false);
    beast::get_lowest_layer(derived().stream()).expires_after(context_.limits.request_timeout);
    http::async_write(
        derived().stream(), response_,
        beast::bind_front_handler(&HttpSession::on_write, derived().shared_from_this()));
  }

  void on_write(beast::error_code ec, std::size_t) {
    busy_ = false;
    if (ec) return;
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

  ConnectionContext& context_;
  std::string remote_;
  std::size_t registration_ = 0;
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

  void run(std::size_t registration) {
    registered(registration);
    beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(10));
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
    if (ec) return;  // scanners and clients offering only old protocols end here
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

  void run(std::size_t registration) {
    registered(registration);
    net::dispatch(stream_.get_executor(),
                  beast::bind_front_handler(&PlainSession::do_read, shared_from_this()));
  }
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
