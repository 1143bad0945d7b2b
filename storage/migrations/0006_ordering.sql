-- Ordering with customer choice: providers' offerings, pseudonymous customers and their
-- consents, the choice sets shown to them, orders and what follows one (closing report,
-- outcomes, feedback). Times are microseconds since the epoch, dates days since 1970-01-01;
-- lists are newline-separated text, outcome bonuses lines of "outcome=cents"; flags are 0/1.
CREATE TABLE offerings (
  id TEXT PRIMARY KEY,
  provider_id TEXT NOT NULL REFERENCES organisations (id),
  category_id TEXT NOT NULL REFERENCES categories (id),
  description_fi TEXT NOT NULL,
  description_sv TEXT NOT NULL,
  description_en TEXT NOT NULL,
  unit_price_cents BIGINT NOT NULL,
  outcome_bonus_cents TEXT NOT NULL,
  -- Places are taken by a conditional decrement; the check makes overbooking impossible even
  -- if that condition is ever lost.
  free_places INTEGER NOT NULL CHECK (free_places >= 0),
  regions TEXT NOT NULL,
  languages TEXT NOT NULL,
  earliest_start BIGINT NOT NULL,
  typical_duration_days INTEGER NOT NULL,
  active INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
)
---
CREATE INDEX offerings_category ON offerings (category_id)
---
CREATE INDEX offerings_provider ON offerings (provider_id)
---
-- A customer is known to the system only by the coaching unit's own case reference.
CREATE TABLE customers (
  id TEXT PRIMARY KEY,
  coaching_unit_id TEXT NOT NULL REFERENCES organisations (id),
  reference TEXT NOT NULL,
  region TEXT NOT NULL,
  languages TEXT NOT NULL,
  unemployment TEXT NOT NULL,
  age TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (coaching_unit_id, reference)
)
---
CREATE TABLE consents (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers (id),
  provider_id TEXT NOT NULL REFERENCES organisations (id),
  scope TEXT NOT NULL,
  given_at BIGINT NOT NULL,
  withdrawn_at BIGINT,
  recorded_by TEXT NOT NULL REFERENCES users (id)
)
---
CREATE INDEX consents_customer ON consents (customer_id, given_at)
---
CREATE TABLE choice_sets (
  id TEXT PRIMARY KEY,
  category_id TEXT NOT NULL REFERENCES categories (id),
  customer_id TEXT NOT NULL REFERENCES customers (id),
  coaching_unit_id TEXT NOT NULL REFERENCES organisations (id),
  requested_by TEXT NOT NULL REFERENCES users (id),
  -- The unsigned 64-bit shuffle seed, stored bit for bit as a signed BIGINT.
  seed BIGINT NOT NULL,
  start_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL
)
---
CREATE INDEX choice_sets_customer ON choice_sets (customer_id)
---
-- Each offering as the customer saw it, with the scorecard summary shown beside it.
CREATE TABLE choice_set_entries (
  choice_set_id TEXT NOT NULL REFERENCES choice_sets (id),
  position INTEGER NOT NULL,
  offering_id TEXT NOT NULL REFERENCES offerings (id),
  provider_id TEXT NOT NULL REFERENCES organisations (id),
  unit_price_cents BIGINT NOT NULL,
  order_count INTEGER NOT NULL,
  completion_rate DOUBLE PRECISION,
  net_promoter_score DOUBLE PRECISION,
  nps_responses INTEGER NOT NULL,
  PRIMARY KEY (choice_set_id, position)
)
---
CREATE TABLE orders (
  id TEXT PRIMARY KEY,
  choice_set_id TEXT REFERENCES choice_sets (id),
  offering_id TEXT NOT NULL REFERENCES offerings (id),
  provider_id TEXT NOT NULL REFERENCES organisations (id),
  category_id TEXT NOT NULL REFERENCES categories (id),
  customer_id TEXT NOT NULL REFERENCES customers (id),
  coaching_unit_id TEXT NOT NULL REFERENCES organisations (id),
  ordered_by TEXT NOT NULL REFERENCES users (id),
  unit_price_cents BIGINT NOT NULL,
  outcome_bonus_cents TEXT NOT NULL,
  chosen_by_customer INTEGER NOT NULL,
  choice_reason TEXT NOT NULL,
  state TEXT NOT NULL,
  reason TEXT NOT NULL,
  placed_at BIGINT NOT NULL,
  accepted_at BIGINT,
  started_at BIGINT,
  ended_at BIGINT,
  updated_at BIGINT NOT NULL,
  -- NULL when the client sent none, so keyless orders never collide.
  idempotency_key TEXT,
  request_fingerprint TEXT NOT NULL,
  UNIQUE (coaching_unit_id, idempotency_key)
)
---
CREATE INDEX orders_provider ON orders (provider_id, placed_at)
---
CREATE INDEX orders_coaching_unit ON orders (coaching_unit_id, placed_at)
---
CREATE INDEX orders_category ON orders (category_id, placed_at)
---
CREATE INDEX orders_customer ON orders (customer_id, placed_at)
---
CREATE TABLE closing_reports (
  order_id TEXT PRIMARY KEY REFERENCES orders (id),
  work_done TEXT NOT NULL,
  results TEXT NOT NULL,
  next_steps TEXT NOT NULL,
  further_support_needed INTEGER NOT NULL,
  further_support TEXT NOT NULL,
  written_by TEXT NOT NULL REFERENCES users (id),
  written_at BIGINT NOT NULL
)
---
-- Outcomes recorded by a coach are confirmed (1); a provider's record is a proposal (0).
CREATE TABLE outcomes (
  id TEXT PRIMARY KEY,
  order_id TEXT NOT NULL REFERENCES orders (id),
  outcome_type TEXT NOT NULL,
  outcome_date BIGINT NOT NULL,
  confirmed INTEGER NOT NULL,
  note TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES users (id),
  recorded_at BIGINT NOT NULL
)
---
CREATE INDEX outcomes_order ON outcomes (order_id, recorded_at)
---
-- Only the hash of a feedback link's token is stored; used_at is set once.
CREATE TABLE feedback_tokens (
  token_hash TEXT PRIMARY KEY,
  order_id TEXT NOT NULL REFERENCES orders (id),
  issued_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
)
---
CREATE INDEX feedback_tokens_order ON feedback_tokens (order_id)
---
CREATE TABLE feedback (
  id TEXT PRIMARY KEY,
  order_id TEXT NOT NULL REFERENCES orders (id),
  provider_id TEXT NOT NULL REFERENCES organisations (id),
  category_id TEXT NOT NULL REFERENCES categories (id),
  source TEXT NOT NULL,
  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
  comment TEXT NOT NULL,
  language TEXT NOT NULL,
  given_at BIGINT NOT NULL
)
---
CREATE INDEX feedback_order ON feedback (order_id, source, given_at)
---
CREATE INDEX feedback_provider ON feedback (provider_id, given_at)
