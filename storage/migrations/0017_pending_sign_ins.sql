-- Browsers' sign-ins through an identity provider between leaving for the provider and coming
-- back (domain/accounts/pending_sign_ins.hpp). In the database, so that any replica finishes
-- one; the state the browser brings back is kept only as its SHA-256.
CREATE TABLE pending_sign_ins (
  state_hash TEXT PRIMARY KEY,
  identity_provider_id TEXT NOT NULL,
  nonce TEXT NOT NULL,
  code_verifier TEXT NOT NULL,
  redirect_uri TEXT NOT NULL,
  language TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
)
---
CREATE INDEX pending_sign_ins_expiry ON pending_sign_ins (expires_at)
