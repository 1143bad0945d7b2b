#pragma once
// A fresh database on the backend under test, and builders for the rows most storage tests need
// first: organisations, users, DPSs and categories.

#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "domain/accounts/ports.hpp"
#include "domain/ports.hpp"
#include "domain/qualification/ports.hpp"
#include "tests/support/test_database.hpp"

namespace tarjotin::testing {

// Fixed instants and days, well inside every DPS the builders make.
inline domain::Timestamp at(long long seconds) {
  return domain::from_micros(1'790'000'000'000'000 + seconds * 1'000'000);
}
inline domain::Date day(int n) { return domain::Date{std::chrono::days{20'000 + n}}; }

class StoredWorld : public ::testing::Test {
 protected:
  TestDatabase t;

  void write(const std::function<void(domain::Transaction&)>& work) {
    t.db().run(domain::Access::write, [&](domain::Transaction& tx) {
      work(tx);
      return true;
    });
  }

  static void organisation(domain::Transaction& tx, const std::string& id,
                           domain::OrganisationKind kind) {
    tx.organisations().add({id, kind, id + " name", "FI", "", at(0)});
  }

  static void user(domain::Transaction& tx, const std::string& id, const std::string& org_id,
                   domain::Role role) {
    tx.users().add({id, org_id, id + "@example.fi", id, role, "x", true, at(0)});
  }

  // A DPS of "authority", valid from day(0) to day(1000).
  static void dps(domain::Transaction& tx, const std::string& id) {
    domain::Dps d;
    d.id = id;
    d.authority_id = "authority";
    d.title = "DPS " + id;
    d.valid_from = day(0);
    d.valid_until = day(1000);
    d.created_at = d.updated_at = at(0);
    tx.dpss().add(d);
  }

  static void category(domain::Transaction& tx, const std::string& id, const std::string& dps_id) {
    domain::Category c;
    c.id = id;
    c.dps_id = dps_id;
    c.name = {"Valmennus " + id, "Coachning " + id, "Coaching " + id};
    c.created_at = c.updated_at = at(0);
    tx.categories().add(c);
  }
};

}  // namespace tarjotin::testing
