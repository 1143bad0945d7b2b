-- A choice list shows each figure with the sample it rests on and its 95 % interval, as they
-- were when the list was made: completion's sample (orders ended) and the intervals of the
-- completion rate and the customers' NPS. Earlier sets have none recorded.
ALTER TABLE choice_set_entries ADD COLUMN ended_count INTEGER NOT NULL DEFAULT 0
---
ALTER TABLE choice_set_entries ADD COLUMN completion_low DOUBLE PRECISION
---
ALTER TABLE choice_set_entries ADD COLUMN completion_high DOUBLE PRECISION
---
ALTER TABLE choice_set_entries ADD COLUMN nps_low DOUBLE PRECISION
---
ALTER TABLE choice_set_entries ADD COLUMN nps_high DOUBLE PRECISION
