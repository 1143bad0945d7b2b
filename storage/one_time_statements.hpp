#pragma once
// Statements run once, unnamed. A soci::rowset, or a statement made with sql.prepare, is a named
// prepared statement on PostgreSQL: Parse, Execute and DEALLOCATE, three round trips for a read
// that the use case runs once per request. Run as a one-time query it is one round trip
// (Parse, Bind and Execute together). SQLite prepares either way; nothing changes there.

#include <soci/soci.h>

#include <string>

namespace tarjotin::storage {

// Calls `each(const soci::row&)` for every row of `query`, its placeholders bound to `values`.
template <class Each, class... Values>
void for_each_row(soci::session& sql, const std::string& query, Each&& each,
                  const Values&... values) {
  soci::row r;
  soci::statement st(sql);
  st.alloc();
  st.prepare(query, soci::details::st_one_time_query);
  (st.exchange(soci::use(values)), ...);
  st.exchange(soci::into(r));
  st.define_and_bind();
  if (!st.execute(true)) return;
  do {
    each(static_cast<const soci::row&>(r));
  } while (st.fetch());
}

// Runs an INSERT, UPDATE or DELETE and says how many rows it changed.
template <class... Values>
long long rows_changed(soci::session& sql, const std::string& query, const Values&... values) {
  soci::statement st(sql);
  st.alloc();
  st.prepare(query, soci::details::st_one_time_query);
  (st.exchange(soci::use(values)), ...);
  st.define_and_bind();
  st.execute(true);
  return st.get_affected_rows();
}

}  // namespace tarjotin::storage
