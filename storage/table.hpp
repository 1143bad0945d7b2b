#pragma once
// A table's columns declared once. Each entity's mapping is a list of columns, each naming its
// column and the entity's field it holds; the SELECT list, the INSERT and the UPDATE are derived
// from that list, so a field added to the entity and its mapping reaches every statement, and a
// round-trip test of the whole entity finds a field the mapping forgot.
//
//   const Table<domain::Offering> kOfferings{"offerings", {
//       column("id", &domain::Offering::id),
//       column("description_fi", [](auto& o) -> auto& { return o.description.fi; }),
//       column("free_places", &domain::Offering::free_places),
//       ...}};
//   kOfferings.insert(sql, offering);
//   auto found = kOfferings.find_one(sql, "WHERE id = :id", id);
//
// Values are read into typed binds (a string, a 64-bit integer or a double per column) rather
// than a soci::row: SQLite reports a column by the value it happens to hold and PostgreSQL by
// its declared type, and a typed bind reads both alike without a per-column allocation.

#include <soci/soci.h>

#include <algorithm>
#include <bit>
#include <chrono>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "domain/time.hpp"
#include "storage/cell.hpp"
#include "storage/prepared_statements.hpp"
#include "storage/row_values.hpp"
#include "storage/text_lists.hpp"

