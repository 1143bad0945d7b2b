-- An organisation reads its latest webhook deliveries (GET /v1/webhook).
CREATE INDEX outbox_events_organisation ON outbox_events (organisation_id, created_at)
