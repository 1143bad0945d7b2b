#pragma once
// Documents an applicant attaches to its application while drafting or answering a
// clarification; answers then refer to them by id. Whoever reads the application reads them.

#include <string>
#include <string_view>
#include <vector>

#include "domain/identity.hpp"
#include "domain/qualification/entities.hpp"
#include "domain/qualification/services.hpp"
#include "domain/result.hpp"

namespace tarjotin::domain {

// A document as it arrives: `declared_type` is the request's Content-Type and must match the
// bytes, which stay the caller's for the length of the call.
struct DocumentUpload {
  std::string filename;
  std::string declared_type;
  std::string_view bytes;
};

struct Document {
  Attachment attachment;
  std::string bytes;
};

Result<Attachment> attach_document(QualificationServices& s, const Actor& actor,
                                   const std::string& application_id, DocumentUpload upload);
Result<std::vector<Attachment>> list_attachments(QualificationServices& s, const Actor& actor,
                                                 const std::string& application_id);
Result<Document> read_document(QualificationServices& s, const Actor& actor,
                               const std::string& attachment_id);

}  // namespace tarjotin::domain
