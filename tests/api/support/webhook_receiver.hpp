#pragma once
// A webhook receiver on loopback for the API tests: it records each delivery's event id,
// signature and body, and answers with the statuses it is given, in turn (200 after them).

#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace tarjotin::testing {

class Receiver {
 public:
  explicit Receiver(std::vector<unsigned> statuses) : statuses_(std::move(statuses)) {
    acceptor_.open(boost::asio::ip::tcp::v4());
    acceptor_.bind({boost::asio::ip::make_address("127.0.0.1"), 0});
    acceptor_.listen();
    thread_ = std::thread([this] { serve(); });
  }
  ~Receiver() {
    stopping_ = true;
    boost::system::error_code ignored;
    boost::asio::ip::tcp::socket poke(io_);
    poke.connect(acceptor_.local_endpoint(), ignored);
    thread_.join();
  }
  std::string url() const {
    return "http://127.0.0.1:" + std::to_string(acceptor_.local_endpoint().port()) + "/hook";
  }
  struct Delivery {
    std::string event, signature, body;
  };
  std::vector<Delivery> received() {
    std::lock_guard lock(mutex_);
    return received_;
  }

 private:
  void serve() {
    namespace http = boost::beast::http;
    std::size_t n = 0;
    while (!stopping_) {
      boost::asio::ip::tcp::socket socket(io_);
      boost::system::error_code ec;
      acceptor_.accept(socket, ec);
      if (ec || stopping_) break;
      boost::beast::flat_buffer buffer;
      http::request<http::string_body> request;
      http::read(socket, buffer, request, ec);
      if (ec) continue;
      {
        std::lock_guard lock(mutex_);
        received_.push_back({std::string(request["X-Tarjotin-Event"]),
                             std::string(request["X-Tarjotin-Signature"]), request.body()});
      }
      http::response<http::string_body> response{
          static_cast<http::status>(n < statuses_.size() ? statuses_[n] : 200), 11};
      ++n;
      response.prepare_payload();
      http::write(socket, response, ec);
    }
  }

  std::vector<unsigned> statuses_;
  boost::asio::io_context io_;
  boost::asio::ip::tcp::acceptor acceptor_{io_};
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::vector<Delivery> received_;
  std::thread thread_;
};

}  // namespace tarjotin::testing
