// tarjotin-loadgen: an HTTPS keep-alive load generator. C connections each send one request
// after another for a warm-up and a measured duration; every response is timed and non-2xx
// answers and transport failures are counted as errors, because a fast run of errors measures
// nothing. --hold N opens N TLS connections, sends one request on each and keeps them open, so
// the server's memory per connection can be read while they stand.
//
// The certificate is not verified: the server runs on loopback with a self-signed one. TLS 1.2
// is the least accepted, as on the server.
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;
using Stream = beast::ssl_stream<beast::tcp_stream>;

const char* kUsage =
    "Usage: tarjotin-loadgen [options]\n"
    "  --host H              server address (default 127.0.0.1)\n"
    "  --port P              server port (default 8443)\n"
    "  --name NAME           scenario name printed with the result (default: METHOD PATH)\n"
    "  --method M            GET, POST, PUT, DELETE (default GET)\n"
    "  --path P              request target, a template (default /healthz)\n"
    "  --header 'K: V'       a request header, a template; repeatable\n"
    "  --body TEXT           request body, a template (Content-Type application/json unless\n"
    "                        a --header sets it)\n"
    "  --body-file FILE      the body template read from a file\n"
    "  --vars FILE           lines of tab-separated values; request n uses line n mod lines\n"
    "  --connections C       concurrent keep-alive connections (default 16)\n"
    "  --duration S          measured seconds (default 10)\n"
    "  --warmup S            seconds before measuring (default 2)\n"
    "  --threads T           client threads (default 1)\n"
    "  --timeout S           limit on one request, connecting included (default 30)\n"
    "  --hold N              open N connections, one request each, keep them --duration s\n"
    "\n"
    "Templates: {n} is a counter unique in the run, {run} a random word unique to the run,\n"
    "{1}..{9} the fields of the --vars line.\n"
    "\n"
    "Prints one line: result scenario=... connections= requests= seconds= rps= p50_ms=\n"
    "p99_ms= p999_ms= max_ms= errors= ok_total= statuses=...; the first error bodies go to\n"
    "standard error. Exits 1 when any request failed.\n";

struct Options {
  std::string host = "127.0.0.1";
  std::string port = "8443";
  std::string name;
  http::verb method = http::verb::get;
  std::string path = "/healthz";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  bool has_body = false;
  std::vector<std::vector<std::string>> vars;
  unsigned connections = 16;
  double duration = 10;
  double warmup = 2;
  unsigned threads = 1;
  double timeout = 30;
  unsigned hold = 0;
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::vector<std::string>> read_vars(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (;;) {
      const auto tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    rows.push_back(std::move(fields));
  }
  if (rows.empty()) throw std::runtime_error(path + " has no lines");
  return rows;
}

double number(const std::string& flag, const std::string& value) {
  char* end = nullptr;
  const double d = std::strtod(value.c_str(), &end);
  if (end == value.c_str() || *end != '\0' || !(d >= 0))
    throw std::runtime_error(flag + " needs a number, not '" + value + "'");
  return d;
}

Options parse(int argc, char** argv) {
  Options o;
  std::vector<std::string> args(argv + 1, argv + argc);
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& flag = args[i];
    if (flag == "--help" || flag == "-h") {
      std::cout << kUsage;
      std::exit(0);
    }
    if (i + 1 >= args.size()) throw std::runtime_error(flag + " needs a value");
    const std::string value = args[++i];
    if (flag == "--host")
      o.host = value;
    else if (flag == "--port")
      o.port = value;
    else if (flag == "--name")
      o.name = value;
    else if (flag == "--method") {
      o.method = http::string_to_verb(value);
      if (o.method == http::verb::unknown) throw std::runtime_error("unknown method " + value);
    } else if (flag == "--path")
      o.path = value;
    else if (flag == "--header") {
      const auto colon = value.find(':');
      if (colon == std::string::npos || colon == 0)
        throw std::runtime_error("--header needs 'Name: value'");
      std::string v = value.substr(colon + 1);
      v.erase(0, v.find_first_not_of(' '));
      o.headers.emplace_back(value.substr(0, colon), v);
    } else if (flag == "--body") {
      o.body = value;
      o.has_body = true;
    } else if (flag == "--body-file") {
      o.body = read_file(value);
      o.has_body = true;
    } else if (flag == "--vars")
      o.vars = read_vars(value);
    else if (flag == "--connections")
      o.connections = static_cast<unsigned>(number(flag, value));
    else if (flag == "--duration")
      o.duration = number(flag, value);
    else if (flag == "--warmup")
      o.warmup = number(flag, value);
    else if (flag == "--threads")
      o.threads = std::max(1u, static_cast<unsigned>(number(flag, value)));
    else if (flag == "--timeout")
      o.timeout = number(flag, value);
    else if (flag == "--hold")
      o.hold = static_cast<unsigned>(number(flag, value));
    else
      throw std::runtime_error("unknown option " + flag + " (see --help)");
  }
  if (o.connections == 0) throw std::runtime_error("--connections must be at least 1");
  if (o.name.empty()) o.name = std::string(http::to_string(o.method)) + " " + o.path;
  return o;
}

