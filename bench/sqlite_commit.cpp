// tarjotin-sqlite-ceiling: how many one-row transactions SQLite commits per second on this disk
// with the server's settings (WAL, synchronous=FULL, BEGIN IMMEDIATE). Every durable write the
// server acknowledges costs at least one such commit, so this is the ceiling for order placement
// on SQLite. Measured from one thread, then from several threads with a connection each
// contending for the single writer, as the server's workers do.
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

const char* kUsage =
    "Usage: tarjotin-sqlite-ceiling --dir DIR [--seconds T] [--threads N]\n"
    "  --dir DIR       where the fresh database file is made (the disk under test)\n"
    "  --seconds T     seconds per measurement (default 5)\n"
    "  --threads N     contending threads for the second measurement; 0 skips it (default 16)\n"
    "Prints: result sqlite_commits threads=1 commits=... seconds=... commits_per_s=...\n"
    "        and the same with threads=N.\n";

void exec(sqlite3* db, const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    std::string text = error ? error : "unknown error";
    sqlite3_free(error);
    throw std::runtime_error(std::string(sql) + ": " + text);
  }
}

sqlite3* open(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK)
    throw std::runtime_error("cannot open " + path + ": " + sqlite3_errmsg(db));
  // The busy timeout first: connections opened together contend for the lock that switching
  // the journal mode takes.
  exec(db, "PRAGMA busy_timeout = 10000");
  exec(db, "PRAGMA journal_mode = WAL");
  exec(db, "PRAGMA synchronous = FULL");
  return db;
}

// One thread's loop: BEGIN IMMEDIATE, one INSERT, COMMIT, until the deadline.
long long commit_loop(const std::string& path, std::chrono::steady_clock::time_point until,
                      int thread) {
  sqlite3* db = open(path);
  sqlite3_stmt* insert = nullptr;
  if (sqlite3_prepare_v2(db, "INSERT INTO t (thread, payload) VALUES (?, ?)", -1, &insert,
                         nullptr) != SQLITE_OK)
    throw std::runtime_error(sqlite3_errmsg(db));
  const std::string payload(200, 'x');  // about the size of an order's audit event
  long long commits = 0;
  while (std::chrono::steady_clock::now() < until) {
    exec(db, "BEGIN IMMEDIATE");
    sqlite3_bind_int(insert, 1, thread);
    sqlite3_bind_text(insert, 2, payload.data(), static_cast<int>(payload.size()), SQLITE_STATIC);
    if (sqlite3_step(insert) != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db));
    sqlite3_reset(insert);
    exec(db, "COMMIT");
    ++commits;
  }
  sqlite3_finalize(insert);
  sqlite3_close(db);
  return commits;
}

void measure(const std::string& path, int threads, double seconds) {
  const auto start = std::chrono::steady_clock::now();
  const auto until = start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                 std::chrono::duration<double>(seconds));
  std::atomic<long long> total{0};
  std::vector<std::thread> pool;
  std::string failure;
  std::mutex failure_mutex;
  for (int i = 0; i < threads; ++i)
    pool.emplace_back([&, i] {
      try {
        total += commit_loop(path, until, i);
      } catch (const std::exception& e) {
        std::lock_guard lock(failure_mutex);
        failure = e.what();
      }
    });
  for (auto& t : pool) t.join();
  if (!failure.empty()) throw std::runtime_error(failure);
  const double took =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("result sqlite_commits threads=%d commits=%lld seconds=%.2f commits_per_s=%.1f\n",
              threads, total.load(), took, static_cast<double>(total.load()) / took);
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir;
  double seconds = 5;
  int threads = 16;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--help" || flag == "-h") {
      std::cout << kUsage;
      return 0;
    }
    if (i + 1 >= argc) {
      std::fprintf(stderr, "tarjotin-sqlite-ceiling: %s needs a value\n", flag.c_str());
      return 2;
    }
    const std::string value = argv[++i];
    if (flag == "--dir")
      dir = value;
    else if (flag == "--seconds")
      seconds = std::atof(value.c_str());
    else if (flag == "--threads")
      threads = std::atoi(value.c_str());
    else {
      std::fprintf(stderr, "tarjotin-sqlite-ceiling: unknown option %s\n%s", flag.c_str(), kUsage);
      return 2;
    }
  }
  if (dir.empty() || seconds <= 0) {
    std::fprintf(stderr, "%s", kUsage);
    return 2;
  }
  const std::string path = dir + "/sqlite-ceiling.db";
  try {
    std::filesystem::create_directories(dir);
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    sqlite3* db = open(path);
    exec(db, "CREATE TABLE t (id INTEGER PRIMARY KEY, thread INTEGER NOT NULL, payload TEXT)");
    sqlite3_close(db);
    measure(path, 1, seconds);
    if (threads > 1) measure(path, threads, seconds);
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "tarjotin-sqlite-ceiling: %s\n", e.what());
    return 1;
  }
  return 0;
}
