#include "storage/prepared_statements.hpp"

#include <mutex>
#include <unordered_map>

namespace tarjotin::storage {

struct PreparedStatements::Run::Kept {
  explicit Kept(soci::session& sql) : statement(sql) {}
  soci::statement statement;
  std::vector<Cell> uses, into;
  bool running = false;
};

namespace {

// Enough for every statement text the repositories make in a running server; texts beyond it
// run unkept.
constexpr std::size_t kPerConnection = 256;

using Kept = PreparedStatements::Run::Kept;

// A connection's kept statements, by text.
struct Statements : std::unordered_map<std::string, std::unique_ptr<Kept>> {
  explicit Statements(bool on_postgresql) : postgresql(on_postgresql) {}
  const bool postgresql;
};

// Every enabled connection's statements. A connection is used by one thread at a time, so only
// finding its statements needs the lock.
std::mutex registry_mutex;
std::unordered_map<const soci::session*, std::unique_ptr<Statements>>& registry() {
  static std::unordered_map<const soci::session*, std::unique_ptr<Statements>> connections;
  return connections;
}

Statements* statements_of(const soci::session& sql) {
  std::lock_guard<std::mutex> lock(registry_mutex);
  const auto found = registry().find(&sql);
  return found == registry().end() ? nullptr : found->second.get();
}

Cell::Kind kind_of(const Cell& c) { return c.kind; }
Cell::Kind kind_of(Cell::Kind k) { return k; }

// A kept statement's cells have the kinds of `other` (cells or kinds), in order.
template <class Other>
bool same_kinds(const std::vector<Cell>& cells, const std::vector<Other>& other) {
  if (cells.size() != other.size()) return false;
  for (std::size_t i = 0; i < cells.size(); ++i)
    if (cells[i].kind != kind_of(other[i])) return false;
  return true;
}

void bind(soci::statement& st, std::vector<Cell>& uses, std::vector<Cell>& into) {
  for (auto& c : uses) {
    switch (c.kind) {
      case Cell::Kind::text:
        st.exchange(soci::use(c.text, c.ind));
        break;
      case Cell::Kind::integer:
        st.exchange(soci::use(c.integer, c.ind));
        break;
      case Cell::Kind::real:
        st.exchange(soci::use(c.real, c.ind));
        break;
    }
  }
  for (auto& c : into) {
    switch (c.kind) {
      case Cell::Kind::text:
        st.exchange(soci::into(c.text, c.ind));
        break;
      case Cell::Kind::integer:
        st.exchange(soci::into(c.integer, c.ind));
        break;
      case Cell::Kind::real:
        st.exchange(soci::into(c.real, c.ind));
        break;
    }
  }
  st.define_and_bind();
}

std::unique_ptr<Kept> prepared(soci::session& sql, const std::string& text,
                               const std::vector<Cell>& uses,
                               const std::vector<Cell::Kind>& into_kinds,
                               soci::details::statement_type type) {
  auto kept = std::make_unique<Kept>(sql);
  kept->uses = uses;
  kept->into.resize(into_kinds.size());
  for (std::size_t i = 0; i < into_kinds.size(); ++i) kept->into[i].kind = into_kinds[i];
  kept->statement.alloc();
  kept->statement.prepare(text, type);
  bind(kept->statement, kept->uses, kept->into);
  return kept;
}

}  // namespace

void PreparedStatements::enable(soci::session& sql) {
  std::lock_guard<std::mutex> lock(registry_mutex);
  registry().try_emplace(&sql,
                         std::make_unique<Statements>(sql.get_backend_name() == "postgresql"));
}

bool PreparedStatements::forget(soci::session& sql) {
  std::unique_ptr<Statements> gone;
  {
    std::lock_guard<std::mutex> lock(registry_mutex);
    const auto found = registry().find(&sql);
    if (found == registry().end()) return false;
    gone = std::move(found->second);
    registry().erase(found);
  }
  // The statements are finalised here, outside the lock, while the session is still open.
  return true;
}

std::size_t PreparedStatements::kept(const soci::session& sql) {
  const Statements* statements = statements_of(sql);
  return statements ? statements->size() : 0;
}

PreparedStatements::Run::Run(soci::session& sql, const std::string& text,
                             const std::vector<Cell>& uses,
                             const std::vector<Cell::Kind>& into_kinds)
    : sql_(sql) {
  if (Statements* statements = statements_of(sql)) {
    const auto found = statements->find(text);
    if (found != statements->end()) {
      Kept& k = *found->second;
      if (!k.running && same_kinds(k.uses, uses) && same_kinds(k.into, into_kinds)) {
        for (std::size_t i = 0; i < uses.size(); ++i) k.uses[i] = uses[i];
        k.running = true;
        kept_ = &k;
        kept_text_ = &found->first;
        return;
      }
    } else if (statements->size() < kPerConnection) {
      auto made = prepared(sql, text, uses, into_kinds, soci::details::st_repeatable_query);
      made->running = true;
      kept_ = made.get();
      kept_text_ = &statements->emplace(text, std::move(made)).first->first;
      return;
    }
  }
  // One-time: on PostgreSQL a named prepared statement run once (a soci::rowset, or one made
  // with sql.prepare) is Parse, Execute and DEALLOCATE, three round trips; a one-time query is one
  // (Parse, Bind and Execute together).
  own_ = prepared(sql, text, uses, into_kinds, soci::details::st_one_time_query);
}

PreparedStatements::Run::~Run() {
  if (!kept_) return;
  kept_->running = false;
  if (finished_) return;
  Statements* statements = statements_of(sql_);
  if (!statements) return;
  if (statements->postgresql) {
    // PostgreSQL hands over a statement's rows whole, so one that an exception interrupted is
    // as good as new once the buffers of its values are freed (an execute that throws skips
    // the step that frees them, and the next run would allocate new ones over them). Dropping
    // it instead would send a DEALLOCATE that the failed transaction refuses, and leave the
    // statement prepared on the server for as long as the connection lives.
    kept_->statement.undefine_and_bind();
    return;
  }
  // On SQLite it is dropped, by the key's node, not a copy of the text made on every run: keys
  // stay where they are while other statements are added.
  const auto found = statements->find(*kept_text_);
  if (found != statements->end()) statements->erase(found);
}

soci::statement& PreparedStatements::Run::statement() {
  return kept_ ? kept_->statement : own_->statement;
}

std::vector<Cell>& PreparedStatements::Run::into() { return kept_ ? kept_->into : own_->into; }

long long run_unread(soci::session& sql, const std::string& text, const std::vector<Cell>& uses) {
  PreparedStatements::Run run(sql, text, uses, {});
  run.statement().execute(true);
  run.finished();
  return run.statement().get_affected_rows();
}

}  // namespace tarjotin::storage