// Replaces {n}, {run} and {1}..{9}; anything else in braces is left as it is (JSON bodies are
// full of braces).
std::string expand(const std::string& text, std::uint64_t n, const std::string& run,
                   const std::vector<std::vector<std::string>>& vars) {
  if (text.find('{') == std::string::npos) return text;
  std::string out;
  out.reserve(text.size() + 64);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      const auto close = text.find('}', i);
      if (close != std::string::npos && close - i <= 4) {
        const std::string key = text.substr(i + 1, close - i - 1);
        if (key == "n") {
          out += std::to_string(n);
          i = close;
          continue;
        }
        if (key == "run") {
          out += run;
          i = close;
          continue;
        }
        if (key.size() == 1 && key[0] >= '1' && key[0] <= '9' && !vars.empty()) {
          const auto& row = vars[n % vars.size()];
          const std::size_t field = static_cast<std::size_t>(key[0] - '1');
          if (field < row.size()) out += row[field];
          i = close;
          continue;
        }
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

// What one connection saw; merged when the run ends, so nothing is shared while it runs.
struct Tally {
  std::vector<std::uint32_t> latencies_us;  // measured window only
  std::map<unsigned, std::uint64_t> statuses;
  std::uint64_t ok_total = 0;  // 2xx answers in the whole run, warm-up included
  std::uint64_t errors = 0;    // non-2xx and transport failures in the measured window
  std::uint64_t transport_errors = 0;
  std::vector<std::string> error_samples;
};

struct Run {
  const Options& options;
  net::io_context& ioc;
  ssl::context& tls;
  tcp::resolver::results_type endpoints;
  std::string run_word;
  Clock::time_point measure_from;
  Clock::time_point measure_until;
  std::atomic<std::uint64_t> counter{0};
  std::atomic<bool> stopping{false};
  std::atomic<unsigned> active{0};
};

http::request<http::string_body> make_request(Run& run) {
  const auto& o = run.options;
  const std::uint64_t n = run.counter.fetch_add(1);
  http::request<http::string_body> req{o.method, expand(o.path, n, run.run_word, o.vars), 11};
  req.set(http::field::host, o.host);
  req.set(http::field::user_agent, "tarjotin-loadgen");
  req.keep_alive(true);
  bool content_type = false;
  for (const auto& [k, v] : o.headers) {
    req.set(k, expand(v, n, run.run_word, o.vars));
    if (beast::iequals(k, "content-type")) content_type = true;
  }
  if (o.has_body) {
    if (!content_type) req.set(http::field::content_type, "application/json");
    req.body() = expand(o.body, n, run.run_word, o.vars);
  }
  req.prepare_payload();
  return req;
}

std::chrono::steady_clock::duration seconds(double s) {
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s));
}

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(Run& run, Tally& tally) : run_(run), tally_(tally), retry_(run.ioc) {}

  void start() {
    ++run_.active;
    connect();
  }

 private:
  void connect() {
    if (run_.stopping) return finish();
    stream_.emplace(net::make_strand(run_.ioc), run_.tls);
    buffer_.clear();
    SSL_set_tlsext_host_name(stream_->native_handle(), run_.options.host.c_str());
    beast::get_lowest_layer(*stream_).expires_after(seconds(run_.options.timeout));
    beast::get_lowest_layer(*stream_).async_connect(
        run_.endpoints, [self = shared_from_this()](beast::error_code ec, const tcp::endpoint&) {
          if (ec) return self->failed("connect", ec);
          self->stream_->async_handshake(ssl::stream_base::client, [self](beast::error_code ec2) {
            if (ec2) return self->failed("handshake", ec2);
            self->send();
          });
        });
  }

  void send() {
    if (run_.stopping) return finish();
    request_ = make_request(run_);
    started_ = Clock::now();
    beast::get_lowest_layer(*stream_).expires_after(seconds(run_.options.timeout));
    http::async_write(
        *stream_, request_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
          if (ec) return self->failed("write", ec);
          self->parser_.emplace();
          self->parser_->body_limit(256ull * 1024 * 1024);
          http::async_read(*self->stream_, self->buffer_, *self->parser_,
                           [self](beast::error_code ec2, std::size_t) { self->on_response(ec2); });
        });
  }

  void on_response(beast::error_code ec) {
    if (ec) return failed("read", ec);
    const auto done = Clock::now();
    const auto& res = parser_->get();
    const unsigned status = res.result_int();
    const bool ok = status >= 200 && status < 300;
    if (ok) ++tally_.ok_total;
    if (done >= run_.measure_from && done <= run_.measure_until) {
      const auto us = std::chrono::duration_cast<std::chrono::microseconds>(done - started_);
      tally_.latencies_us.push_back(static_cast<std::uint32_t>(
          std::min<long long>(us.count(), std::numeric_limits<std::uint32_t>::max())));
      ++tally_.statuses[status];
      if (!ok) {
        ++tally_.errors;
        if (tally_.error_samples.size() < 2)
          tally_.error_samples.push_back(std::to_string(status) + " " + res.body().substr(0, 300));
      }
    }
    if (!res.keep_alive()) {
      close();
      return connect();
    }
    send();
  }

  void failed(const char* what, beast::error_code ec) {
    if (run_.stopping) return finish();
    const auto now = Clock::now();
    if (now >= run_.measure_from && now <= run_.measure_until) {
      ++tally_.errors;
      ++tally_.transport_errors;
    }
    if (tally_.error_samples.size() < 2)
      tally_.error_samples.push_back(std::string(what) + ": " + ec.message());
    close();
    // A pause, so a server that is down is not hammered with reconnects.
    retry_.expires_after(std::chrono::milliseconds(100));
    retry_.async_wait([self = shared_from_this()](beast::error_code e) {
      if (!e) self->connect();
    });
  }

  void close() {
    if (!stream_) return;
    beast::error_code ignored;
    beast::get_lowest_layer(*stream_).socket().close(ignored);
  }

  void finish() {
    close();
    --run_.active;
  }

  Run& run_;
  Tally& tally_;
  net::steady_timer retry_;
  std::optional<Stream> stream_;
  beast::flat_buffer buffer_;
  http::request<http::string_body> request_;
  std::optional<http::response_parser<http::string_body>> parser_;
  Clock::time_point started_;
};

