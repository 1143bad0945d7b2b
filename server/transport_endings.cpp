#include "server/transport_endings.hpp"

#include <boost/asio/error.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>

namespace tarjotin::server {

namespace net = boost::asio;

Ending ending_of(const boost::system::error_code& ec) {
  if (ec == boost::beast::http::error::end_of_stream || ec == net::error::eof ||
      ec == net::error::operation_aborted)
    return Ending::closed;
  if (ec == net::ssl::error::stream_truncated) return Ending::truncated;
  if (ec == boost::beast::error::timeout) return Ending::timeout;
  if (ec == net::error::connection_reset || ec == net::error::broken_pipe ||
      ec == net::error::connection_aborted)
    return Ending::reset;
  if (&ec.category() == &net::error::get_ssl_category() ||
      &ec.category() == &net::ssl::error::get_stream_category())
    return Ending::protocol;
  return Ending::other;
}

const char* to_string(TransportStage stage) {
  switch (stage) {
    case TransportStage::handshake:
      return "handshake";
    case TransportStage::read:
      return "read";
    case TransportStage::write:
      return "write";
  }
  return "";
}

const char* to_string(Ending ending) {
  switch (ending) {
    case Ending::closed:
      return "closed";
    case Ending::truncated:
      return "truncated";
    case Ending::timeout:
      return "timeout";
    case Ending::reset:
      return "reset";
    case Ending::protocol:
      return "protocol";
    case Ending::other:
      return "other";
  }
  return "";
}

}  // namespace tarjotin::server
