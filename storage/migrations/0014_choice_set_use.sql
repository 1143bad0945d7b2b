-- A choice set backs one order and expires. Sets made before this change expire 14 days after
-- they were made, and back the first order placed from them (a set that backed several keeps
-- those orders; only new ones are refused).
ALTER TABLE choice_sets ADD COLUMN expires_at BIGINT NOT NULL DEFAULT 0
---
UPDATE choice_sets SET expires_at = created_at + 1209600000000
---
ALTER TABLE choice_sets ADD COLUMN order_id TEXT
---
UPDATE choice_sets SET order_id = (SELECT MIN(o.id) FROM orders o WHERE o.choice_set_id = choice_sets.id)