double percentile_ms(const std::vector<std::uint32_t>& sorted, double p) {
  if (sorted.empty()) return 0;
  const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(sorted.size())));
  return sorted[std::min(sorted.size(), std::max<std::size_t>(rank, 1)) - 1] / 1000.0;
}

void raise_open_file_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
}

ssl::context client_context() {
  ssl::context ctx(ssl::context::tls_client);
  ctx.set_verify_mode(ssl::verify_none);
  SSL_CTX_set_min_proto_version(ctx.native_handle(), TLS1_2_VERSION);
  return ctx;
}

std::string random_word() {
  std::random_device rd;
  std::uniform_int_distribution<std::uint64_t> d;
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(d(rd)));
  return text;
}

void run_threads(net::io_context& ioc, unsigned threads) {
  std::vector<std::thread> pool;
  for (unsigned i = 1; i < threads; ++i) pool.emplace_back([&ioc] { ioc.run(); });
  ioc.run();
  for (auto& t : pool) t.join();
}

int load(const Options& o) {
  net::io_context ioc;
  ssl::context tls = client_context();
  tcp::resolver resolver(ioc);
  Run run{o, ioc, tls, resolver.resolve(o.host, o.port), random_word(), {}, {}};
  const auto start = Clock::now();
  run.measure_from = start + seconds(o.warmup);
  run.measure_until = run.measure_from + seconds(o.duration);

  std::vector<Tally> tallies(o.connections);
  for (auto& t : tallies) t.latencies_us.reserve(4096);
  for (unsigned i = 0; i < o.connections; ++i)
    std::make_shared<Connection>(run, tallies[i])->start();

  // At the end no new request starts; those in flight finish (and count in ok_total, so the
  // database can be checked against it), bounded by the request timeout.
  net::steady_timer end(ioc);
  const auto hard_stop = run.measure_until + seconds(o.timeout + 1);
  std::function<void()> check = [&] {
    if (run.active == 0 || Clock::now() >= hard_stop) return ioc.stop();
    end.expires_after(std::chrono::milliseconds(5));
    end.async_wait([&](beast::error_code) { check(); });
  };
  end.expires_at(run.measure_until);
  end.async_wait([&](beast::error_code) {
    run.stopping = true;
    check();
  });
  run_threads(ioc, o.threads);

  Tally all;
  for (auto& t : tallies) {
    all.latencies_us.insert(all.latencies_us.end(), t.latencies_us.begin(), t.latencies_us.end());
    for (const auto& [status, count] : t.statuses) all.statuses[status] += count;
    all.ok_total += t.ok_total;
    all.errors += t.errors;
    all.transport_errors += t.transport_errors;
    for (auto& s : t.error_samples)
      if (all.error_samples.size() < 5) all.error_samples.push_back(s);
  }
  std::sort(all.latencies_us.begin(), all.latencies_us.end());
  const double rps = static_cast<double>(all.latencies_us.size()) / o.duration;
  std::string statuses;
  for (const auto& [status, count] : all.statuses)
    statuses +=
        (statuses.empty() ? "" : ",") + std::to_string(status) + ":" + std::to_string(count);
  if (all.transport_errors)
    statuses += (statuses.empty() ? "" : ",") + std::string("transport:") +
                std::to_string(all.transport_errors);
  std::printf(
      "result scenario=%s connections=%u requests=%zu seconds=%.2f rps=%.1f p50_ms=%.3f "
      "p99_ms=%.3f p999_ms=%.3f max_ms=%.3f errors=%llu ok_total=%llu statuses=%s\n",
      o.name.c_str(), o.connections, all.latencies_us.size(), o.duration, rps,
      percentile_ms(all.latencies_us, 0.50), percentile_ms(all.latencies_us, 0.99),
      percentile_ms(all.latencies_us, 0.999),
      all.latencies_us.empty() ? 0.0 : all.latencies_us.back() / 1000.0,
      static_cast<unsigned long long>(all.errors), static_cast<unsigned long long>(all.ok_total),
      statuses.empty() ? "-" : statuses.c_str());
  std::fflush(stdout);
  for (const auto& s : all.error_samples)
    std::fprintf(stderr, "tarjotin-loadgen: %s: %s\n", o.name.c_str(), s.c_str());
  return all.errors == 0 && !all.latencies_us.empty() ? 0 : 1;
}

