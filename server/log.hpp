#pragma once
// Structured logs: one JSON object per line on standard output, for the access log and for
// events. Callers pass only what is safe to keep: never tokens, passwords or request bodies.

#include <initializer_list>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

namespace tarjotin::server {

enum class LogLevel { debug = 0, info = 1, warn = 2, error = 3 };

LogLevel parse_log_level(std::string_view name);

struct LogField {
  std::string_view key;
  std::string value;
  bool number = false;  // written unquoted
};

class Log {
 public:
  explicit Log(LogLevel threshold = LogLevel::info) : threshold_(threshold) {}
  void write(LogLevel level, std::string_view message, std::initializer_list<LogField> fields);
  void info(std::string_view message, std::initializer_list<LogField> fields = {}) {
    write(LogLevel::info, message, fields);
  }
  void warn(std::string_view message, std::initializer_list<LogField> fields = {}) {
    write(LogLevel::warn, message, fields);
  }
  void error(std::string_view message, std::initializer_list<LogField> fields = {}) {
    write(LogLevel::error, message, fields);
  }
  void set_threshold(LogLevel level) { threshold_ = level; }

 private:
  LogLevel threshold_;
  std::mutex mutex_;
};

std::string utc_timestamp_now();

}  // namespace tarjotin::server
