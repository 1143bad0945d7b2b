#pragma once
// Statements prepared once per connection and run again with new values. SQLite parses and
// plans a statement each time it is prepared, and the repositories' statements are made anew
// for each call: under the order load that was 38 % of the server's CPU (perf,
// bench/README.md). A connection the database enables keeps each statement text it has run
// (up to a bound), with the cells its placeholders and columns are bound to; a run copies its
// values into those cells and executes the statement again.
//
// On PostgreSQL a kept statement is a named prepared statement of the connection: prepared in
// one round trip the first time, then each run is one round trip (as a one-time statement is)
// without the server parsing it again. After five runs PostgreSQL may plan it once for all
// values, from the table statistics of that moment; on a new, empty database such a plan can be
// poor (the idempotency lookup scanned a coaching unit's orders instead of using the unique key)
// until autovacuum's first ANALYZE of the table, which has every plan made again. A reconnect
// loses the server's side of the statements, so whoever reconnects forgets the connection's
// statements first and enables it anew.
#include <soci/soci.h>

#include <memory>
#include <string>
#include <vector>

#include "storage/cell.hpp"

namespace tarjotin::storage {

class PreparedStatements {
 public:
  // `sql` keeps its statements from now until forget(sql), which must come before the session
  // is closed, reconnected or destroyed; forget says whether it kept any.
  static void enable(soci::session& sql);
  static bool forget(soci::session& sql);
  // How many statements `sql` keeps now.
  static std::size_t kept(const soci::session& sql);

  // One run of `text` on `sql` with `uses` bound to its placeholders and columns of
  // `into_kinds` read into into(): a kept statement when `sql` keeps it (and is not running it
  // already, in a loop over its own rows), else one prepared for this run only.
  class Run {
   public:
    Run(soci::session& sql, const std::string& text, const std::vector<Cell>& uses,
        const std::vector<Cell::Kind>& into_kinds);
    ~Run();
    Run(const Run&) = delete;
    Run& operator=(const Run&) = delete;

    soci::statement& statement();
    std::vector<Cell>& into();  // the row just fetched
    // The statement ran to its end; without this, a kept one is dropped (an exception left it
    // part-way through its rows).
    void finished() { finished_ = true; }

    struct Kept;

   private:
    soci::session& sql_;
    const std::string* kept_text_ = nullptr;  // the kept statement's key, to drop it by
    Kept* kept_ = nullptr;
    std::unique_ptr<Kept> own_;
    bool finished_ = false;
  };
};

// Runs a statement that returns no rows, `uses` bound to its placeholders, kept where `sql`
// keeps statements; the rows it changed.
long long run_unread(soci::session& sql, const std::string& text,
                     const std::vector<Cell>& uses = {});

}  // namespace tarjotin::storage
