// tarjotin-order-storm: the client side of the crash test (tests/crash/crash_test.sh).
//
//   free-port                     print a free loopback TCP port
//   setup  --port P --state FILE --places SMALL,LARGE
//          as a demo provider, offer two services with that many places; as a demo coach,
//          record customers who see both on a choice set; write the ids to FILE
//   storm  --port P --state FILE --journal FILE --round R [--orders N] [--signal FIFO]
//          sign in as the coach, make N choice sets (a set backs one order), open N
//          connections and, once all are through their TLS
//          handshakes, place N orders at once, each with its own Idempotency-Key; journal
//          every outcome, "unknown" when the server vanished
//   resend --port P --journal FILE
//          send every order whose latest outcome is unknown again, with the same key and body
//   verify --state FILE --journal FILE --orders TSV --offerings-before TSV
//          --offerings-after TSV --rounds R
//          compare the journal with the database dumps and print what was found
//
// The journal is a tab-separated file, one fsync'd line per outcome, so that what the client
// was told survives whatever happens to either process:
//   order  PHASE ROUND KEY CHOICE_SET OFFERING STATUS ORDER_ID REPLAYED AT_MS DETAIL
//   round  ROUND SIGNED_IN SENT ELAPSED_MS
// STATUS is the HTTP status or "unknown"; ORDER_ID is "-" unless STATUS is 201; AT_MS is when
// the outcome was known, in milliseconds since the client started.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <rapidjson/document.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

// The demo users (server/demo_data.cpp).
constexpr const char* kPassword = "tarjotin-demo-2026";
constexpr const char* kCoach = "valmentaja@kuopio.example";
constexpr const char* kProvider = "myynti@savontyovalmennus.example";
// A customer-choice category the demo provider above is admitted to, and which the demo data
// leaves without offerings, so the test's offerings are the only ones in it.
constexpr const char* kCategoryName = "Targeted job search and coaching";
constexpr int kCustomers = 4;
constexpr const char* kChoiceReason = "crash test";
constexpr auto kTimeout = std::chrono::seconds(30);

[[noreturn]] void fail(const std::string& what) { throw std::runtime_error(what); }

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::string::size_type start = 0;
  for (;;) {
    const auto end = line.find(sep, start);
    out.push_back(line.substr(start, end - start));
    if (end == std::string::npos) return out;
    start = end + 1;
  }
}

std::vector<std::string> lines_of(const std::string& path) {
  std::ifstream in(path);
  if (!in) fail("cannot read " + path);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(line);
  return out;
}

// --name value pairs after the command.
class Args {
 public:
  Args(int argc, char** argv, int first) {
    for (int i = first; i < argc; ++i) {
      const std::string name = argv[i];
      if (name.rfind("--", 0) != 0 || i + 1 >= argc) fail("expected --name value, got " + name);
      values_[name.substr(2)] = argv[++i];
    }
  }
  bool has(const std::string& name) const { return values_.count(name) > 0; }
  std::string text(const std::string& name) const {
    const auto it = values_.find(name);
    if (it == values_.end()) fail("--" + name + " is required");
    return it->second;
  }
  long number(const std::string& name, std::optional<long> fallback = std::nullopt) const {
    if (!values_.count(name) && fallback) return *fallback;
    const std::string v = text(name);
    std::size_t used = 0;
    const long n = std::stol(v, &used);
    if (used != v.size()) fail("--" + name + " is not a number: " + v);
    return n;
  }

 private:
  std::map<std::string, std::string> values_;
};

std::string json_string(const std::string& body, const char* name) {
  rapidjson::Document doc;
  doc.Parse(body.data(), body.size());
  if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember(name) || !doc[name].IsString())
    return "";
  return doc[name].GetString();
}

// "no-free-places" from a problem's "urn:tarjotin:problem:no-free-places".
std::string problem_slug(const std::string& body) {
  const std::string type = json_string(body, "type");
  const auto colon = type.rfind(':');
  return colon == std::string::npos ? "no-problem-type" : type.substr(colon + 1);
}

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

// ---------------------------------------------------------------------------------------------
// HTTPS, one connection per request (Connection: close), so a request in flight is exactly a
// connection open when the server dies.

struct Outcome {
  bool answered = false;  // a whole response was read
  unsigned status = 0;
  std::string body;
  bool replayed = false;
  std::string error;  // what went wrong when not answered
};

struct Request {
  http::verb method = http::verb::get;
  std::string target;
  std::string body;
  std::string token;
  std::string idempotency_key;
};

