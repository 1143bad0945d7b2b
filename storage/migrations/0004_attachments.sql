-- Documents attached to applications. The bytes live in the document store, named by their
-- SHA-256; this row says whose they are and lets anyone check them against the hash.
CREATE TABLE attachments (
  id TEXT PRIMARY KEY,
  application_id TEXT NOT NULL REFERENCES applications (id),
  provider_id TEXT NOT NULL REFERENCES organisations (id),
  filename TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  uploaded_by TEXT NOT NULL,
  uploaded_at BIGINT NOT NULL
)
---
CREATE INDEX attachments_application ON attachments (application_id, uploaded_at)
