-- DPSs, categories with versioned criteria, applications with their answers and messages, and
-- admissions. Dates are days since 1970-01-01; lists are newline-separated text.
CREATE TABLE dps (
  id TEXT PRIMARY KEY,
  authority_id TEXT NOT NULL REFERENCES organisations (id),
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  notice_reference TEXT NOT NULL,
  valid_from BIGINT NOT NULL,
  valid_until BIGINT NOT NULL,
  state TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
)
---
CREATE INDEX dps_authority ON dps (authority_id)
---
CREATE TABLE categories (
  id TEXT PRIMARY KEY,
  dps_id TEXT NOT NULL REFERENCES dps (id),
  name_fi TEXT NOT NULL,
  name_sv TEXT NOT NULL,
  name_en TEXT NOT NULL,
  description TEXT NOT NULL,
  characteristics TEXT NOT NULL,
  regions TEXT NOT NULL,
  languages TEXT NOT NULL,
  price_unit TEXT NOT NULL,
  unit_price_ceiling_cents BIGINT,
  award_method TEXT NOT NULL,
  state TEXT NOT NULL,
  criteria_version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
)
---
CREATE INDEX categories_dps ON categories (dps_id)
---
CREATE TABLE category_outcome_bonuses (
  category_id TEXT NOT NULL REFERENCES categories (id),
  outcome TEXT NOT NULL,
  bonus_cents BIGINT NOT NULL,
  PRIMARY KEY (category_id, outcome)
)
---
CREATE TABLE criteria (
  category_id TEXT NOT NULL REFERENCES categories (id),
  version INTEGER NOT NULL,
  position INTEGER NOT NULL,
  criterion_key TEXT NOT NULL,
  question TEXT NOT NULL,
  criterion_type TEXT NOT NULL,
  kind TEXT NOT NULL,
  threshold DOUBLE PRECISION NOT NULL,
  max_age_days INTEGER NOT NULL,
  attachment_required INTEGER NOT NULL,
  PRIMARY KEY (category_id, version, position)
)
---
CREATE TABLE applications (
  id TEXT PRIMARY KEY,
  provider_id TEXT NOT NULL REFERENCES organisations (id),
  category_id TEXT NOT NULL REFERENCES categories (id),
  criteria_version INTEGER NOT NULL,
  state TEXT NOT NULL,
  received_at BIGINT,
  decision_due BIGINT,
  extension_reason TEXT NOT NULL,
  decision_reason TEXT NOT NULL,
  decided_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
)
---
CREATE INDEX applications_category ON applications (category_id, state)
---
-- At most one application of a provider in a category is open at a time; the use case checks
-- this first, the index makes it hold even against a bug.
CREATE UNIQUE INDEX applications_one_open ON applications (provider_id, category_id)
  WHERE state IN ('draft', 'submitted', 'clarification_requested')
---
CREATE TABLE application_answers (
  application_id TEXT NOT NULL REFERENCES applications (id),
  answer_key TEXT NOT NULL,
  yes INTEGER,
  number DOUBLE PRECISION,
  answer_date BIGINT,
  answer_text TEXT NOT NULL,
  attachment_id TEXT NOT NULL,
  PRIMARY KEY (application_id, answer_key)
)
---
CREATE TABLE admissions (
  provider_id TEXT NOT NULL REFERENCES organisations (id),
  category_id TEXT NOT NULL REFERENCES categories (id),
  application_id TEXT NOT NULL REFERENCES applications (id),
  state TEXT NOT NULL,
  admitted_at BIGINT NOT NULL,
  reason TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (provider_id, category_id)
)
---
CREATE TABLE application_messages (
  id TEXT PRIMARY KEY,
  application_id TEXT NOT NULL REFERENCES applications (id),
  author_user_id TEXT NOT NULL,
  author_organisation_id TEXT NOT NULL,
  body TEXT NOT NULL,
  sent_at BIGINT NOT NULL
)
---
CREATE INDEX application_messages_application ON application_messages (application_id, sent_at)
