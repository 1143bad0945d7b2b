-- Failed sign-ins counted per account, per client address and per pair, so that every replica
-- throttles the same guesser. The key is the SHA-256 of what is counted: typed e-mail addresses,
-- known or not, are not kept in the clear.
CREATE TABLE sign_in_failures (
  key_hash TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_failure_at BIGINT NOT NULL
)
---
CREATE INDEX sign_in_failures_age ON sign_in_failures (last_failure_at)