// Holds every connection of a storm, once connected and through its TLS handshake, until all
// are, then lets their requests go at once: the server sees N orders arrive together rather
// than spread over the time the handshakes take.
class Gate {
 public:
  Gate(net::io_context& io, std::size_t expected, std::function<void()> on_open)
      : timer_(io, Clock::time_point::max()), expected_(expected), on_open_(std::move(on_open)) {}

  // A connection ready to send; `wait` is false for one that failed and will send nothing.
  net::awaitable<void> arrive(bool wait) {
    if (++arrived_ == expected_) {
      open_ = true;
      timer_.cancel();
      on_open_();
    }
    if (open_ || !wait) co_return;
    beast::error_code ec;
    co_await timer_.async_wait(net::redirect_error(net::use_awaitable, ec));
  }

 private:
  net::steady_timer timer_;
  std::size_t expected_;
  std::size_t arrived_ = 0;
  bool open_ = false;
  std::function<void()> on_open_;
};

class Client {
 public:
  Client(net::io_context& io, unsigned short port)
      : io_(io),
        tls_(ssl::context::tls_client),
        endpoint_(net::ip::make_address("127.0.0.1"), port) {
    tls_.set_verify_mode(ssl::verify_none);  // the test's certificate is self-signed
  }

  net::awaitable<Outcome> call(Request r, Gate* gate = nullptr) {
    http::request<http::string_body> req{r.method, r.target, 11};
    req.set(http::field::host, "localhost");
    if (!r.body.empty()) req.set(http::field::content_type, "application/json");
    if (!r.token.empty()) req.set(http::field::authorization, "Bearer " + r.token);
    if (!r.idempotency_key.empty()) req.set("Idempotency-Key", r.idempotency_key);
    req.body() = std::move(r.body);
    req.prepare_payload();
    req.keep_alive(false);

    Outcome out;
    beast::ssl_stream<beast::tcp_stream> stream(co_await net::this_coro::executor, tls_);
    SSL_set_tlsext_host_name(stream.native_handle(), "localhost");
    auto& socket = beast::get_lowest_layer(stream);
    const char* step = "connect";
    beast::error_code ec;
    auto on_error = net::redirect_error(net::use_awaitable, ec);
    socket.expires_after(kTimeout);
    co_await socket.async_connect(endpoint_, on_error);
    if (!ec) {
      step = "handshake";
      co_await stream.async_handshake(ssl::stream_base::client, on_error);
    }
    if (gate) co_await gate->arrive(!ec);
    if (!ec) {
      step = "write";
      socket.expires_after(kTimeout);  // the time at the gate is not the server's
      co_await http::async_write(stream, req, on_error);
    }
    beast::flat_buffer buffer;
    http::response<http::string_body> res;
    if (!ec) {
      step = "read";
      co_await http::async_read(stream, buffer, res, on_error);
    }
    if (ec) {
      out.error = std::string(step) + ": " + ec.message();
      co_return out;
    }
    out.answered = true;
    out.status = res.result_int();
    out.body = std::move(res.body());
    out.replayed = res["Idempotent-Replayed"] == "true";
    socket.expires_after(std::chrono::seconds(2));
    co_await stream.async_shutdown(on_error);  // a courtesy; its failure changes nothing
    co_return out;
  }

  // One request, waited for.
  Outcome request(Request r) {
    std::optional<Outcome> out;
    net::co_spawn(io_, call(std::move(r)), [&](std::exception_ptr e, Outcome o) {
      if (e) std::rethrow_exception(e);
      out = std::move(o);
    });
    io_.restart();
    io_.run();
    return std::move(*out);
  }

  Outcome post(const std::string& target, const std::string& body, const std::string& token) {
    return request({http::verb::post, target, body, token, ""});
  }
  Outcome get(const std::string& target, const std::string& token) {
    return request({http::verb::get, target, "", token, ""});
  }

  // The bearer token; nothing when the server is not there to answer.
  std::optional<std::string> sign_in(const char* email) {
    const auto r =
        post("/v1/sessions",
             "{\"email\":" + quoted(email) + ",\"password\":" + quoted(kPassword) + "}", "");
    if (!r.answered) return std::nullopt;
    if (r.status != 201) fail("signing in as " + std::string(email) + ": " + r.body);
    return json_string(r.body, "token");
  }

 private:
  net::io_context& io_;
  ssl::context tls_;
  tcp::endpoint endpoint_;
};

Outcome expect(Outcome r, unsigned status, const std::string& what) {
  if (!r.answered) fail(what + ": " + r.error);
  if (r.status != status) fail(what + ": HTTP " + std::to_string(r.status) + " " + r.body);
  return r;
}

