// Does a refused sign-in's time tell whether the e-mail exists? Signs in, interleaved, with
// unknown e-mails and with known ones and a wrong password, against a fresh SQLite database with
// the production scrypt cost, and prints both distributions and their difference next to the
// spread of either one. Each attempt comes "a day later", so no throttling counter interferes;
// both kinds write their failure counters the same way.
//   tarjotin-sign-in-timing [--samples N] [--database-url URL]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "crypto/crypto.hpp"
#include "domain/accounts/sessions.hpp"
#include "domain/accounts/users.hpp"
#include "storage/database.hpp"

namespace {

using namespace tarjotin;

class DayAfterDayClock final : public domain::Clock {
 public:
  domain::Timestamp now() const override {
    return domain::from_micros(1'790'000'000'000'000) + std::chrono::hours(25) * calls_++;
  }

 private:
  mutable std::atomic<long long> calls_{0};
};

struct Summary {
  double median_ms, mean_ms, sd_ms;
};

Summary summarise(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  double sum = 0, sq = 0;
  for (double m : ms) sum += m;
  const double mean = sum / static_cast<double>(ms.size());
  for (double m : ms) sq += (m - mean) * (m - mean);
  return {ms[ms.size() / 2], mean, std::sqrt(sq / static_cast<double>(ms.size() - 1))};
}

}  // namespace

int main(int argc, char** argv) {
  int samples = 60;
  std::string url;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--samples") samples = std::max(4, std::atoi(argv[i + 1]));
    if (flag == "--database-url") url = argv[i + 1];
  }
  const auto dir = std::filesystem::temp_directory_path() / "tarjotin-sign-in-timing";
  if (url.empty()) {
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    url = "sqlite://" + (dir / "t.db").string();
  }
  storage::SociDatabase db(url, 2);
  db.migrate();
  DayAfterDayClock clock;
  crypto::ScryptPasswordHasher hasher(crypto::ScryptCost{});  // the production cost
  crypto::SystemSecrets secrets;
  domain::AccountServices s{db, clock, hasher, secrets, std::chrono::hours(1)};
  const std::string password = "correct horse battery";
  auto registered = domain::initialise_installation(
      s, {domain::OrganisationKind::contracting_authority, "Timing", "FI", ""},
      {"known@example.fi", "Known", domain::Role::admin, password});
  if (!registered) {
    std::fprintf(stderr, "setting up: %s\n", registered.error().detail.c_str());
    return 1;
  }

  std::vector<double> unknown, wrong;
  for (int i = 0; i < 2 * samples + 2; ++i) {
    const bool known = i % 2 == 0;
    const std::string email =
        known ? "known@example.fi" : "nobody" + std::to_string(i) + "@example.fi";
    const auto started = std::chrono::steady_clock::now();
    const auto r = domain::sign_in(s, email, "wrong horse battery", "192.0.2.1");
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    if (r.ok() || r.error().kind != domain::ErrorKind::unauthenticated) {
      std::fprintf(stderr, "attempt %d was not refused as a wrong password\n", i);
      return 1;
    }
    if (i < 2) continue;  // warming up
    (known ? wrong : unknown).push_back(ms);
  }
  const Summary u = summarise(unknown), w = summarise(wrong);
  std::printf("sign-in refusals, %d of each, scrypt N=2^15 r=8 p=1, %s\n", samples,
              url.substr(0, url.find(':')).c_str());
  std::printf("  unknown e-mail   median %.2f ms  mean %.2f ms  sd %.2f ms\n", u.median_ms,
              u.mean_ms, u.sd_ms);
  std::printf("  wrong password   median %.2f ms  mean %.2f ms  sd %.2f ms\n", w.median_ms,
              w.mean_ms, w.sd_ms);
  const double difference = w.median_ms - u.median_ms;
  std::printf("  median difference %.2f ms = %.1f %% of the median, %.2f of one sd\n", difference,
              100.0 * difference / u.median_ms, difference / std::max(u.sd_ms, w.sd_ms));
  std::filesystem::remove_all(dir);
  return 0;
}
