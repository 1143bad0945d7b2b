-- Mini-competitions: the competitions with their award criteria, invitations, questions,
-- sealed tenders and quality scores; notifications to organisations and the webhook outbox.
-- Times are microseconds since the epoch. A user or tender reference that may be empty in the
-- domain is stored as NULL when empty, so the foreign keys hold.
CREATE TABLE competitions (
  id TEXT PRIMARY KEY,
  category_id TEXT NOT NULL REFERENCES categories (id),
  authority_id TEXT NOT NULL REFERENCES organisations (id),
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  quantity TEXT NOT NULL,
  questions_deadline BIGINT NOT NULL,
  tender_deadline BIGINT NOT NULL,
  standstill_days INTEGER NOT NULL,
  state TEXT NOT NULL,
  reason TEXT NOT NULL,
  created_by TEXT REFERENCES users (id),
  created_at BIGINT NOT NULL,
  published_at BIGINT,
  opened_at BIGINT,
  opened_by TEXT REFERENCES users (id),
  -- No foreign key: tenders refer to competitions, and one file serves both databases.
  winner_tender_id TEXT,
  awarded_at BIGINT,
  updated_at BIGINT NOT NULL
)
---
CREATE INDEX competitions_category ON competitions (category_id, state)
---
-- The published award criteria of a competition, in the order they were given.
CREATE TABLE competition_criteria (
  competition_id TEXT NOT NULL REFERENCES competitions (id),
  position INTEGER NOT NULL,
  criterion_key TEXT NOT NULL,
  name TEXT NOT NULL,
  basis TEXT NOT NULL,
  weight INTEGER NOT NULL,
  max_points INTEGER NOT NULL,
  PRIMARY KEY (competition_id, position)
)
---
CREATE TABLE invitations (
  competition_id TEXT NOT NULL REFERENCES competitions (id),
  provider_id TEXT NOT NULL REFERENCES organisations (id),
  invited_at BIGINT NOT NULL,
  PRIMARY KEY (competition_id, provider_id)
)
---
CREATE INDEX invitations_provider ON invitations (provider_id, invited_at)
---
-- An empty answer means not answered yet.
CREATE TABLE questions (
  id TEXT PRIMARY KEY,
  competition_id TEXT NOT NULL REFERENCES competitions (id),
  provider_id TEXT NOT NULL REFERENCES organisations (id),
  question TEXT NOT NULL,
  asked_at BIGINT NOT NULL,
  answer TEXT NOT NULL,
  answered_at BIGINT
)
---
CREATE INDEX questions_competition ON questions (competition_id, asked_at)
---
-- One tender per provider per competition. `sealed` is the base64 ciphertext of the tender's
-- content; the database never holds it in the clear.
CREATE TABLE tenders (
  id TEXT PRIMARY KEY,
  competition_id TEXT NOT NULL REFERENCES competitions (id),
  provider_id TEXT NOT NULL REFERENCES organisations (id),
  state TEXT NOT NULL,
  sealed TEXT NOT NULL,
  submitted_at BIGINT,
  receipt TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (competition_id, provider_id)
)
---
CREATE TABLE quality_scores (
  tender_id TEXT NOT NULL REFERENCES tenders (id),
  criterion_key TEXT NOT NULL,
  points INTEGER NOT NULL,
  justification TEXT NOT NULL,
  scored_by TEXT REFERENCES users (id),
  scored_at BIGINT NOT NULL,
  PRIMARY KEY (tender_id, criterion_key)
)
---
CREATE TABLE notifications (
  id TEXT PRIMARY KEY,
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  kind TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  message TEXT NOT NULL,
  created_at BIGINT NOT NULL
)
---
CREATE INDEX notifications_organisation ON notifications (organisation_id, created_at)
---
-- The secret is the HMAC key deliveries are signed with, so it is kept as given.
CREATE TABLE webhooks (
  organisation_id TEXT PRIMARY KEY REFERENCES organisations (id),
  url TEXT NOT NULL,
  secret TEXT NOT NULL,
  created_at BIGINT NOT NULL
)
---
-- Webhook deliveries waiting or done. A worker claims due events by setting claimed_until;
-- delivered_at is set once the receiver has accepted the event.
CREATE TABLE outbox_events (
  id TEXT PRIMARY KEY,
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  kind TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  claimed_until BIGINT,
  delivered_at BIGINT,
  last_error TEXT NOT NULL
)
---
CREATE INDEX outbox_events_due ON outbox_events (delivered_at, next_attempt_at)
