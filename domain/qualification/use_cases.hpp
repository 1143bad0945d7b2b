#pragma once
// Use cases of qualification: officers set up DPSs and categories and decide on applications;
// providers apply at any time; the public sees open DPSs and who has been admitted.

#include <optional>
#include <string>
#include <vector>

#include "domain/identity.hpp"
#include "domain/ports.hpp"
#include "domain/qualification/documents.hpp"
#include "domain/qualification/entities.hpp"
#include "domain/qualification/ports.hpp"
#include "domain/working_day_calendar.hpp"

namespace tarjotin::domain {

struct QualificationServices {
  Database& db;
  const Clock& clock;
  Secrets& secrets;
  const WorkingDayCalendar& calendar;
  std::size_t max_attachment_bytes = 10 * 1024 * 1024;
};

struct DpsInput {
  std::string title;
  std::string description;
  std::string notice_reference;
  Date valid_from{};
  Date valid_until{};
};

struct CategoryInput {
  LocalisedText name;
  std::string description;
  std::vector<std::string> characteristics;
  std::vector<std::string> regions;
  std::vector<std::string> languages;
  PriceModel price;
  AwardMethod award_method = AwardMethod::customer_choice;
};

struct CategoryView {
  Category category;
  std::vector<Criterion> criteria;  // the current version
};

struct ApplicationView {
  Application application;
  std::vector<Evaluation> evaluations;   // against the criteria version it is judged by
  std::optional<int> working_days_left;  // until the decision is due; negative when overdue
  bool overdue = false;
  // What admitting it led to, as it is now: an admitted application's provider may since have
  // been suspended, reinstated or excluded.
  std::optional<Admission> admission;
};

struct AdmittedProvider {
  Organisation provider;
  Admission admission;
};

// `actor` is null for anonymous callers of public reads.
Result<Dps> create_dps(QualificationServices& s, const Actor& actor, DpsInput input);
Result<Dps> edit_dps(QualificationServices& s, const Actor& actor, const std::string& dps_id,
                     DpsInput input);
Result<Dps> change_dps_state(QualificationServices& s, const Actor& actor,
                             const std::string& dps_id, DpsAct act);
Result<std::vector<Dps>> list_dpss(QualificationServices& s, const Actor* actor);
Result<Dps> read_dps(QualificationServices& s, const Actor* actor, const std::string& dps_id);

Result<CategoryView> create_category(QualificationServices& s, const Actor& actor,
                                     const std::string& dps_id, CategoryInput input,
                                     std::vector<Criterion> criteria);
Result<CategoryView> edit_category(QualificationServices& s, const Actor& actor,
                                   const std::string& category_id, CategoryInput input);
// On a draft category the criteria are replaced; on an open one they become a new version, and
// applications keep being judged against the version they were submitted under.
Result<CategoryView> set_criteria(QualificationServices& s, const Actor& actor,
                                  const std::string& category_id, std::vector<Criterion> criteria);
Result<CategoryView> change_category_state(QualificationServices& s, const Actor& actor,
                                           const std::string& category_id, CategoryAct act);
Result<std::vector<Category>> list_categories(QualificationServices& s, const Actor* actor,
                                              const std::string& dps_id);
Result<CategoryView> read_category(QualificationServices& s, const Actor* actor,
                                   const std::string& category_id);

Result<ApplicationView> start_application(QualificationServices& s, const Actor& actor,
                                          const std::string& category_id,
                                          std::vector<Answer> answers);
Result<ApplicationView> save_answers(QualificationServices& s, const Actor& actor,
                                     const std::string& application_id,
                                     std::vector<Answer> answers);
Result<ApplicationView> submit_application(QualificationServices& s, const Actor& actor,
                                           const std::string& application_id);
Result<ApplicationView> withdraw_application(QualificationServices& s, const Actor& actor,
                                             const std::string& application_id);
Result<ApplicationView> read_application(QualificationServices& s, const Actor& actor,
                                         const std::string& application_id);
// A provider's own applications.
Result<std::vector<ApplicationView>> list_own_applications(QualificationServices& s,
                                                           const Actor& actor);
// The officer's queue: applications to a DPS that await a decision, soonest due first.
Result<std::vector<ApplicationView>> review_queue(QualificationServices& s, const Actor& actor,
                                                  const std::string& dps_id);

Result<ApplicationView> request_clarification(QualificationServices& s, const Actor& actor,
                                              const std::string& application_id,
                                              const std::string& question);
Result<ApplicationView> answer_clarification(QualificationServices& s, const Actor& actor,
                                             const std::string& application_id,
                                             const std::string& answer,
                                             std::optional<std::vector<Answer>> answers);
Result<ApplicationView> extend_decision_deadline(QualificationServices& s, const Actor& actor,
                                                 const std::string& application_id,
                                                 const std::string& reason);
Result<ApplicationView> decide_application(QualificationServices& s, const Actor& actor,
                                           const std::string& application_id, bool admit,
                                           const std::string& reason);

// Every way into an admission goes through here. Whenever the provider is (again) admitted, it is
// invited, in the same transaction, to the category's competitions that still take tenders: an
// admitted provider may tender until the deadline, however it came to be admitted.
void store_admission(Transaction& tx, const Clock& clock, Secrets& secrets,
                     const Admission& admission);

Result<Admission> change_admission(QualificationServices& s, const Actor& actor,
                                   const std::string& category_id, const std::string& provider_id,
                                   AdmissionAct act, const std::string& reason);
// Every admission to the category, suspended and excluded ones too (with their reasons), or
// those in `state`: for the authority's officers, who must see whom the re-confirmation job
// suspended and reinstate them.
Result<std::vector<AdmittedProvider>> list_admissions(QualificationServices& s, const Actor& actor,
                                                      const std::string& category_id,
                                                      std::optional<AdmissionState> state);
Result<std::vector<AdmittedProvider>> admitted_providers(QualificationServices& s,
                                                         const std::string& category_id);

Result<std::vector<Message>> list_messages(QualificationServices& s, const Actor& actor,
                                           const std::string& application_id);
Result<Message> post_message(QualificationServices& s, const Actor& actor,
                             const std::string& application_id, const std::string& body);

// The applicant attaches a document while drafting or answering a clarification; answers then
// refer to it by id. `declared_type` is the request's Content-Type and must match the bytes.
Result<Attachment> attach_document(QualificationServices& s, const Actor& actor,
                                   const std::string& application_id, std::string_view filename,
                                   std::string_view declared_type, std::string_view bytes);
Result<std::vector<Attachment>> list_attachments(QualificationServices& s, const Actor& actor,
                                                 const std::string& application_id);
struct Document {
  Attachment attachment;
  std::string bytes;
};
Result<Document> read_document(QualificationServices& s, const Actor& actor,
                               const std::string& attachment_id);

// Applications whose decision is overdue, and those due within `soon` working days.
struct DeadlineCounts {
  long long overdue = 0;
  long long due_soon = 0;
};
DeadlineCounts decision_deadline_counts(QualificationServices& s, int soon = 2);

}  // namespace tarjotin::domain
