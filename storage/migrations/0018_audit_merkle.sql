-- The audit trail as a Merkle tree (RFC 9162) that outsiders can verify without the database
-- (domain/audit/entities.hpp). Level 0 holds each event's leaf hash at position seq - 1, with
-- the salt its field commitments were made under; level k > 0 the hash of each complete subtree
-- of 2^k leaves, stored when its last leaf is. Hashes and salts are hex. The events recorded
-- before this version get their leaves in the same transaction, after these statements
-- (storage/migrations.cpp: SQLite has no SHA-256 of its own).
CREATE TABLE audit_tree (
  level INTEGER NOT NULL,
  position BIGINT NOT NULL,
  hash TEXT NOT NULL,
  salt TEXT,
  PRIMARY KEY (level, position)
)
---
-- The tree's size and the roots of the complete subtrees it is made of, in the head row every
-- writer holds anyway: appending a leaf reads nothing more.
ALTER TABLE audit_head ADD COLUMN tree_size BIGINT NOT NULL DEFAULT 0
---
ALTER TABLE audit_head ADD COLUMN tree_roots TEXT NOT NULL DEFAULT ''
---
-- Signed tree heads, numbered in the order they were made.
CREATE TABLE audit_tree_heads (
  seq BIGINT PRIMARY KEY,
  tree_size BIGINT NOT NULL,
  root_hash TEXT NOT NULL,
  signed_at BIGINT NOT NULL,
  key_id TEXT NOT NULL,
  signature TEXT NOT NULL
)
