#pragma once
// What mini-competitions decide, without storage or clock of their own: the life cycle, the
// terms a competition may be published with, the deadlines, who reads which questions, what a
// tender must say, scoring, ranking and award, and the form of webhook deliveries.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/competition/entities.hpp"
#include "domain/result.hpp"
#include "domain/state_machine.hpp"

namespace tarjotin::domain {

std::span<const Transition<CompetitionState, CompetitionAct>> competition_transitions();
// The state `act` moves the competition to, or the conflict naming why it cannot.
Result<CompetitionState> next_competition_state(const Competition& c, CompetitionAct act);

// The criteria a competition may be published with; pointers are "/criteria/<i>/<field>".
Status validate_award_criteria(std::span<const AwardCriterion> criteria);
// A title and a description, questions closing no later than tenders, a standstill period of
// 0 to 60 days, and criteria as validate_award_criteria says.
Status check_competition_input(const CompetitionInput& in);
// The drafted terms written onto the competition; nothing else of it changes.
void apply_terms(Competition& c, const CompetitionInput& in);

// Questions are asked while the competition is published, until the questions deadline.
Status questions_open(const Competition& c, Timestamp now);
// Tenders are taken while the competition is published, until the tender deadline: the
// server's clock decides, to the microsecond.
Status tenders_accepted(const Competition& c, Timestamp now);
// Whether the officer's opening act has happened, so that tenders may be read at all.
bool tenders_opened(const Competition& c);

// What a reader learns of a competition's questions: the authority's staff (`oversees`) every
// one with its asker; a provider the answered ones without who asked, and its own.
std::vector<Question> questions_seen_by(std::vector<Question> all, bool oversees,
                                        const std::string& organisation_id);

// A positive price and answers of bounded length; checked before anything is read.
Status check_tender_content(const TenderContent& content);
// Every answer belongs to a quality criterion of the competition.
Status check_tender_answers(std::span<const AwardCriterion> criteria, const TenderContent& content);
// What a submission's receipt digests: the tender, its exact time of receipt and the sealed
// bytes, so the provider can show later what was received and when.
std::string receipt_text(const Tender& submitted);

// A score is given on a quality criterion of the competition, within its scale.
Status check_quality_points(std::span<const AwardCriterion> criteria,
                            const std::string& criterion_key, int points);
// Ranks the opened, submitted tenders by the published criteria. Ties on the total are broken
// by the lower price, then by the earlier receipt: a rule published with every competition.
std::vector<RankedTender> rank_tenders(std::span<const AwardCriterion> criteria,
                                       std::span<const OpenedTender> tenders,
                                       std::span<const QualityScore> scores);
// The award confirms the ranking: there are tenders, every one is scored on every criterion,
// and `tender_id` is the one ranked first.
Status check_award(std::span<const RankedTender> ranking, const std::string& tender_id);
// The standstill period runs from the award; the contract is concluded only after it.
Timestamp standstill_until(const Competition& awarded);
Status standstill_over(const Competition& awarded, Timestamp now);

// The field that names a notification's subject: the category for admission.* kinds, the
// competition for competition.* kinds.
std::string_view subject_field(std::string_view kind);
// The JSON body a notification is delivered with; built once and signed as these exact bytes.
std::string webhook_body(const OutboxEvent& event, const Notification& n);
// An http(s) URL of bounded length without spaces or line breaks.
Status check_webhook_url(const std::string& url);
DeliveryState delivery_state(const OutboxEvent& event);

}  // namespace tarjotin::domain
