#pragma once
#include <soci/soci.h>

#include <string>
#include <utility>

namespace tarjotin::storage {

// One column's value as SOCI binds it.
struct Cell {
  enum class Kind { text, integer, real };
  Kind kind = Kind::text;
  std::string text;
  long long integer = 0;
  double real = 0;
  soci::indicator ind = soci::i_ok;

  bool null() const { return ind == soci::i_null; }
  static Cell of_text(std::string v) {
    Cell c;
    c.text = std::move(v);
    return c;
  }
  static Cell of_integer(long long v) {
    Cell c;
    c.kind = Kind::integer;
    c.integer = v;
    return c;
  }
  static Cell of_real(double v) {
    Cell c;
    c.kind = Kind::real;
    c.real = v;
    return c;
  }
  static Cell null_of(Kind kind) {
    Cell c;
    c.kind = kind;
    c.ind = soci::i_null;
    return c;
  }
};

}  // namespace tarjotin::storage
