-- An offering's version moves on with every change to its row: an edit, and each place an order
-- takes or gives back. An edit names the version it was made from (HTTP If-Match) and is refused
-- when the row has moved on since, so places taken meanwhile are never written back as free.
ALTER TABLE offerings ADD COLUMN version BIGINT NOT NULL DEFAULT 1
