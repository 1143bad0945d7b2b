#pragma once
// Qualification's tables, each column declared once (storage/table.hpp): the repositories derive
// their SELECT lists, INSERTs and UPDATEs from these. Lists held in rows of their own (a
// category's outcome bonuses and criteria, an application's answers) are mapped through a row
// that names their owner.

#include <string>

#include "domain/qualification/entities.hpp"
#include "storage/table.hpp"

namespace tarjotin::storage::qualification_tables {

using namespace domain;

// Who owns a DPS and when it was made never change after it is added.
inline const Table<Dps> kDpss =
    Table<Dps>("dps", 1,  //
               column("id", &Dps::id), column("authority_id", &Dps::authority_id),
               column("title", &Dps::title), column("description", &Dps::description),
               column("notice_reference", &Dps::notice_reference),
               column("valid_from", &Dps::valid_from), column("valid_until", &Dps::valid_until),
               column<Named<DpsState, kDpsStateCount>>("state", &Dps::state),
               column("created_at", &Dps::created_at), column("updated_at", &Dps::updated_at))
        .leave_on_update({"authority_id", "created_at"});

// The outcome bonuses are rows of category_outcome_bonuses (kOutcomeBonuses); a category stays
// under the DPS it was made in.
inline const Table<Category> kCategories =
    Table<Category>(
        "categories", 1,  //
        column("id", &Category::id), column("dps_id", &Category::dps_id),
        column(
            "name_fi", [](auto& c) -> auto& { return c.name.fi; }),
        column(
            "name_sv", [](auto& c) -> auto& { return c.name.sv; }),
        column(
            "name_en", [](auto& c) -> auto& { return c.name.en; }),
        column("description", &Category::description),
        column("characteristics", &Category::characteristics),
        column("regions", &Category::regions), column("languages", &Category::languages),
        column(
            "price_unit", [](auto& c) -> auto& { return c.price.unit; }),
        column(
            "unit_price_ceiling_cents",
            [](auto& c) -> auto& { return c.price.unit_price_ceiling_cents; }),
        column<Named<AwardMethod, kAwardMethodCount>>("award_method", &Category::award_method),
        column<Named<CategoryState, kCategoryStateCount>>("state", &Category::state),
        column("criteria_version", &Category::criteria_version),
        column("created_at", &Category::created_at), column("updated_at", &Category::updated_at))
        .leave_on_update({"dps_id", "created_at"});

struct OutcomeBonus {
  std::string category_id;
  std::string outcome;
  long long cents = 0;
};

inline const Table<OutcomeBonus> kOutcomeBonuses{
    "category_outcome_bonuses", 2, column("category_id", &OutcomeBonus::category_id),
    column("outcome", &OutcomeBonus::outcome), column("bonus_cents", &OutcomeBonus::cents)};

// One criterion of one version of a category's criteria, at its place in the list.
struct CriterionRow {
  std::string category_id;
  int version = 1;
  int position = 0;
  Criterion criterion;
};

inline const Table<CriterionRow> kCriteria{
    "criteria",
    3,
    column("category_id", &CriterionRow::category_id),
    column("version", &CriterionRow::version),
    column("position", &CriterionRow::position),
    column(
        "criterion_key", [](auto& r) -> auto& { return r.criterion.key; }),
    column(
        "question", [](auto& r) -> auto& { return r.criterion.question; }),
    column<Named<CriterionType, kCriterionTypeCount>>(
        "criterion_type", [](auto& r) -> auto& { return r.criterion.type; }),
    column<Named<CriterionKind, kCriterionKindCount>>(
        "kind", [](auto& r) -> auto& { return r.criterion.kind; }),
    column(
        "threshold", [](auto& r) -> auto& { return r.criterion.threshold; }),
    column(
        "max_age_days", [](auto& r) -> auto& { return r.criterion.max_age_days; }),
    column(
        "attachment_required", [](auto& r) -> auto& { return r.criterion.attachment_required; })};

// The answers are rows of application_answers (kAnswers); the applicant, the category and when
// the application was begun never change.
inline const Table<Application> kApplications =
    Table<Application>(
        "applications", 1,  //
        column("id", &Application::id), column("provider_id", &Application::provider_id),
        column("category_id", &Application::category_id),
        column("criteria_version", &Application::criteria_version),
        column<Named<ApplicationState, kApplicationStateCount>>("state", &Application::state),
        column("received_at", &Application::received_at),
        column("decision_due", &Application::decision_due),
        column("extension_reason", &Application::extension_reason),
        column("decision_reason", &Application::decision_reason),
        column("decided_at", &Application::decided_at),
        column("created_at", &Application::created_at),
        column("updated_at", &Application::updated_at))
        .leave_on_update({"provider_id", "category_id", "created_at"});

struct AnswerRow {
  std::string application_id;
  Answer answer;
};

inline const Table<AnswerRow> kAnswers{
    "application_answers",
    2,
    column("application_id", &AnswerRow::application_id),
    column(
        "answer_key", [](auto& r) -> auto& { return r.answer.key; }),
    column(
        "yes", [](auto& r) -> auto& { return r.answer.yes; }),
    column(
        "number", [](auto& r) -> auto& { return r.answer.number; }),
    column(
        "answer_date", [](auto& r) -> auto& { return r.answer.date; }),
    column(
        "answer_text", [](auto& r) -> auto& { return r.answer.text; }),
    column(
        "attachment_id", [](auto& r) -> auto& { return r.answer.attachment_id; })};

inline const Table<Admission> kAdmissions{
    "admissions",
    2,
    column("provider_id", &Admission::provider_id),
    column("category_id", &Admission::category_id),
    column("application_id", &Admission::application_id),
    column<Named<AdmissionState, kAdmissionStateCount>>("state", &Admission::state),
    column("admitted_at", &Admission::admitted_at),
    column("reason", &Admission::reason),
    column("updated_at", &Admission::updated_at)};

inline const Table<Message> kMessages{
    "application_messages",
    1,
    column("id", &Message::id),
    column("application_id", &Message::application_id),
    column("author_user_id", &Message::author_user_id),
    column("author_organisation_id", &Message::author_organisation_id),
    column("body", &Message::body),
    column("sent_at", &Message::sent_at)};

inline const Table<Attachment> kAttachments{
    "attachments",
    1,
    column("id", &Attachment::id),
    column("application_id", &Attachment::application_id),
    column("provider_id", &Attachment::provider_id),
    column("filename", &Attachment::filename),
    column<Parsed<MediaType, parse_media_type>>("media_type", &Attachment::media_type),
    column("size_bytes", &Attachment::size_bytes),
    column("sha256", &Attachment::sha256),
    column("uploaded_by", &Attachment::uploaded_by),
    column("uploaded_at", &Attachment::uploaded_at)};

inline const Table<ReconfirmationRequest> kReconfirmationRequests{
    "reconfirmation_requests",
    1,
    column("id", &ReconfirmationRequest::id),
    column("category_id", &ReconfirmationRequest::category_id),
    column("criteria_version", &ReconfirmationRequest::criteria_version),
    column("due", &ReconfirmationRequest::due),
    column("message", &ReconfirmationRequest::message),
    column("requested_by", &ReconfirmationRequest::requested_by),
    column("requested_at", &ReconfirmationRequest::requested_at)};

inline const Table<Reconfirmation> kReconfirmations{
    "reconfirmations",
    2,
    column("request_id", &Reconfirmation::request_id),
    column("provider_id", &Reconfirmation::provider_id),
    column<Named<ReconfirmationState, kReconfirmationStateCount>>("state", &Reconfirmation::state),
    column("answered_at", &Reconfirmation::answered_at)};

}  // namespace tarjotin::storage::qualification_tables