// --hold: N connections opened (at most 64 handshakes at a time, so the listen backlog is not
// what is measured), one request each, then held open with a read pending that notices the
// server closing them.
struct HoldState {
  const Options& options;
  net::io_context& ioc;
  ssl::context& tls;
  tcp::resolver::results_type endpoints;
  unsigned started = 0;
  unsigned ready = 0;
  unsigned failed = 0;
  unsigned closed_by_server = 0;
  std::string first_error;
  std::function<void()> spawn;
  std::function<void()> all_settled;
};

class Holder : public std::enable_shared_from_this<Holder> {
 public:
  explicit Holder(HoldState& s) : s_(s) {}

  void start() {
    stream_.emplace(s_.ioc, s_.tls);
    SSL_set_tlsext_host_name(stream_->native_handle(), s_.options.host.c_str());
    beast::get_lowest_layer(*stream_).expires_after(seconds(s_.options.timeout));
    beast::get_lowest_layer(*stream_).async_connect(
        s_.endpoints, [self = shared_from_this()](beast::error_code ec, const tcp::endpoint&) {
          if (ec) return self->settle(false, "connect: " + ec.message());
          self->stream_->async_handshake(ssl::stream_base::client, [self](beast::error_code e) {
            if (e) return self->settle(false, "handshake: " + e.message());
            self->write();
          });
        });
  }

