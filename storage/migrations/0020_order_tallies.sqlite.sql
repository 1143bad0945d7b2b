-- The officer's reports' counts per Helsinki day (days since 1970-01-01) beside the orders:
-- per category, month of placing, provider and customer cell (unemployment × age), what the
-- scorecards and the spend report count of each order, kept by the order repository in the same
-- transaction as the orders, their outcomes and their feedback. A report sums these rows
-- instead of visiting every order. Filled from the orders already
-- stored by the migration's data step (storage/ordering/order_tallies.cpp), which computes
-- Helsinki days. The same counts per month, kept beside them in the same transaction, so a
-- report over years reads whole months from here and only the days of its first and last
-- month from the day rows. Counts default to 0, so a change names only those it moves. Without a rowid, the rows are kept in the key's order: a report reads them
-- in the order it groups them.
CREATE TABLE order_tallies (
  category_id TEXT NOT NULL REFERENCES categories (id),
  month TEXT NOT NULL,
  provider_id TEXT NOT NULL REFERENCES organisations (id),
  unemployment TEXT NOT NULL,
  age TEXT NOT NULL,
  day BIGINT NOT NULL,
  orders INTEGER NOT NULL DEFAULT 0,
  accepted INTEGER NOT NULL DEFAULT 0,
  declined INTEGER NOT NULL DEFAULT 0,
  decided INTEGER NOT NULL DEFAULT 0,
  ended INTEGER NOT NULL DEFAULT 0,
  completed INTEGER NOT NULL DEFAULT 0,
  -- Each order's latest confirmed outcome, by type.
  outcome_employed_permanent_full_time INTEGER NOT NULL DEFAULT 0,
  outcome_employed_permanent_part_time INTEGER NOT NULL DEFAULT 0,
  outcome_employed_fixed_term_full_time INTEGER NOT NULL DEFAULT 0,
  outcome_employed_fixed_term_part_time INTEGER NOT NULL DEFAULT 0,
  outcome_subsidised_employment INTEGER NOT NULL DEFAULT 0,
  outcome_studies INTEGER NOT NULL DEFAULT 0,
  outcome_work_trial INTEGER NOT NULL DEFAULT 0,
  outcome_another_service INTEGER NOT NULL DEFAULT 0,
  outcome_no_change INTEGER NOT NULL DEFAULT 0,
  outcome_unknown INTEGER NOT NULL DEFAULT 0,
  -- Each order's latest customer score by NPS group: 9–10, 7–8, 0–6.
  promoters INTEGER NOT NULL DEFAULT 0,
  passives INTEGER NOT NULL DEFAULT 0,
  detractors INTEGER NOT NULL DEFAULT 0,
  -- Orders with a coach's score, and the sum of their latest scores.
  coach_ratings INTEGER NOT NULL DEFAULT 0,
  coach_total BIGINT NOT NULL DEFAULT 0,
  -- Orders started, and the sum of their microseconds from placing to start.
  started INTEGER NOT NULL DEFAULT 0,
  micros_to_start BIGINT NOT NULL DEFAULT 0,
  payable_cents BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (category_id, month, provider_id, unemployment, age, day)
) WITHOUT ROWID
---
CREATE TABLE order_tallies_by_month (
  category_id TEXT NOT NULL REFERENCES categories (id),
  month TEXT NOT NULL,
  provider_id TEXT NOT NULL REFERENCES organisations (id),
  unemployment TEXT NOT NULL,
  age TEXT NOT NULL,
  orders INTEGER NOT NULL DEFAULT 0,
  accepted INTEGER NOT NULL DEFAULT 0,
  declined INTEGER NOT NULL DEFAULT 0,
  decided INTEGER NOT NULL DEFAULT 0,
  ended INTEGER NOT NULL DEFAULT 0,
  completed INTEGER NOT NULL DEFAULT 0,
  -- Each order's latest confirmed outcome, by type.
  outcome_employed_permanent_full_time INTEGER NOT NULL DEFAULT 0,
  outcome_employed_permanent_part_time INTEGER NOT NULL DEFAULT 0,
  outcome_employed_fixed_term_full_time INTEGER NOT NULL DEFAULT 0,
  outcome_employed_fixed_term_part_time INTEGER NOT NULL DEFAULT 0,
  outcome_subsidised_employment INTEGER NOT NULL DEFAULT 0,
  outcome_studies INTEGER NOT NULL DEFAULT 0,
  outcome_work_trial INTEGER NOT NULL DEFAULT 0,
  outcome_another_service INTEGER NOT NULL DEFAULT 0,
  outcome_no_change INTEGER NOT NULL DEFAULT 0,
  outcome_unknown INTEGER NOT NULL DEFAULT 0,
  -- Each order's latest customer score by NPS group: 9–10, 7–8, 0–6.
  promoters INTEGER NOT NULL DEFAULT 0,
  passives INTEGER NOT NULL DEFAULT 0,
  detractors INTEGER NOT NULL DEFAULT 0,
  -- Orders with a coach's score, and the sum of their latest scores.
  coach_ratings INTEGER NOT NULL DEFAULT 0,
  coach_total BIGINT NOT NULL DEFAULT 0,
  -- Orders started, and the sum of their microseconds from placing to start.
  started INTEGER NOT NULL DEFAULT 0,
  micros_to_start BIGINT NOT NULL DEFAULT 0,
  payable_cents BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (category_id, month, provider_id, unemployment, age)
) WITHOUT ROWID
