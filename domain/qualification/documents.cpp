#include "domain/qualification/documents.hpp"

#include <stdexcept>

#include "domain/qualification/loaders.hpp"
#include "domain/qualification/rules.hpp"

namespace tarjotin::domain {

Result<Attachment> attach_document(QualificationServices& s, const Actor& actor,
                                   const std::string& application_id, DocumentUpload upload) {
  const auto media_type =
      check_document(upload.declared_type, upload.bytes, s.max_attachment_bytes);
  if (!media_type) return media_type.error();
  return transact<Attachment>(s.db, Access::write, [&](Transaction& tx) -> Result<Attachment> {
    // Access first: a stranger's bytes are never written.
    auto ctx = own_application(tx, actor, application_id);
    if (!ctx) return ctx.error();
    const auto state = ctx->application.state;
    if (!applicant_edits(state))
      return refused_transition("an application", to_string(state), "take new documents");
    const std::string sha256 = tx.documents().put(upload.bytes);
    Attachment a{s.secrets.new_id(),
                 application_id,
                 actor.organisation_id,
                 safe_filename(upload.filename),
                 *media_type,
                 static_cast<long long>(upload.bytes.size()),
                 sha256,
                 actor.user_id,
                 now(s)};
    tx.attachments().add(a);
    tx.audit().append(event(s, &actor, "application.document-attached", "application",
                            application_id, "", "document " + a.id + " sha256 " + sha256));
    return a;
  });
}

Result<std::vector<Attachment>> list_attachments(QualificationServices& s, const Actor& actor,
                                                 const std::string& application_id) {
  return read_under_application<std::vector<Attachment>>(
      s, actor, application_id, [&](Transaction& tx, const ApplicationContext&) {
        return tx.attachments().list_for_application(application_id);
      });
}

Result<Document> read_document(QualificationServices& s, const Actor& actor,
                               const std::string& attachment_id) {
  return transact<Document>(s.db, Access::read, [&](Transaction& tx) -> Result<Document> {
    auto a = tx.attachments().find(attachment_id);
    if (!a || !readable_application(tx, actor, a->application_id))
      return Error::not_found("document");
    auto bytes = tx.documents().get(a->sha256);
    // A row without its bytes means the database lost data; that is the server's failure.
    if (!bytes) throw std::runtime_error("document " + a->id + " is missing its content");
    return Document{*a, std::move(*bytes)};
  });
}

}  // namespace tarjotin::domain
