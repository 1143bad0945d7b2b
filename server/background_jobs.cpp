#include "server/background_jobs.hpp"

namespace tarjotin::server {

BackgroundJobs::BackgroundJobs(std::chrono::seconds interval, Log& log, std::function<int()> lapse)
    : interval_(interval), log_(log), lapse_(std::move(lapse)), thread_([this] { run(); }) {}

BackgroundJobs::~BackgroundJobs() { stop(); }

void BackgroundJobs::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void BackgroundJobs::run() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    try {
      if (const int lapsed = lapse_(); lapsed > 0)
        log_.info("re-confirmations lapsed", {{"count", std::to_string(lapsed), true}});
    } catch (const std::exception& e) {
      // The database may be away for a moment; the next round tries again.
      log_.error("background job failed", {{"error", e.what()}});
    }
    lock.lock();
    wake_.wait_for(lock, interval_, [this] { return stopping_; });
  }
}

}  // namespace tarjotin::server
