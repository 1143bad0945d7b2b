#pragma once
// Feedback on a delivered service: the customer answers once through a link the coach hands
// them, the coach rates the provider, and anyone signed in reads what was said of a provider
// without anything that leads back to a customer.

#include <string>
#include <vector>

#include "domain/identity.hpp"
#include "domain/ordering/entities.hpp"
#include "domain/ordering/services.hpp"
#include "domain/result.hpp"

namespace tarjotin::domain {

struct FeedbackLink {
  std::string token;  // shown once, to the coach who hands it to the customer
  Timestamp expires_at{};
};

struct FeedbackForm {
  std::string provider_name;
  LocalisedText service;  // the category's name
  bool answered = false;
  Timestamp expires_at{};
};

struct FeedbackInput {
  int score = -1;  // 0..10
  std::string comment;
  std::string language;
};

// What the customer is told once the answer is stored: that it was, and nothing the link could
// read back.
struct FeedbackReceived {};

struct RatingInput {
  int score = -1;  // 0..10
  std::string comment;
};

// Only the ordering unit's coaches get the link: a provider holding it could answer for the
// customer.
Result<FeedbackLink> issue_feedback_link(OrderingServices& s, const Actor& actor,
                                         const std::string& order_id);
// The customer has no account: the one-time token is the only credential.
Result<FeedbackForm> read_feedback_form(OrderingServices& s, const std::string& token);
Result<FeedbackReceived> give_feedback(OrderingServices& s, const std::string& token,
                                       FeedbackInput input);
Result<Feedback> rate_provider(OrderingServices& s, const Actor& actor, const std::string& order_id,
                               RatingInput input);
// What customers and coaches said of a provider, newest first, without anything identifying a
// customer.
Result<std::vector<Feedback>> provider_feedback(OrderingServices& s, const Actor& actor,
                                                const std::string& provider_id);

}  // namespace tarjotin::domain
