-- Documents' bytes move into the database, so that replicas share nothing on disk and a backup
-- of the database holds everything. Content-addressed: one row per distinct content.
CREATE TABLE document_contents (
  sha256 TEXT PRIMARY KEY,
  size_bytes BIGINT NOT NULL,
  content BLOB NOT NULL
)