namespace tarjotin::storage {

// How a field's type is stored: its cell kind, and the conversions both ways. A stored value
// that cannot be converted back means the data is damaged, and throws.
template <class Field, class = void>
struct Codec;

template <>
struct Codec<std::string> {
  static constexpr Cell::Kind kind = Cell::Kind::text;
  static Cell put(const std::string& v) { return Cell::of_text(v); }
  static void get(const Cell& c, std::string& v) { v = c.null() ? std::string() : c.text; }
};

template <class Integer>
struct Codec<Integer,
             std::enable_if_t<std::is_integral_v<Integer> && !std::is_same_v<Integer, bool>>> {
  static constexpr Cell::Kind kind = Cell::Kind::integer;
  static Cell put(Integer v) { return Cell::of_integer(static_cast<long long>(v)); }
  static void get(const Cell& c, Integer& v) { v = static_cast<Integer>(c.integer); }
};

template <>
struct Codec<bool> {  // 0 or 1: both databases read an INTEGER alike
  static constexpr Cell::Kind kind = Cell::Kind::integer;
  static Cell put(bool v) { return Cell::of_integer(v ? 1 : 0); }
  static void get(const Cell& c, bool& v) { v = c.integer != 0; }
};

template <>
struct Codec<double> {
  static constexpr Cell::Kind kind = Cell::Kind::real;
  static Cell put(double v) { return Cell::of_real(v); }
  static void get(const Cell& c, double& v) { v = c.real; }
};

template <>
struct Codec<domain::Timestamp> {  // microseconds since 1970, UTC
  static constexpr Cell::Kind kind = Cell::Kind::integer;
  static Cell put(domain::Timestamp v) { return Cell::of_integer(domain::to_micros(v)); }
  static void get(const Cell& c, domain::Timestamp& v) { v = domain::from_micros(c.integer); }
};

template <>
struct Codec<std::chrono::sys_days> {  // days since 1970-01-01
  static constexpr Cell::Kind kind = Cell::Kind::integer;
  static Cell put(std::chrono::sys_days v) { return Cell::of_integer(day_number(v)); }
  static void get(const Cell& c, std::chrono::sys_days& v) { v = date_from(c.integer); }
};

template <>
struct Codec<std::vector<std::string>> {  // one item per line
  static constexpr Cell::Kind kind = Cell::Kind::text;
  static Cell put(const std::vector<std::string>& v) { return Cell::of_text(join_lines(v)); }
  static void get(const Cell& c, std::vector<std::string>& v) { v = split_lines(c.text); }
};

template <>
struct Codec<std::map<std::string, long long>> {  // "name=amount" lines
  static constexpr Cell::Kind kind = Cell::Kind::text;
  static Cell put(const std::map<std::string, long long>& v) {
    return Cell::of_text(join_amounts(v));
  }
  static void get(const Cell& c, std::map<std::string, long long>& v) { v = split_amounts(c.text); }
};

template <class Value>
struct Codec<std::optional<Value>> {  // NULL when absent
  static constexpr Cell::Kind kind = Codec<Value>::kind;
  static Cell put(const std::optional<Value>& v) {
    return v ? Codec<Value>::put(*v) : Cell::null_of(kind);
  }
  static void get(const Cell& c, std::optional<Value>& v) {
    if (c.null()) {
      v.reset();
      return;
    }
    Value value{};
    Codec<Value>::get(c, value);
    v = std::move(value);
  }
};

// Enumerations are stored by their domain names (`to_string` of enumerators 0..Count-1), never
// by number.
template <class Enum, int Count>
struct Named {
  static constexpr Cell::Kind kind = Cell::Kind::text;
  static Cell put(Enum v) { return Cell::of_text(std::string(to_string(v))); }
  static void get(const Cell& c, Enum& v) { v = enum_named<Enum, Count>(c.text); }
};

// The same for enumerations with a parser of their names (`parse` returning an optional).
template <class Enum, auto Parse>
struct Parsed {
  static constexpr Cell::Kind kind = Cell::Kind::text;
  static Cell put(Enum v) { return Cell::of_text(std::string(to_string(v))); }
  static void get(const Cell& c, Enum& v) {
    const auto parsed = Parse(c.text);
    if (!parsed) throw std::runtime_error("stored value '" + c.text + "' is not a known name");
    v = *parsed;
  }
};

// Text that is NULL when empty: an optional reference (a foreign key) or a key that is unique
// only among those who have one.
struct NullIfEmpty {
  static constexpr Cell::Kind kind = Cell::Kind::text;
  static Cell put(const std::string& v) {
    return v.empty() ? Cell::null_of(kind) : Cell::of_text(v);
  }
  static void get(const Cell& c, std::string& v) { v = c.null() ? std::string() : c.text; }
};

template <class Entity>
struct Column {
  std::string name;
  Cell::Kind kind;
  std::function<Cell(const Entity&)> put;
  std::function<void(const Cell&, Entity&)> get;
};

// A column holding the field `access(entity)` returns a reference to, stored as `Coder` says
// (by default the field type's own Codec).
template <class Coder = void, class Access>
auto column(std::string name, Access access) {
  return [name = std::move(name), access]<class Entity>(std::type_identity<Entity>) {
    using Field = std::remove_cvref_t<decltype(access(std::declval<Entity&>()))>;
    using C = std::conditional_t<std::is_void_v<Coder>, Codec<Field>, Coder>;
    return Column<Entity>{
        name, C::kind, [access](const Entity& e) { return C::put(access(const_cast<Entity&>(e))); },
        [access](const Cell& c, Entity& e) { C::get(c, access(e)); }};
  };
}

template <class Coder = void, class Entity, class Field>
auto column(std::string name, Field Entity::*member) {
  return column<Coder>(
      std::move(name), [member](auto& e) -> auto& { return e.*member; });
}

// Where a statement's placeholders get their values; the cells live as long as the binder.
class Binder {
 public:
  void add(Cell cell) { cells_.push_back(std::move(cell)); }
  template <class Value>
  void add_value(const Value& v) {
    add(Codec<Value>::put(v));
  }
  void add_value(const char* v) { add(Cell::of_text(v)); }
  const std::vector<Cell>& cells() const { return cells_; }

 private:
  std::vector<Cell> cells_;
};

template <class Entity>
class Table {
 public:
  // The first `key_columns` columns identify a row (the UPDATE's WHERE).
  template <class... Makers>
  Table(std::string name, std::size_t key_columns, Makers... makers)
      : name_(std::move(name)),
        key_columns_(key_columns),
        columns_{makers(std::type_identity<Entity>{})...} {
    std::string names, values, sets, where;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      const auto& n = columns_[i].name;
      names += (i ? ", " : "") + n;
      values += (i ? ", :" : ":") + n;
      if (i < key_columns_)
        where += (i ? " AND " : " WHERE ") + n + " = :" + n;
      else
        sets += (sets.empty() ? "" : ", ") + n + " = :" + n;
    }
    select_ = "SELECT " + names + " FROM " + name_ + " ";
    insert_ = "INSERT INTO " + name_ + " (" + names + ") VALUES (" + values + ")";
    update_ = "UPDATE " + name_ + " SET " + sets + where;
  }

