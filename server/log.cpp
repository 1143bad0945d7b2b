#include "server/log.hpp"

#include <chrono>
#include <cstdio>

#include "server/json.hpp"
#include "server/time_format.hpp"

namespace tarjotin::server {

LogLevel parse_log_level(std::string_view name) {
  if (name == "debug") return LogLevel::debug;
  if (name == "warn") return LogLevel::warn;
  if (name == "error") return LogLevel::error;
  return LogLevel::info;
}

std::string utc_timestamp_now() {
  return format_timestamp(
      std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now()));
}

void Log::write(LogLevel level, std::string_view message, std::initializer_list<LogField> fields) {
  if (level < threshold_) return;
  static constexpr const char* kNames[] = {"debug", "info", "warn", "error"};
  rapidjson::StringBuffer sb;
  JsonWriter w(sb);
  w.StartObject();
  write_field(w, "time", utc_timestamp_now());
  write_field(w, "level", kNames[static_cast<int>(level)]);
  write_field(w, "msg", message);
  for (const auto& f : fields) {
    write_string(w, f.key);
    if (f.number)
      w.RawValue(f.value.data(), f.value.size(), rapidjson::kNumberType);
    else
      write_string(w, f.value);
  }
  w.EndObject();
  std::lock_guard<std::mutex> lock(mutex_);
  std::fwrite(sb.GetString(), 1, sb.GetSize(), stdout);
  std::fputc('\n', stdout);
  std::fflush(stdout);
}

}  // namespace tarjotin::server
