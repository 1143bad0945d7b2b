-- The audit trail is append-only: the database itself refuses to change or delete a row.
-- (Someone with file access can still drop the trigger; the hash chain shows that.)
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END
---
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END