  // The same table with `names` left out of the UPDATE: columns that change only through
  // statements of their own (an offering's free places, taken and returned by orders).
  Table leave_on_update(std::initializer_list<std::string_view> names) && {
    std::string sets, where;
    std::vector<std::size_t> updated;
    for (std::size_t i = key_columns_; i < columns_.size(); ++i) {
      bool left = false;
      for (auto n : names) left = left || columns_[i].name == n;
      if (!left) updated.push_back(i);
    }
    for (auto i : updated)
      sets += (sets.empty() ? "" : ", ") + columns_[i].name + " = :" + columns_[i].name;
    for (std::size_t i = 0; i < key_columns_; ++i)
      where += (i ? " AND " : " WHERE ") + columns_[i].name + " = :" + columns_[i].name;
    update_ = "UPDATE " + name_ + " SET " + sets + where;
    updated_ = std::move(updated);
    return std::move(*this);
  }

  // The same table with its counts (the columns after the key) defaulting to 0 in the schema:
  // insert_or_add then leaves a change's counts of 0 out of its statement.
  Table counts_default_to_zero() && {
    counts_default_to_zero_ = true;
    return std::move(*this);
  }

  const std::string& name() const { return name_; }
  std::size_t size() const { return columns_.size(); }
  // "SELECT <every column> FROM <table> ", to be followed by a WHERE and ORDER BY.
  const std::string& select() const { return select_; }
  // The column list, each qualified by `alias` ("o.id, o.state, ..."), for joins.
  std::string columns(std::string_view alias) const {
    std::string out;
    for (std::size_t i = 0; i < columns_.size(); ++i)
      out += std::string(i ? ", " : "") + std::string(alias) + "." + columns_[i].name;
    return out;
  }

