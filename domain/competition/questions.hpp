#pragma once
// Questions about a published competition: invited providers ask until the questions deadline,
// the authority's officers answer, and every answer is published to every invitee.

#include <string>
#include <vector>

#include "domain/competition/services.hpp"
#include "domain/identity.hpp"

namespace tarjotin::domain {

Result<Question> ask_question(CompetitionServices& s, const Actor& actor,
                              const std::string& competition_id, const std::string& text);
Result<Question> answer_question(CompetitionServices& s, const Actor& actor,
                                 const std::string& question_id, const std::string& answer);
// Officers see every question with its asker; a provider sees the answered ones without who
// asked, and its own unanswered ones.
Result<std::vector<Question>> list_questions(CompetitionServices& s, const Actor& actor,
                                             const std::string& competition_id);

}  // namespace tarjotin::domain
