#pragma once
// One outgoing exchange (a webhook's post, an identity provider's or an audit log's answer) run
// to its end or to its time limit on an io_context of its own: every step is asynchronous, so a
// peer that accepts and never answers, or a resolver that hangs, costs one time limit and never
// a thread. What the coroutine throws comes back as its message.

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include <chrono>
#include <exception>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace tarjotin::server {

// The coroutine's result, or why there is none: its exception's message, or the time limit.
// `io` is the one the coroutine's objects were made on; it is run here and nowhere else.
template <class T, class Rep, class Period>
std::variant<T, std::string> run_within(boost::asio::io_context& io,
                                        std::chrono::duration<Rep, Period> limit,
                                        boost::asio::awaitable<T> exchange) {
  std::optional<std::variant<T, std::string>> outcome;
  boost::asio::co_spawn(io, std::move(exchange), [&](std::exception_ptr failure, T result) {
    if (!failure) {
      outcome.emplace(std::in_place_index<0>, std::move(result));
      return;
    }
    try {
      std::rethrow_exception(failure);
    } catch (const std::exception& e) {
      outcome.emplace(std::in_place_index<1>, e.what());
    }
  });
  io.run_for(limit);
  if (outcome) return std::move(*outcome);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(limit).count();
  return "no answer within " +
         (ms % 1000 == 0 ? std::to_string(ms / 1000) + " s" : std::to_string(ms) + " ms");
}

}  // namespace tarjotin::server
