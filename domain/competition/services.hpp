#pragma once
// What the mini-competition use cases run with.

#include "domain/competition/ports.hpp"
#include "domain/ports.hpp"

namespace tarjotin::domain {

struct CompetitionServices {
  Database& db;
  const Clock& clock;
  Secrets& secrets;
  TenderSeal& seal;
  const WebhookTargets& webhook_targets;
  WebhookSecretSeal& webhook_seal;
};

}  // namespace tarjotin::domain