// ---------------------------------------------------------------------------------------------
// The journal: lines appended by the I/O thread, written and fsync'd one by one by a thread of
// their own, so that a slow disk does not hold back the responses still arriving.

class Journal {
 public:
  explicit Journal(const std::string& path)
      : fd_(::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644)) {
    if (fd_ < 0) fail("cannot open the journal " + path + ": " + std::strerror(errno));
    writer_ = std::thread([this] { write_lines(); });
  }
  Journal(const Journal&) = delete;
  Journal& operator=(const Journal&) = delete;
  ~Journal() {
    stop();
    ::close(fd_);
  }

  void append(std::string line) {
    line.push_back('\n');
    {
      std::lock_guard lock(mutex_);
      pending_.push_back(std::move(line));
    }
    wake_.notify_one();
  }

  // Waits until every line is on disk; throws if one could not be written.
  void close() {
    stop();
    if (!error_.empty()) fail(error_);
  }

 private:
  void stop() {
    {
      std::lock_guard lock(mutex_);
      closing_ = true;
    }
    wake_.notify_one();
    if (writer_.joinable()) writer_.join();
  }

  void write_lines() {
    std::unique_lock lock(mutex_);
    for (;;) {
      wake_.wait(lock, [this] { return closing_ || !pending_.empty(); });
      if (pending_.empty()) return;
      std::string line = std::move(pending_.front());
      pending_.pop_front();
      lock.unlock();
      const bool ok = write_all(line) && ::fsync(fd_) == 0;
      lock.lock();
      if (!ok && error_.empty())
        error_ = std::string("writing the journal: ") + std::strerror(errno);
    }
  }

  bool write_all(const std::string& line) {
    std::size_t done = 0;
    while (done < line.size()) {
      const ssize_t n = ::write(fd_, line.data() + done, line.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      done += static_cast<std::size_t>(n);
    }
    return true;
  }

  int fd_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::string> pending_;
  bool closing_ = false;
  std::string error_;
  std::thread writer_;
};

// ---------------------------------------------------------------------------------------------
// The world the storm orders in, made once by `setup`.

struct State {
  std::vector<std::pair<std::string, long>> offerings;  // id, places when offered
  std::string category;
  std::vector<std::string> customers;  // each sees every offering above on a choice set
};

State read_state(const std::string& path) {
  State s;
  for (const auto& line : lines_of(path)) {
    const auto f = split(line, '\t');
    if (f.size() == 3 && f[0] == "offering")
      s.offerings.emplace_back(f[1], std::stol(f[2]));
    else if (f.size() == 2 && f[0] == "category")
      s.category = f[1];
    else if (f.size() == 2 && f[0] == "customer")
      s.customers.push_back(f[1]);
    else
      fail("unreadable state line: " + line);
  }
  if (s.offerings.empty() || s.customers.empty() || s.category.empty())
    fail("the state file " + path + " is incomplete");
  return s;
}

std::string today_utc() {
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day ymd{today};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return text;
}

std::string find_category(Client& client) {
  const auto dpss = expect(client.get("/v1/dps", ""), 200, "listing DPSs");
  rapidjson::Document list;
  list.Parse(dpss.body.c_str());
  if (!list.IsObject() || !list.HasMember("items")) fail("unexpected DPS list: " + dpss.body);
  for (const auto& dps : list["items"].GetArray()) {
    const std::string id = dps["id"].GetString();
    const auto r = expect(client.get("/v1/dps/" + id + "/categories", ""), 200, "categories");
    rapidjson::Document categories;
    categories.Parse(r.body.c_str());
    for (const auto& c : categories["items"].GetArray())
      if (c["name"].IsObject() && c["name"].HasMember("en") && c["name"]["en"].IsString() &&
          std::string(c["name"]["en"].GetString()) == kCategoryName)
        return c["id"].GetString();
  }
  fail(std::string("no category named '") + kCategoryName + "'; was `tarjotin seed-demo` run?");
}

