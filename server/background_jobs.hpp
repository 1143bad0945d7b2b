#pragma once
// Work the server does on its own, on a timer: today, lapsing overdue re-confirmations. Every
// replica runs it; the jobs are written so that running them twice at once does no harm.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "server/log.hpp"

namespace tarjotin::server {

class BackgroundJobs {
 public:
  BackgroundJobs(std::chrono::seconds interval, Log& log, std::function<int()> lapse);
  ~BackgroundJobs();  // stops and joins
  BackgroundJobs(const BackgroundJobs&) = delete;
  BackgroundJobs& operator=(const BackgroundJobs&) = delete;

  void stop();

 private:
  void run();

  std::chrono::seconds interval_;
  Log& log_;
  std::function<int()> lapse_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace tarjotin::server
