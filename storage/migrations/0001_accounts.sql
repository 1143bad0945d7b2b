-- Organisations, users, sign-in sessions and the audit trail.
-- Statements are separated by lines of three dashes, so trigger bodies may contain semicolons.
-- Times are microseconds since the Unix epoch (UTC); ids are UUID v4 text.
CREATE TABLE organisations (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  country TEXT NOT NULL,
  business_id TEXT,
  created_at BIGINT NOT NULL
)
---
CREATE UNIQUE INDEX organisations_business_id ON organisations (country, business_id)
  WHERE business_id IS NOT NULL
---
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  email TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL,
  created_at BIGINT NOT NULL
)
---
CREATE INDEX users_organisation ON users (organisation_id)
---
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT
)
---
CREATE INDEX sessions_user ON sessions (user_id)
---
CREATE TABLE audit_events (
  seq BIGINT PRIMARY KEY,
  at BIGINT NOT NULL,
  actor_user_id TEXT NOT NULL,
  actor_organisation_id TEXT NOT NULL,
  action TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id TEXT NOT NULL,
  before_state TEXT NOT NULL,
  after_state TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
)
---
CREATE INDEX audit_events_object ON audit_events (object_type, object_id)
---
-- The chain's head: one row whose lock orders every writer, so sequence numbers and hashes
-- never fork even with several server replicas on one PostgreSQL.
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY,
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL
)
---
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '')