  void insert(soci::session& sql, const Entity& e) const { run(sql, insert_, e, false); }
  // For a table of counts: inserts `e`, or adds its values to those of the row with its key.
  // One statement either way, so two transactions counting into the same new row meet at the
  // primary key instead of one losing its row. Where counts default to 0, those of 0 are left
  // out: most of a change's counts are 0, and the statement is a fraction of the length to parse
  // on PostgreSQL (on SQLite each variant is kept prepared).
  void insert_or_add(soci::session& sql, const Entity& e) const {
    std::string names, values, sets;
    Binder binder;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      Cell cell = columns_[i].put(e);
      const auto& n = columns_[i].name;
      if (i >= key_columns_) {
        if (counts_default_to_zero_ && cell.kind == Cell::Kind::integer && !cell.null() &&
            cell.integer == 0)
          continue;
        sets += (sets.empty() ? "" : ", ") + n + " = " + name_ + "." + n + " + excluded." + n;
      }
      names += (names.empty() ? "" : ", ") + n;
      values += (values.empty() ? ":" : ", :") + n;
      binder.add(std::move(cell));
    }
    std::string text = "INSERT INTO " + name_ + " (" + names + ") VALUES (" + values + ")";
    std::string key;
    for (std::size_t i = 0; i < key_columns_; ++i) key += (i ? ", " : "") + columns_[i].name;
    text += " ON CONFLICT (" + key + ") DO " + (sets.empty() ? "NOTHING" : "UPDATE SET " + sets);
    run_unread(sql, text, binder.cells());
  }
  // For a table of counts: the key columns up to `grouped` as they are, the rest of the key's
  // the least of its group, and each count summed ("t.a, t.b, MIN(t.c), SUM(t.d), ..."), to be
  // read back as rows of the table by a query grouped by the first `grouped` columns.
  std::string sums(std::string_view alias, std::size_t grouped) const {
    std::string out;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      const std::string qualified = std::string(alias) + "." + columns_[i].name;
      out += i ? ", " : "";
      if (i < grouped)
        out += qualified;
      else if (i < key_columns_)
        out += "MIN(" + qualified + ")";
      else  // PostgreSQL sums BIGINTs as NUMERIC, which no integer bind takes
        out += "CAST(SUM(" + qualified + ") AS BIGINT)";
    }
    return out;
  }
  // Every entity in a few rows per statement (one VALUES list per row): a round trip and a parse
  // per several rows instead of one per row.
  void insert_all(soci::session& sql, const std::vector<Entity>& entities) const {
    const std::size_t rows = rows_per_statement(sql);
    for (std::size_t from = 0; from < entities.size(); from += rows)
      insert_rows(sql, entities, from, std::min(entities.size(), from + rows));
  }
  // Writes every column but the key of the row that `e`'s key names; says whether one was.
  bool update(soci::session& sql, const Entity& e) const { return run(sql, update_, e, true); }

  // Every row of `tail` (the WHERE, ORDER BY and LIMIT after select()), placeholders bound to
  // `values` in order.
  template <class... Values>
  std::vector<Entity> find_all(soci::session& sql, const std::string& tail,
                               const Values&... values) const {
    std::vector<Entity> out;
    each(
        sql, select_ + tail, [&](Entity e) { out.push_back(std::move(e)); }, values...);
    return out;
  }
  template <class... Values>
  std::optional<Entity> find_one(soci::session& sql, const std::string& tail,
                                 const Values&... values) const {
    std::optional<Entity> out;
    each(
        sql, select_ + tail, [&](Entity e) { out.emplace(std::move(e)); }, values...);
    return out;
  }

  // Calls `each(Entity)` for every row of `query`, whose first columns are this table's (in
  // order, as columns() or select() give them); `extra` receives the cells of any columns the
  // query selects after them, typed as `extra_kinds` says.
  template <class Each, class... Values>
  void each(soci::session& sql, const std::string& query, Each&& each_row,
            const Values&... values) const {
    each_with(
        sql, query, {}, [&](Entity e, const std::vector<Cell>&) { each_row(std::move(e)); },
        values...);
  }
  template <class Each, class... Values>
  void each_with(soci::session& sql, const std::string& query,
                 const std::vector<Cell::Kind>& extra_kinds, Each&& each_row,
                 const Values&... values) const {
    Binder binder;
    (binder.add_value(values), ...);
    each_bound(sql, query, binder, extra_kinds, each_row);
  }
  // The rows whose `column` is one of `values`, in no particular order, in statements of a few
  // hundred placeholders each; each value asked for once, also when it comes again in another
  // statement's part of the list. A list's placeholders are as many as the next power of two,
  // the last value repeated: a connection keeps a statement per text
  // (storage/prepared_statements.hpp), and lists of every length from 1 to 512 would fill its
  // kept set with texts that each run rarely.
  std::vector<Entity> find_in(soci::session& sql, const std::string& column,
                              std::vector<std::string> values) const {
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    std::vector<Entity> found;
    constexpr std::size_t kPerStatement = 512;
    for (std::size_t from = 0; from < values.size(); from += kPerStatement) {
      const std::size_t to = std::min(values.size(), from + kPerStatement);
      const std::size_t placeholders = std::bit_ceil(to - from);
      std::string query = select_ + "WHERE " + column + " IN (";
      Binder binder;
      for (std::size_t i = 0; i < placeholders; ++i) {
        query += (i > 0 ? ", :v" : ":v") + std::to_string(i);
        binder.add_value(values[std::min(from + i, to - 1)]);
      }
      query += ")";
      each_bound(sql, query, binder, {},
                 [&](Entity e, const std::vector<Cell>&) { found.push_back(std::move(e)); });
    }
    return found;
  }
  // each_with with the placeholders' values in `binder`, for a query whose conditions are made
  // up as it is built.
  template <class Each>
  void each_bound(soci::session& sql, const std::string& query, Binder& binder,
                  const std::vector<Cell::Kind>& extra_kinds, Each&& each_row) const {
    std::vector<Cell::Kind> kinds;
    kinds.reserve(columns_.size() + extra_kinds.size());
    for (const auto& c : columns_) kinds.push_back(c.kind);
    kinds.insert(kinds.end(), extra_kinds.begin(), extra_kinds.end());
    PreparedStatements::Run run(sql, query, binder.cells(), kinds);
    soci::statement& st = run.statement();
    const std::vector<Cell>& cells = run.into();
    if (!st.execute(true)) return run.finished();
    const std::vector<Cell> no_extra;
    do {
      Entity e{};
      for (std::size_t i = 0; i < columns_.size(); ++i) columns_[i].get(cells[i], e);
      if (extra_kinds.empty()) {
        each_row(std::move(e), no_extra);
      } else {
        const std::vector<Cell> extra(cells.begin() + static_cast<std::ptrdiff_t>(columns_.size()),
                                      cells.end());
        each_row(std::move(e), extra);
      }
    } while (st.fetch());
    run.finished();
  }

 private:
  // Rows [from, to) of `entities` in one INSERT.
  void insert_rows(soci::session& sql, const std::vector<Entity>& entities, std::size_t from,
                   std::size_t to) const {
    // Each placeholder is named once: SQLite takes a repeated name for the same parameter. They
    // are numbered from the statement's first row, so that every full statement of a table has
    // the same text and is kept prepared (storage/prepared_statements.hpp) instead of filling a
    // connection's kept statements with texts never run again.
    std::string text = "INSERT INTO " + name_ + " (";
    for (std::size_t i = 0; i < columns_.size(); ++i) text += (i ? ", " : "") + columns_[i].name;
    text += ") VALUES ";
    Binder binder;
    for (std::size_t row = from; row < to; ++row) {
      text += row > from ? ", (" : "(";
      for (std::size_t i = 0; i < columns_.size(); ++i) {
        text += (i ? ", :" : ":") + columns_[i].name + "_" + std::to_string(row - from);
        binder.add(columns_[i].put(entities[row]));
      }
      text += ")";
    }
    run_unread(sql, text, binder.cells());
  }
  // PostgreSQL allows 65,535 placeholders in one statement, and each statement is a round trip:
  // about 4,000 keeps well inside the limit and the text small. SQLite (32,766 since 3.32) has
  // no round trip, but binding a statement's named placeholders costs it time in the square of
  // their number: 20,000 orders' tallies (30 columns) took 6.8 s in statements of 4,000
  // placeholders, 2.3 s of 500 and 1.3 s of 200.
  std::size_t rows_per_statement(soci::session& sql) const {
    const std::size_t placeholders = sql.get_backend_name() == "sqlite3" ? 200 : 4000;
    return std::max<std::size_t>(1, placeholders / columns_.size());
  }

  bool run(soci::session& sql, const std::string& text, const Entity& e, bool keys_last) const {
    Binder binder;
    if (keys_last) {
      if (updated_.empty())
        for (std::size_t i = key_columns_; i < columns_.size(); ++i) binder.add(columns_[i].put(e));
      else
        for (auto i : updated_) binder.add(columns_[i].put(e));
      for (std::size_t i = 0; i < key_columns_; ++i) binder.add(columns_[i].put(e));
    } else {
      for (const auto& c : columns_) binder.add(c.put(e));
    }
    return run_unread(sql, text, binder.cells()) > 0;
  }

  std::string name_;
  std::size_t key_columns_;
  std::vector<Column<Entity>> columns_;
  std::vector<std::size_t> updated_;  // the columns an UPDATE writes, when not all but the key
  std::string select_, insert_, update_;
  bool counts_default_to_zero_ = false;
};

// Runs an INSERT, UPDATE or DELETE written out by hand, `values` bound to its placeholders in
// their order, kept prepared like a table's own statements; how many rows it changed.
template <class... Values>
long long rows_changed(soci::session& sql, const std::string& query, const Values&... values) {
  Binder binder;
  (binder.add_value(values), ...);
  return run_unread(sql, query, binder.cells());
}

}  // namespace tarjotin::storage