  void close() {
    if (!stream_) return;
    beast::error_code ignored;
    beast::get_lowest_layer(*stream_).socket().close(ignored);
  }

 private:
  void write() {
    const auto& o = s_.options;
    request_ = {o.method, o.path, 11};
    request_.set(http::field::host, o.host);
    request_.keep_alive(true);
    for (const auto& [k, v] : o.headers) request_.set(k, v);
    if (o.has_body) {
      if (request_[http::field::content_type].empty())
        request_.set(http::field::content_type, "application/json");
      request_.body() = o.body;
    }
    request_.prepare_payload();
    http::async_write(*stream_, request_,
                      [self = shared_from_this()](beast::error_code ec, std::size_t) {
                        if (ec) return self->settle(false, "write: " + ec.message());
                        self->read();
                      });
  }

  void read() {
    http::async_read(*stream_, buffer_, response_,
                     [self = shared_from_this()](beast::error_code ec, std::size_t) {
                       if (ec) return self->settle(false, "read: " + ec.message());
                       const unsigned status = self->response_.result_int();
                       if (status < 200 || status >= 300)
                         return self->settle(false, "status " + std::to_string(status));
                       self->settle(true, "");
                     });
  }

  void settle(bool ok, const std::string& error) {
    if (ok) {
      ++s_.ready;
      beast::get_lowest_layer(*stream_).expires_never();
      // Anything arriving now is the server ending the connection.
      stream_->async_read_some(net::buffer(sink_),
                               [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                 if (ec != net::error::operation_aborted)
                                   ++self->s_.closed_by_server;
                               });
    } else {
      ++s_.failed;
      if (s_.first_error.empty()) s_.first_error = error;
      close();
    }
    if (s_.started < s_.options.hold) s_.spawn();
    if (s_.ready + s_.failed == s_.options.hold && s_.all_settled) s_.all_settled();
  }

  HoldState& s_;
  std::optional<Stream> stream_;
  beast::flat_buffer buffer_;
  http::request<http::string_body> request_;
  http::response<http::string_body> response_;
  char sink_[64];
};

int hold(const Options& o) {
  net::io_context ioc;
  ssl::context tls = client_context();
  tcp::resolver resolver(ioc);
  HoldState state{o, ioc, tls, resolver.resolve(o.host, o.port), 0, 0, 0, 0, {}, {}, {}};
  std::vector<std::shared_ptr<Holder>> holders;
  holders.reserve(o.hold);
  const auto began = Clock::now();
  net::steady_timer release(ioc);
  state.spawn = [&] {
    ++state.started;
    holders.push_back(std::make_shared<Holder>(state));
    holders.back()->start();
  };
  state.all_settled = [&] {
    const double opening = std::chrono::duration<double>(Clock::now() - began).count();
    // The line the caller waits for before it reads the server's memory.
    std::printf("holding open=%u failed=%u opening_seconds=%.2f\n", state.ready, state.failed,
                opening);
    std::fflush(stdout);
    release.expires_after(seconds(o.duration));
    release.async_wait([&](beast::error_code) {
      std::printf(
          "result scenario=%s hold=%u open=%u failed=%u closed_by_server=%u "
          "held_seconds=%.1f\n",
          o.name.c_str(), o.hold, state.ready, state.failed, state.closed_by_server, o.duration);
      std::fflush(stdout);
      for (auto& h : holders) h->close();
    });
  };
  for (unsigned i = 0; i < std::min(o.hold, 64u); ++i) state.spawn();
  if (o.hold == 0) return 0;
  ioc.run();
  if (!state.first_error.empty())
    std::fprintf(stderr, "tarjotin-loadgen: hold: %s\n", state.first_error.c_str());
  return state.failed == 0 && state.closed_by_server == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Options options = parse(argc, argv);
    raise_open_file_limit();
    return options.hold > 0 ? hold(options) : load(options);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "tarjotin-loadgen: %s\n", e.what());
    return 2;
  }
}