int setup(const Args& args) {
  const auto places = split(args.text("places"), ',');
  net::io_context io;
  Client client(io, static_cast<unsigned short>(args.number("port")));
  const std::string category = find_category(client);

  const auto provider = client.sign_in(kProvider);
  if (!provider) fail("the server does not answer");
  std::ostringstream state;
  std::vector<std::string> offering_ids;
  for (const auto& p : places) {
    const std::string body =
        R"({"description":{"fi":"Kuormitustestin palvelu","en":"Crash test service"},)"
        R"("unit_price_cents":120000,"free_places":)" +
        p + R"(,"regions":["297"],"languages":["fi"],"earliest_start":")" + today_utc() +
        R"(","typical_duration_days":30})";
    const auto r = expect(client.post("/v1/categories/" + category + "/offerings", body, *provider),
                          201, "offering");
    offering_ids.push_back(json_string(r.body, "id"));
    state << "offering\t" << offering_ids.back() << '\t' << std::stol(p) << '\n';
  }

  const auto coach = client.sign_in(kCoach);
  if (!coach) fail("the server does not answer");
  state << "category\t" << category << '\n';
  for (int i = 1; i <= kCustomers; ++i) {
    const std::string reference = "CRASH-STORM-" + std::to_string(i);
    auto found = client.get("/v1/customers?reference=" + reference, *coach);
    if (!found.answered || found.status != 200)
      found = expect(client.post("/v1/customers",
                                 R"({"reference":")" + reference +
                                     R"(","region":"297","languages":["fi"],)"
                                     R"("unemployment_band":"from_3_to_12_months",)"
                                     R"("age_band":"from_30_to_54"})",
                                 *coach),
                     201, "customer");
    const auto set = expect(client.post("/v1/choice-sets",
                                        R"({"category_id":")" + category + R"(","customer_id":")" +
                                            json_string(found.body, "id") + R"("})",
                                        *coach),
                            201, "choice set");
    for (const auto& id : offering_ids)
      if (set.body.find(id) == std::string::npos) fail("the choice set lacks offering " + id);
    state << "customer\t" << json_string(found.body, "id") << '\n';
  }
  std::ofstream out(args.text("state"));
  out << state.str();
  out.close();
  if (!out) fail("cannot write the state file");
  std::printf("setup: %zu offerings (places %s) in category %s, %d customers who see them\n",
              offering_ids.size(), args.text("places").c_str(), category.c_str(), kCustomers);
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Placing orders.

// A full offering: 409 no-free-places, or 422 in-choice-set when it was full before the order's
// choice set was made (so the set does not list it).
bool refused_as_full(unsigned status, const std::string& detail) {
  return (status == 409 && detail == "no-free-places") ||
         (status == 422 && detail == "in-choice-set");
}

struct Placement {
  std::string key;
  std::string choice_set;
  std::string offering;
  long round = 0;
};

struct Tally {
  int created = 0;   // 201, a new order
  int replayed = 0;  // 201 with Idempotent-Replayed: the order had landed before
  int full = 0;      // 409 no-free-places
  int other = 0;     // any other answer
  int unknown = 0;   // no answer: the server went away
  long first_answer_ms = -1, last_answer_ms = -1;
  std::string summary() const {
    std::string s = "created=" + std::to_string(created) + " replayed=" + std::to_string(replayed) +
                    " full=" + std::to_string(full) + " other=" + std::to_string(other) +
                    " unknown=" + std::to_string(unknown);
    if (first_answer_ms >= 0)
      s += " answers_ms=" + std::to_string(first_answer_ms) + ".." + std::to_string(last_answer_ms);
    return s;
  }
};

std::string order_body(const Placement& p) {
  return R"({"choice_set_id":")" + p.choice_set + R"(","offering_id":")" + p.offering +
         R"(","chosen_by_customer":true,"choice_reason":")" + kChoiceReason + R"("})";
}

long ms_since(Clock::time_point start) {
  return static_cast<long>(
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count());
}

net::awaitable<void> place(Client& client, const std::string& token, Placement p, const char* phase,
                           Clock::time_point start, Gate* gate, Journal& journal, Tally& tally) {
  // A named request: GCC 12 destroys a temporary argument of a co_await'ed call twice.
  Request request{http::verb::post, "/v1/orders", order_body(p), token, p.key};
  const Outcome r = co_await client.call(std::move(request), gate);
  const long at = ms_since(start);
  std::string status = "unknown", order_id = "-", detail;
  if (!r.answered) {
    ++tally.unknown;
    detail = r.error;
  } else {
    if (tally.first_answer_ms < 0) tally.first_answer_ms = at;
    tally.last_answer_ms = at;
    status = std::to_string(r.status);
    if (r.status == 201) {
      order_id = json_string(r.body, "id");
      ++(r.replayed ? tally.replayed : tally.created);
      detail = r.replayed ? "replayed" : "created";
    } else {
      detail = problem_slug(r.body);
      // Refused for want of places: when the order came, or already when its set was made.
      if (r.status == 422 && r.body.find("\"in-choice-set\"") != std::string::npos)
        detail = "in-choice-set";
      ++(refused_as_full(r.status, detail) ? tally.full : tally.other);
    }
  }
  for (char& c : detail)
    if (c == '\t' || c == '\n') c = ' ';
  journal.append(std::string("order\t") + phase + '\t' + std::to_string(p.round) + '\t' + p.key +
                 '\t' + p.choice_set + '\t' + p.offering + '\t' + status + '\t' + order_id + '\t' +
                 (r.replayed ? "1" : "0") + '\t' + std::to_string(at) + '\t' + detail);
}

