#pragma once
// Messages about an application between the applicant and the authority's officers; questions
// and answers of a clarification are kept among them.

#include <string>
#include <vector>

#include "domain/identity.hpp"
#include "domain/qualification/entities.hpp"
#include "domain/qualification/services.hpp"
#include "domain/result.hpp"

namespace tarjotin::domain {

struct MessageInput {
  std::string body;
};

// For whoever may read the application.
Result<std::vector<Message>> list_messages(QualificationServices& s, const Actor& actor,
                                           const std::string& application_id);
Result<Message> post_message(QualificationServices& s, const Actor& actor,
                             const std::string& application_id, const std::string& body);

}  // namespace tarjotin::domain
