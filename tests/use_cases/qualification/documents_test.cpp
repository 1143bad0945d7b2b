// Documents attached to applications, and messages between the parties: who writes and reads
// them, what is refused before anything is stored. The use cases over real storage, without a
// server.
#include <gtest/gtest.h>

#include "crypto/crypto.hpp"
#include "domain/qualification/documents.hpp"
#include "domain/qualification/messages.hpp"
#include "domain/qualification/review.hpp"
#include "tests/use_cases/qualification/world.hpp"

namespace tarjotin {
namespace {

using namespace domain;
using testing::QualificationWorld;

const std::string kPdf = "%PDF-1.7\nverovelkatodistus\n%%EOF\n";

class Documents : public QualificationWorld {
 protected:
  std::string draft() {
    auto started = start_application(qualification, provider_c, kCategory, answers());
    EXPECT_TRUE(started);
    return started->application.id;
  }
  bool stored(const std::string& bytes) {
    bool found = false;
    t.db().run(Access::read, [&](Transaction& tx) {
      found = tx.documents().get(crypto::sha256_hex(bytes)).has_value();
      return false;
    });
    return found;
  }
};

TEST_F(Documents, TheApplicantsDocumentIsKeptByItsHashAndReadIntactByTheReaders) {
  const std::string id = draft();
  const long long before = audit_head();
  auto attached = attach_document(qualification, provider_c, id,
                                  {"../../todistus.pdf", "application/pdf", kPdf});
  ASSERT_TRUE(attached) << attached.error().detail;
  EXPECT_EQ(attached->filename, "todistus.pdf");
  EXPECT_EQ(attached->media_type, MediaType::pdf);
  EXPECT_EQ(attached->size_bytes, static_cast<long long>(kPdf.size()));
  EXPECT_EQ(attached->sha256, crypto::sha256_hex(kPdf));
  EXPECT_EQ(attached->uploaded_at, clock.now());
  const auto events = audit_since(before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event.action, "application.document-attached");
  EXPECT_EQ(events[0].event.after, "document " + attached->id + " sha256 " + attached->sha256);
  for (const Actor* reader : {&provider_c, &officer, &auditor}) {
    auto doc = read_document(qualification, *reader, attached->id);
    ASSERT_TRUE(doc) << reader->user_id;
    EXPECT_EQ(doc->bytes, kPdf);
    EXPECT_EQ(doc->attachment, *attached);
  }
  EXPECT_EQ(*list_attachments(qualification, officer, id), std::vector<Attachment>{*attached});
  // Answers may now name it as evidence.
  auto evidence = answers();
  evidence[2].attachment_id = attached->id;
  auto saved = save_answers(qualification, provider_c, id, evidence);
  ASSERT_TRUE(saved);
  EXPECT_EQ(saved->evaluations.at(2).verdict, Verdict::meets);
}

TEST_F(Documents, AStrangersBytesAreNeverStored) {
  const std::string id = draft();
  const std::string bytes = "%PDF-1.4 vieras";
  for (const Actor* stranger : {&provider_a, &other_officer}) {
    auto refused =
        attach_document(qualification, *stranger, id, {"x.pdf", "application/pdf", bytes});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, ErrorKind::not_found);
  }
  auto by_officer =
      attach_document(qualification, officer, id, {"x.pdf", "application/pdf", bytes});
  ASSERT_FALSE(by_officer);
  EXPECT_EQ(by_officer.error().kind, ErrorKind::forbidden);
  EXPECT_FALSE(stored(bytes));
  for (const Actor* stranger : {&provider_a, &other_officer})
    EXPECT_FALSE(list_attachments(qualification, *stranger, id));
}

TEST_F(Documents, ContentMustBeWhatItsTypeSaysAndWithinTheLimit) {
  const std::string id = draft();
  const std::string png("\x89PNG\r\n\x1a\n-kuva", 13);
  auto disguised =
      attach_document(qualification, provider_c, id, {"a.pdf", "application/pdf", png});
  ASSERT_FALSE(disguised);
  EXPECT_EQ(disguised.error().fields.at(0).rule, "media-type");
  qualification.max_attachment_bytes = kPdf.size() - 1;
  auto large = attach_document(qualification, provider_c, id, {"a.pdf", "application/pdf", kPdf});
  ASSERT_FALSE(large);
  EXPECT_EQ(large.error().fields.at(0).rule, "maxLength");
  EXPECT_FALSE(stored(png));
  EXPECT_FALSE(stored(kPdf));
}

TEST_F(Documents, NoNewDocumentsOnceSubmittedButAgainWhenAskedForClarification) {
  const std::string id = submitted_application();
  auto late = attach_document(qualification, provider_c, id, {"a.pdf", "application/pdf", kPdf});
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().detail, "an application in state 'submitted' cannot take new documents");
  ASSERT_TRUE(request_clarification(qualification, officer, id, "Liittäkää todistus."));
  EXPECT_TRUE(attach_document(qualification, provider_c, id, {"a.pdf", "application/pdf", kPdf}));
}

TEST_F(Documents, ThePartiesWriteMessagesWhileReadersOnlyRead) {
  const std::string id = submitted_application();
  const long long before = audit_head();
  auto from_officer = post_message(qualification, officer, id, "Käsittely alkaa.");
  ASSERT_TRUE(from_officer);
  clock.advance(std::chrono::seconds{1});
  auto from_applicant = post_message(qualification, provider_c, id, "Kiitos.");
  ASSERT_TRUE(from_applicant);
  EXPECT_EQ(*list_messages(qualification, auditor, id),
            (std::vector<Message>{*from_officer, *from_applicant}));
  EXPECT_EQ(actions_since(before),
            (std::vector<std::string>{"application.message-posted", "application.message-posted"}));
  auto by_auditor = post_message(qualification, auditor, id, "Huomio.");
  ASSERT_FALSE(by_auditor);
  EXPECT_EQ(by_auditor.error().kind, ErrorKind::forbidden);
  auto by_stranger = post_message(qualification, provider_a, id, "Hei.");
  ASSERT_FALSE(by_stranger);
  EXPECT_EQ(by_stranger.error().kind, ErrorKind::not_found);
  EXPECT_FALSE(list_messages(qualification, provider_a, id));
  auto blank = post_message(qualification, officer, id, "\n");
  ASSERT_FALSE(blank);
  EXPECT_EQ(blank.error().fields.at(0).pointer, "/body");
  EXPECT_EQ(list_messages(qualification, officer, id)->size(), 2u);
}

}  // namespace
}  // namespace tarjotin
