#include "domain/qualification/messages.hpp"

#include "domain/input_rules.hpp"
#include "domain/qualification/loaders.hpp"
#include "domain/qualification/rules.hpp"

namespace tarjotin::domain {

Result<std::vector<Message>> list_messages(QualificationServices& s, const Actor& actor,
                                           const std::string& application_id) {
  return read_under_application<std::vector<Message>>(
      s, actor, application_id, [&](Transaction& tx, const ApplicationContext&) {
        return tx.messages().list_for_application(application_id);
      });
}

Result<Message> post_message(QualificationServices& s, const Actor& actor,
                             const std::string& application_id, const std::string& body) {
  if (auto ok = required_text(body, "/body", "a message"); !ok) return ok.error();
  return transact<Message>(s.db, Access::write, [&](Transaction& tx) -> Result<Message> {
    auto ctx = readable_application(tx, actor, application_id);
    if (!ctx) return ctx.error();
    if (!writes_messages(actor, ctx->dps))
      return Error::forbidden("only the applicant and the authority's officers write messages");
    Message m{s.secrets.new_id(),    application_id, actor.user_id,
              actor.organisation_id, body,           now(s)};
    tx.messages().add(m);
    tx.audit().append(event(s, &actor, "application.message-posted", "application", application_id,
                            "", "message " + m.id));
    return m;
  });
}

}  // namespace tarjotin::domain
