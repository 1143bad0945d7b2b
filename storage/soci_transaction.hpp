#pragma once
#include <soci/soci.h>

#include "domain/ports.hpp"
#include "storage/accounts/pending_sign_ins.hpp"
#include "storage/accounts/repositories.hpp"
#include "storage/audit/audit_trail.hpp"
#include "storage/competition/repositories.hpp"
#include "storage/ordering/repositories.hpp"
#include "storage/qualification/document_store.hpp"
#include "storage/qualification/reconfirmations.hpp"
#include "storage/qualification/repositories.hpp"

namespace tarjotin::storage {

// The domain's view of one open SOCI transaction.
class SociTransaction final : public domain::Transaction {
 public:
  explicit SociTransaction(soci::session& sql)
      : organisations_(sql),
        users_(sql),
        sessions_(sql),
        sign_in_failures_(sql),
        pending_sign_ins_(sql),
        audit_(sql),
        dpss_(sql),
        categories_(sql),
        applications_(sql),
        admissions_(sql),
        messages_(sql),
        attachments_(sql),
        documents_(sql),
        reconfirmations_(sql),
        offerings_(sql),
        customers_(sql),
        choice_sets_(sql),
        orders_(sql),
        competitions_(sql),
        notifications_(sql) {}

  domain::OrganisationRepository& organisations() override { return organisations_; }
  domain::UserRepository& users() override { return users_; }
  domain::SessionRepository& sessions() override { return sessions_; }
  domain::SignInFailureRepository& sign_in_failures() override { return sign_in_failures_; }
  domain::PendingSignInRepository& pending_sign_ins() override { return pending_sign_ins_; }
  domain::AuditTrail& audit() override { return audit_; }
  domain::DpsRepository& dpss() override { return dpss_; }
  domain::CategoryRepository& categories() override { return categories_; }
  domain::ApplicationRepository& applications() override { return applications_; }
  domain::AdmissionRepository& admissions() override { return admissions_; }
  domain::MessageRepository& messages() override { return messages_; }
  domain::AttachmentRepository& attachments() override { return attachments_; }
  domain::DocumentStore& documents() override { return documents_; }
  domain::ReconfirmationRepository& reconfirmations() override { return reconfirmations_; }
  domain::OfferingRepository& offerings() override { return offerings_; }
  domain::CustomerRepository& customers() override { return customers_; }
  domain::ChoiceSetRepository& choice_sets() override { return choice_sets_; }
  domain::OrderRepository& orders() override { return orders_; }
  domain::CompetitionRepository& competitions() override { return competitions_; }
  domain::NotificationRepository& notifications() override { return notifications_; }

 private:
  SociOrganisations organisations_;
  SociUsers users_;
  SociSessions sessions_;
  SociSignInFailures sign_in_failures_;
  SociPendingSignIns pending_sign_ins_;
  SociAuditTrail audit_;
  SociDpss dpss_;
  SociCategories categories_;
  SociApplications applications_;
  SociAdmissions admissions_;
  SociMessages messages_;
  SociAttachments attachments_;
  SociDocuments documents_;
  SociReconfirmations reconfirmations_;
  SociOfferings offerings_;
  SociCustomers customers_;
  SociChoiceSets choice_sets_;
  SociOrders orders_;
  SociCompetitions competitions_;
  SociNotifications notifications_;
};

}  // namespace tarjotin::storage
