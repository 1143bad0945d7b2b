#pragma once
// What the qualification use-case families share: objects loaded with the actor's access
// checked, where anything the actor may not see is "not found" exactly like what does not
// exist; an application as its reader sees it; and the audit event of an act.

#include <string>

#include "domain/access.hpp"
#include "domain/audit/trail.hpp"
#include "domain/ports.hpp"
#include "domain/qualification/applications.hpp"
#include "domain/qualification/ports.hpp"
#include "domain/qualification/services.hpp"

namespace tarjotin::domain {

inline Timestamp now(const QualificationServices& s) { return s.clock.now(); }
inline Date today(const QualificationServices& s) { return helsinki_date(s.clock.now()); }

AuditEvent event(const QualificationServices& s, const Actor* actor, std::string action,
                 std::string object_type, std::string object_id, std::string before,
                 std::string after);

Result<Dps> visible_dps(Transaction& tx, const Actor* actor, const std::string& id);
// For the authority's acts: its staff who may not act are told so, anyone else finds nothing.
Result<Dps> managed_dps(Transaction& tx, const Actor& actor, const std::string& id);
Result<CategoryContext> managed_category(Transaction& tx, const Actor& actor,
                                         const std::string& id);
// For reading what happens under a category: its authority's officers, admins and auditors.
Result<Category> overseen_category(Transaction& tx, const Actor& actor, const std::string& id);

struct ApplicationContext {
  Application application;
  Category category;
  Dps dps;
};

Result<ApplicationContext> readable_application(Transaction& tx, const Actor& actor,
                                                const std::string& id);
// The provider that owns it, for acts only the applicant may do.
Result<ApplicationContext> own_application(Transaction& tx, const Actor& actor,
                                           const std::string& id);
// The officer managing its DPS, for the authority's acts.
Result<ApplicationContext> reviewed_application(Transaction& tx, const Actor& actor,
                                                const std::string& id);

// A read of something that belongs to an application, for whoever may read the application.
template <class T, class Read>
Result<T> read_under_application(QualificationServices& s, const Actor& actor,
                                 const std::string& application_id, Read&& read) {
  return transact<T>(s.db, Access::read, [&](Transaction& tx) -> Result<T> {
    auto ctx = readable_application(tx, actor, application_id);
    if (!ctx) return ctx.error();
    return read(tx, *ctx);
  });
}

// The application with its evaluations, its decision clock and what admitting it led to.
ApplicationView view_of(QualificationServices& s, Transaction& tx, const Application& app);

// Answers may only point at documents attached to the same application.
Status check_attachment_refs(Transaction& tx, const std::string& application_id,
                             const std::vector<Answer>& answers);

}  // namespace tarjotin::domain
