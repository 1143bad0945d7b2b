-- Requests to admitted providers to re-confirm a category's criteria by a date, and each
-- provider's answer. Dates are days since 1970-01-01.
CREATE TABLE reconfirmation_requests (
  id TEXT PRIMARY KEY,
  category_id TEXT NOT NULL REFERENCES categories (id),
  criteria_version INTEGER NOT NULL,
  due BIGINT NOT NULL,
  message TEXT NOT NULL,
  requested_by TEXT NOT NULL,
  requested_at BIGINT NOT NULL
)
---
CREATE TABLE reconfirmations (
  request_id TEXT NOT NULL REFERENCES reconfirmation_requests (id),
  provider_id TEXT NOT NULL REFERENCES organisations (id),
  state TEXT NOT NULL,
  answered_at BIGINT,
  PRIMARY KEY (request_id, provider_id)
)
---
CREATE INDEX reconfirmations_pending ON reconfirmations (state, provider_id)