void place_all(Client& client, net::io_context& io, const std::string& token,
               const std::vector<Placement>& placements, const char* phase, Clock::time_point start,
               Gate* gate, Journal& journal, Tally& tally) {
  for (const auto& p : placements)
    net::co_spawn(io, place(client, token, p, phase, start, gate, journal, tally), net::detached);
  io.restart();
  io.run();
}

std::string order_key(long round, long seq) {
  char key[48];
  std::snprintf(key, sizeof key, "crash-r%02ld-%05ld", round, seq);
  return key;
}

// `count` fresh choice sets, one after another; a 503 (storage refusing for a moment, as the
// fault tests make it) is tried again. Nothing when the server stops answering.
struct MadeSet {
  std::string id;
  std::set<std::string> offerings;  // those it lists (not those it left out)
};

MadeSet made_set(const std::string& body) {
  rapidjson::Document d;
  d.Parse(body.c_str());
  if (!d.IsObject() || !d.HasMember("entries")) fail("unexpected choice set: " + body);
  MadeSet set{d["id"].GetString(), {}};
  for (const auto& e : d["entries"].GetArray()) set.offerings.insert(e["offering_id"].GetString());
  return set;
}
std::optional<std::vector<MadeSet>> make_choice_sets(Client& client, const std::string& token,
                                                     const State& state, long count) {
  std::vector<MadeSet> sets;
  for (long i = 0; i < count; ++i) {
    const auto& customer = state.customers[static_cast<std::size_t>(i) % state.customers.size()];
    const std::string body =
        R"({"category_id":")" + state.category + R"(","customer_id":")" + customer + R"("})";
    for (int attempt = 0;; ++attempt) {
      const auto r = client.post("/v1/choice-sets", body, token);
      if (!r.answered) return std::nullopt;
      if (r.status == 201) {
        sets.push_back(made_set(r.body));
        break;
      }
      if (r.status != 503 || attempt == 50)
        fail("choice set: HTTP " + std::to_string(r.status) + " " + r.body);
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  return sets;
}

int storm(const Args& args) {
  const State state = read_state(args.text("state"));
  const long round = args.number("round");
  const long orders = args.number("orders", 200);
  Journal journal(args.text("journal"));
  net::io_context io;
  Client client(io, static_cast<unsigned short>(args.number("port")));
  // One line, "fired MS" or "not-fired", to --signal (a FIFO the test script reads) when the
  // orders go, so that the script can time its kill from that moment.
  const std::string signal_path = args.has("signal") ? args.text("signal") : "";
  bool signalled = false;
  auto signal = [&](const std::string& line) {
    if (signal_path.empty() || signalled) return;
    signalled = true;
    std::ofstream out(signal_path);
    out << line << std::endl;
  };
  const auto start = Clock::now();
  const auto token = client.sign_in(kCoach);
  if (!token) {
    signal("not-fired");
    journal.append("round\t" + std::to_string(round) + "\t0\t0\t" +
                   std::to_string(ms_since(start)));
    journal.close();
    std::printf("storm round %ld: the server was gone before the coach had signed in\n", round);
    return 0;
  }
  // Order i goes to offering i mod 2 (or however many there are), each through a choice set of
  // its own (a set backs one order), made before the storm for the customers in turn.
  const auto sets = make_choice_sets(client, *token, state, orders);
  if (!sets) {
    signal("not-fired");
    journal.append("round\t" + std::to_string(round) + "\t0\t0\t" +
                   std::to_string(ms_since(start)));
    journal.close();
    std::printf("storm round %ld: the server was gone before the choice sets were made\n", round);
    return 0;
  }
  // An offering that filled up in an earlier round is on no new set; its orders go to the
  // first offering the set does list (the one with places to spare).
  std::vector<Placement> placements;
  const auto n_offerings = static_cast<long>(state.offerings.size());
  for (long i = 0; i < orders; ++i) {
    const MadeSet& set = (*sets)[static_cast<std::size_t>(i)];
    const std::string wanted = state.offerings[static_cast<std::size_t>(i % n_offerings)].first;
    std::string offering = wanted;
    for (std::size_t k = 0; !offering.empty() && !set.offerings.count(offering); ++k)
      offering = k < state.offerings.size() ? state.offerings[k].first : "";
    // Every offering full when the set was made: ordered anyway, refused as not on the set.
    placements.push_back(
        {order_key(round, i), set.id, offering.empty() ? wanted : offering, round});
  }
  const long sent = static_cast<long>(placements.size());
  Tally tally;
  long fired_ms = -1;
  Gate gate(io, placements.size(), [&] {
    fired_ms = ms_since(start);
    signal("fired " + std::to_string(fired_ms));
  });
  place_all(client, io, *token, placements, "storm", start, &gate, journal, tally);
  signal("not-fired");  // when every connection failed before the gate
  const long ms = ms_since(start);
  journal.append("round\t" + std::to_string(round) + "\t1\t" + std::to_string(sent) + '\t' +
                 std::to_string(ms));
  journal.close();
  std::printf("storm round %ld: %s fired_ms=%ld elapsed_ms=%ld\n", round, tally.summary().c_str(),
              fired_ms, ms);
  return 0;
}

// ---------------------------------------------------------------------------------------------
// The journal read back.

struct Record {
  std::string phase;
  long round = 0;
  std::string key, choice_set, offering, status, order_id;
  bool replayed = false;
  std::string detail;
};

struct RoundRecord {
  long round = 0;
  bool signed_in = false;
  long sent = 0;
};

struct Journaled {
  std::vector<Record> orders;
  std::vector<RoundRecord> rounds;
};

Journaled read_journal(const std::string& path) {
  Journaled j;
  std::ifstream probe(path);
  if (!probe) return j;  // nothing journaled yet
  for (const auto& line : lines_of(path)) {
    const auto f = split(line, '\t');
    if (f[0] == "order" && f.size() == 11)
      j.orders.push_back({f[1], std::stol(f[2]), f[3], f[4], f[5], f[6], f[7], f[8] == "1", f[10]});
    else if (f[0] == "round" && f.size() == 5)
      j.rounds.push_back({std::stol(f[1]), f[2] == "1", std::stol(f[3])});
    else
      fail("unreadable journal line: " + line);
  }
  return j;
}

// Each key's records in journal order, keys in the order first seen.
std::vector<std::pair<std::string, std::vector<const Record*>>> by_key(const Journaled& j) {
  std::vector<std::pair<std::string, std::vector<const Record*>>> out;
  std::map<std::string, std::size_t> index;
  for (const auto& r : j.orders) {
    auto [it, fresh] = index.emplace(r.key, out.size());
    if (fresh) out.push_back({r.key, {}});
    out[it->second].second.push_back(&r);
  }
  return out;
}

int resend(const Args& args) {
  const auto journaled = read_journal(args.text("journal"));
  std::vector<Placement> again;
  for (const auto& [key, records] : by_key(journaled)) {
    const Record& last = *records.back();
    if (last.status == "unknown")
      again.push_back({key, last.choice_set, last.offering, last.round});
  }
  if (again.empty()) {
    std::printf("resend: no outcome unknown\n");
    return 0;
  }
  Journal journal(args.text("journal"));
  net::io_context io;
  Client client(io, static_cast<unsigned short>(args.number("port")));
  const auto token = client.sign_in(kCoach);
  if (!token) fail("the server does not answer");
  Tally tally;
  place_all(client, io, *token, again, "resend", Clock::now(), nullptr, journal, tally);
  journal.close();
  std::printf("resend: %zu unknown, now %s\n", again.size(), tally.summary().c_str());
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Checking the journal against the database.

struct OfferingRow {
  long free_places = 0;
  long active_orders = 0;  // orders neither declined nor cancelled: each holds a place
};

std::map<std::string, OfferingRow> read_offerings(const std::string& path) {
  std::map<std::string, OfferingRow> out;
  for (const auto& line : lines_of(path)) {
    const auto f = split(line, '\t');
    if (f.size() != 3) fail("unreadable offering line: " + line);
    out[f[0]] = {std::stol(f[1]), std::stol(f[2])};
  }
  return out;
}

struct OrderRow {
  std::string id, offering, state;
};

class Checks {
 public:
  void check(bool ok, const std::string& name, const std::string& evidence) {
    std::printf("  [%s] %s%s%s\n", ok ? "pass" : "FAIL", name.c_str(), ok ? "" : ": ",
                ok ? "" : evidence.c_str());
    ++(ok ? passed_ : failed_);
  }
  int passed() const { return passed_; }
  int failed() const { return failed_; }

 private:
  int passed_ = 0, failed_ = 0;
};

// At most a few examples of what went wrong, so a failure shows its evidence without a flood.
class Evidence {
 public:
  void add(const std::string& what) {
    if (++count_ <= 5) text_ += (text_.empty() ? "" : "; ") + what;
  }
  bool empty() const { return count_ == 0; }
  std::string str() const {
    return std::to_string(count_) + " case(s): " + text_ + (count_ > 5 ? "; ..." : "");
  }

 private:
  int count_ = 0;
  std::string text_;
};

int verify(const Args& args) {
  const State state = read_state(args.text("state"));
  const auto journaled = read_journal(args.text("journal"));
  const long rounds = args.number("rounds");
  const auto before = read_offerings(args.text("offerings-before"));
  const auto after = read_offerings(args.text("offerings-after"));
  std::multimap<std::string, OrderRow> stored;  // idempotency key -> order
  for (const auto& line : lines_of(args.text("orders"))) {
    const auto f = split(line, '\t');
    if (f.size() != 4) fail("unreadable order line: " + line);
    stored.emplace(f[0], OrderRow{f[1], f[2], f[3]});
  }
  const auto keys = by_key(journaled);

  // What the client was told, key by key.
  long storm_created = 0, storm_full = 0, storm_unknown = 0, resent_landed = 0, resent_fresh = 0,
       resent_full = 0, resent_other = 0, unresolved = 0, acknowledged = 0;
  std::map<std::string, long> final_201_per_offering;
  Evidence lost, two_orders, phantom, odd_answers, unresolved_keys;
  std::set<std::string> final_201;
  for (const auto& [key, records] : keys) {
    std::set<std::string> ids;
    const Record* final = nullptr;
    for (const Record* r : records) {
      if (r->status == "unknown") {
        if (r->phase == "storm") ++storm_unknown;
        continue;
      }
      final = r;
      if (r->status == "201") ids.insert(r->order_id);
      const bool full = refused_as_full(std::stoi(r->status), r->detail);
      if (r->status != "201" && !full) {
        odd_answers.add(key + " answered " + r->status + " " + r->detail);
      }
      if (r->phase == "storm") {
        storm_created += r->status == "201";
        storm_full += full;
      } else if (r->phase == "resend") {
        if (r->status == "201")
          ++(r->replayed ? resent_landed : resent_fresh);
        else if (full)
          ++resent_full;
        else
          ++resent_other;
      }
    }
    if (!final) {
      ++unresolved;
      unresolved_keys.add(key);
      continue;
    }
    if (!ids.empty()) ++acknowledged;
    if (ids.size() > 1)
      two_orders.add(key + " was answered with " + std::to_string(ids.size()) +
                     " different order ids");
    const auto [lo, hi] = stored.equal_range(key);
    const auto n_stored = std::distance(lo, hi);
    if (n_stored > 1) two_orders.add(key + " has " + std::to_string(n_stored) + " orders stored");
    for (const auto& id : ids) {
      bool found = false;
      for (auto it = lo; it != hi; ++it)
        found |= it->second.id == id && it->second.offering == final->offering;
      if (!found)
        lost.add(key + " -> order " + id + " acknowledged with 201 but not stored as such");
    }
    if (final->status == "201") {
      final_201.insert(key);
      ++final_201_per_offering[final->offering];
    } else if (n_stored > 0) {
      phantom.add(key + " was last answered " + final->status + " yet order " + lo->second.id +
                  " is stored");
    }
  }
  std::set<std::string> sent;
  for (const auto& k : keys) sent.insert(k.first);
  for (const auto& [key, row] : stored)
    if (!sent.count(key))
      phantom.add("order " + row.id + " has key " + key + ", which was never sent");

  // How each kill fell: before the coach had signed in, before any answer, mid-storm (some
  // orders answered, some lost), or after the storm had finished.
  long before_sign_in = 0, before_answers = 0, mid_storm = 0, after_storm = 0;
  for (long round = 1; round <= rounds; ++round) {
    long answered = 0, lost_answers = 0;
    bool signed_in = false;
    for (const auto& r : journaled.rounds) signed_in |= r.round == round && r.signed_in;
    for (const auto& r : journaled.orders)
      if (r.round == round && r.phase == "storm")
        ++(r.status == "unknown" ? lost_answers : answered);
    if (!signed_in && answered + lost_answers == 0)
      ++before_sign_in;
    else if (answered == 0)
      ++before_answers;
    else if (lost_answers > 0)
      ++mid_storm;
    else
      ++after_storm;
  }

  // Places: nothing but these orders ran, so each offering's places (free plus held by active
  // orders) are what they were before, and never negative.
  Evidence capacity;
  long full_offerings = 0;
  for (const auto& [id, row] : after) {
    const auto was = before.find(id);
    if (was == before.end()) {
      capacity.add("offering " + id + " appeared during the test");
      continue;
    }
    const long places = was->second.free_places + was->second.active_orders;
    if (row.free_places < 0) capacity.add("offering " + id + " has negative free places");
    if (row.active_orders > places)
      capacity.add("offering " + id + " has " + std::to_string(row.active_orders) +
                   " active orders for " + std::to_string(places) + " places");
    if (row.free_places + row.active_orders != places)
      capacity.add("offering " + id + ": " + std::to_string(row.free_places) + " free + " +
                   std::to_string(row.active_orders) + " active != " + std::to_string(places) +
                   " places before");
  }
  for (const auto& [id, places] : state.offerings) {
    const auto row = after.find(id);
    const auto was = before.find(id);
    if (row == after.end() || was == before.end()) {
      capacity.add("offering " + id + " is missing");
      continue;
    }
    if (was->second.free_places != places || was->second.active_orders != 0)
      capacity.add("offering " + id + " did not start with " + std::to_string(places) +
                   " free places");
    if (row->second.active_orders != final_201_per_offering[id])
      capacity.add("offering " + id + " has " + std::to_string(row->second.active_orders) +
                   " orders, the journal " + std::to_string(final_201_per_offering[id]));
    full_offerings += row->second.free_places == 0;
  }

  std::printf(
      "rounds killed: %ld (before sign-in %ld, before any answer %ld, mid-storm %ld, after "
      "the storm %ld)\n",
      rounds, before_sign_in, before_answers, mid_storm, after_storm);
  std::printf(
      "order keys sent: %zu; orders acknowledged (201): %ld, in the storm %ld; 409 "
      "no-free-places in the storm: %ld\n",
      keys.size(), acknowledged, storm_created, storm_full);
  std::printf(
      "unknown in the storm: %ld, resolved on re-send: had landed (replayed) %ld, placed "
      "fresh %ld, 409 full %ld, other %ld; still unknown: %ld\n",
      storm_unknown, resent_landed, resent_fresh, resent_full, resent_other, unresolved);
  std::printf("orders stored under test keys: %zu; offerings filled: %ld of %zu\n", stored.size(),
              full_offerings, state.offerings.size());
  // A choice set backs one order: no two acknowledged orders came from one set.
  std::map<std::string, std::set<std::string>> orders_per_set;
  for (const auto& r : journaled.orders)
    if (r.status == "201") orders_per_set[r.choice_set].insert(r.order_id);
  Evidence shared_sets;
  for (const auto& [set, ids] : orders_per_set)
    if (ids.size() > 1) shared_sets.add("set " + set + " backs " + std::to_string(ids.size()));
  Checks checks;
  checks.check(shared_sets.empty(), "no choice set backs two orders", shared_sets.str());
  checks.check(lost.empty(), "every order acknowledged with 201 is stored with the same id",
               lost.str());
  checks.check(two_orders.empty(), "no idempotency key has two orders", two_orders.str());
  checks.check(phantom.empty(), "no order is stored for a key that was refused or never sent",
               phantom.str());
  checks.check(capacity.empty(), "no offering over capacity, free places never negative",
               capacity.str());
  checks.check(unresolved == 0, "every unknown outcome resolved by re-sending",
               unresolved_keys.str());
  checks.check(odd_answers.empty(), "every answer was 201 or 409 no-free-places",
               odd_answers.str());
  checks.check(acknowledged > 0, "orders were acknowledged", "no 201 at all");
  checks.check(mid_storm > 0, "at least one kill landed mid-storm", "none did");
  checks.check(storm_full + resent_full > 0 && full_offerings > 0,
               "offerings filled up and orders were refused for it",
               "capacity was never reached, so the capacity check proved nothing");
  std::printf("checks: %d passed, %d failed\n", checks.passed(), checks.failed());
  return checks.failed() == 0 ? 0 : 1;
}

int free_port() {
  net::io_context io;
  tcp::acceptor acceptor(io, {net::ip::make_address("127.0.0.1"), 0});
  std::printf("%u\n", static_cast<unsigned>(acceptor.local_endpoint().port()));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: tarjotin-order-storm free-port | setup | storm | resend | verify "
                 "[--name value ...]\n(see tests/crash/order_storm.cpp)\n");
    return 2;
  }
  const std::string command = argv[1];
  try {
    const Args args(argc, argv, 2);
    if (command == "free-port") return free_port();
    if (command == "setup") return setup(args);
    if (command == "storm") return storm(args);
    if (command == "resend") return resend(args);
    if (command == "verify") return verify(args);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "tarjotin-order-storm %s: %s\n", command.c_str(), e.what());
    return 1;
  }
  std::fprintf(stderr, "tarjotin-order-storm: unknown command %s\n", command.c_str());
  return 2;
}
