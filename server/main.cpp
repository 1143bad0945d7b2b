// tarjotin: the one executable. Subcommands: serve, migrate, seed-demo, audit verify,
// audit verify-remote.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "domain/accounts/sessions.hpp"
#include "domain/accounts/users.hpp"
#include "domain/qualification/reconfirmation.hpp"
#include "server/api.hpp"
#include "server/audit_verifier/verify_remote.hpp"
#include "server/background_jobs.hpp"
#include "server/config.hpp"
#include "server/demo_data.hpp"
#include "server/installation.hpp"
#include "server/log.hpp"
#include "server/runtime.hpp"
#include "server/schema_registry.hpp"
#include "server/server.hpp"
#include "server/tls_context.hpp"
#include "server/webhook_delivery.hpp"
#include "storage/backup.hpp"
#include "storage/database.hpp"
#include "storage/qualification/document_store.hpp"

extern char** environ;

namespace {

using namespace tarjotin;

const char* kUsage =
    "Usage: tarjotin COMMAND [settings]\n"
    "\n"
    "Commands:\n"
    "  serve          apply pending migrations and serve the API over HTTPS\n"
    "  migrate        apply pending database migrations and exit\n"
    "  init EMAIL \"AUTHORITY NAME\" [BUSINESS-ID] [DISPLAY NAME]\n"
    "                 create the first authority and its administrator on a new database\n"
    "                 (the password on standard input); refused once an administrator exists\n"
    "  seed-demo      fill an empty database with demo organisations, users and data\n"
    "  audit verify   check that the audit trail's hash chain and Merkle tree are unbroken\n"
    "                 (exit 1 if not)\n"
    "  audit verify-remote URL --state FILE [--public-key FILE] [--ca-file FILE] [--full]\n"
    "                 check a server's audit log from outside, against the checkpoint seen last\n"
    "                 (kept in FILE); needs no database and no settings (exit 1: a problem\n"
    "                 found, 2: could not check)\n"
    "  backup FILE    copy the SQLite database, while it serves, into a new FILE\n"
    "  restore FILE   copy a backup into the configured SQLite database, which must not exist\n"
    "  openapi        print the API description served at /v1/openapi.json\n"
    "  --help         this text\n"
    "\n";

int serve(const server::Config& config, server::Log& log) {
  server::Runtime runtime(config, log);
  bool has_administrator = false;
  runtime.db().run(domain::Access::read, [&](domain::Transaction& tx) {
    has_administrator = tx.users().any_administrator();
    return false;
  });
  if (!has_administrator) log.warn(server::kNoAdministratorHint);
  std::optional<boost::asio::ssl::context> tls;
  if (!config.plain_http)
    tls.emplace(server::make_tls_context(config.tls_certificate, config.tls_private_key));
  server::ServerOptions options;
  options.address = config.listen_address;
  options.port = config.port;
  options.threads = config.effective_workers();
  options.request_threads = config.request_threads;
  options.max_connections = config.max_connections;
  options.max_connections_per_address = config.max_connections_per_address;
  for (const auto& address : server::split_commas(config.proxy_protocol_from))
    options.proxy_protocol_from.push_back(boost::asio::ip::make_address(address));
  options.shutdown_grace = std::chrono::seconds(config.shutdown_grace_seconds);
  options.drain_before_stop = std::chrono::seconds(config.drain_seconds);
  options.stopping = &runtime.stopping();
  options.limits.max_body_bytes = config.max_body_bytes;
  options.limits.max_upload_bytes = config.max_upload_bytes;
  options.limits.max_header_bytes = config.max_header_bytes;
  options.limits.request_timeout = std::chrono::seconds(config.request_timeout_seconds);
  options.limits.idle_timeout = std::chrono::seconds(config.idle_timeout_seconds);
  options.limits.head_timeout = std::chrono::seconds(config.head_timeout_seconds);
  options.limits.min_body_bytes_per_second = config.min_body_bytes_per_second;
  options.limits.max_concurrent_uploads = config.max_concurrent_uploads;
  server::Server server(options, runtime.api(), runtime.metrics(), log, tls ? &*tls : nullptr);
  server.handle_signals();
  server.start();
  server::BackgroundJobs jobs(std::chrono::seconds(config.job_interval_seconds), log, [&runtime] {
    return domain::lapse_overdue_reconfirmations(runtime.qualification());
  });
  // Webhooks on a thread of their own: a slow receiver must not hold the lapse job back.
  server::BackgroundJobs deliveries(std::chrono::seconds(config.job_interval_seconds), log, [&] {
    server::deliver_due_webhooks(runtime.competitions(), runtime.webhooks());
    return 0;
  });
  server::BackgroundJobs housekeeping(
      std::chrono::seconds(config.job_interval_seconds), log, [&runtime, &log] {
        if (const auto purged = domain::purge_ended_sessions(runtime.accounts()); purged > 0)
          log.info("ended sessions purged", {{"count", std::to_string(purged), true}});
        return 0;
      });
  server.wait();
  housekeeping.stop();
  deliveries.stop();
  jobs.stop();
  log.info("stopped");
  return 0;
}

int migrate(const server::Config& config, server::Log& log) {
  storage::SociDatabase db(config.database_url, 1);
  const int applied = db.migrate();
  const auto status = db.migration_status();
  log.info("migrated", {{"applied", std::to_string(applied), true},
                        {"schema_version", std::to_string(status.current), true}});
  if (const auto imported = storage::import_documents_directory(db, config.documents_dir))
    log.info("documents imported into the database",
             {{"count", std::to_string(imported), true}, {"from", config.documents_dir}});
  return 0;
}

int backup(const server::Config& config, const std::string& command, const std::string& file) {
  const auto report = command == "backup" ? storage::backup_database(config.database_url, file)
                                          : storage::restore_database(file, config.database_url);
  std::printf("%s: %lld pages, %lld bytes %s %s\n", command == "backup" ? "backed up" : "restored",
              report.pages, report.bytes, command == "backup" ? "into" : "from", file.c_str());
  return 0;
}

int audit_verify(const server::Config& config) {
  storage::SociDatabase db(config.database_url, 1);
  const auto v = db.verify_audit_chain();
  if (v.intact) {
    std::printf("audit trail intact: %lld events\n", v.events);
    return 0;
  }
  std::printf("audit trail BROKEN at event %lld: %s\n", v.first_broken_seq, v.problem.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  // An outside auditor's command: its own arguments, none of the server's settings.
  if (args.size() >= 2 && args[0] == "audit" && args[1] == "verify-remote")
    return server::audit_verify_remote({args.begin() + 2, args.end()}, std::cout);
  server::Config config;
  try {
    args = server::load_config(config, args, environ);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "tarjotin: %s\n", e.what());
    return 2;
  }
  if (args.empty() || args[0] == "--help" || args[0] == "help") {
    std::cout << kUsage << server::config_help();
    return args.empty() ? 2 : 0;
  }
  server::Log log(server::parse_log_level(config.log_level));
  try {
    if (args[0] == "serve" && args.size() == 1) return serve(config, log);
    if (args[0] == "migrate" && args.size() == 1) return migrate(config, log);
    if (args[0] == "seed-demo" && args.size() == 1) return server::seed_demo(config, log);
    if (args[0] == "init")
      return server::initialise_installation(config, {args.begin() + 1, args.end()}, std::cin, log);
    if (args[0] == "audit" && args.size() == 2 && args[1] == "verify") return audit_verify(config);
    if ((args[0] == "backup" || args[0] == "restore") && args.size() == 2)
      return backup(config, args[0], args[1]);
    if (args[0] == "openapi" && args.size() == 1) {
      // Needs no database: the web client's types are generated from it at build time.
      std::cout << server::build_openapi(server::SchemaRegistry()) << "\n";
      return 0;
    }
  } catch (const std::exception& e) {
    log.error("failed", {{"command", args[0]}, {"error", e.what()}});
    return 1;
  }
  std::fprintf(stderr, "tarjotin: unknown command '%s'\n\n%s", args[0].c_str(), kUsage);
  return 2;
}
