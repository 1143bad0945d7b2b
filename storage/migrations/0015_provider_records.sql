-- Each provider's record in a category as weekly counts (weeks since the epoch by when the order
-- was placed), kept by the order repository in the same transaction as the orders, their states
-- and their customers' feedback: a choice set sums a year of weeks instead of every order.
-- Filled here from the orders already stored.
CREATE TABLE provider_records (
  category_id TEXT NOT NULL REFERENCES categories (id),
  provider_id TEXT NOT NULL REFERENCES organisations (id),
  week BIGINT NOT NULL,
  orders INTEGER NOT NULL,
  ended INTEGER NOT NULL,
  completed INTEGER NOT NULL,
  -- Each order's latest customer score by NPS group: 9–10, 7–8, 0–6.
  promoters INTEGER NOT NULL,
  passives INTEGER NOT NULL,
  detractors INTEGER NOT NULL,
  PRIMARY KEY (category_id, provider_id, week)
)
---
INSERT INTO provider_records (category_id, provider_id, week, orders, ended, completed,
                              promoters, passives, detractors)
SELECT category_id, provider_id, week, COUNT(*),
       SUM(CASE WHEN state = 'completed' OR state = 'interrupted' THEN 1 ELSE 0 END),
       SUM(CASE WHEN state = 'completed' THEN 1 ELSE 0 END),
       SUM(CASE WHEN score BETWEEN 9 AND 10 THEN 1 ELSE 0 END),
       SUM(CASE WHEN score BETWEEN 7 AND 8 THEN 1 ELSE 0 END),
       SUM(CASE WHEN score BETWEEN 0 AND 6 THEN 1 ELSE 0 END)
FROM (SELECT o.category_id AS category_id, o.provider_id AS provider_id,
             o.placed_at / 604800000000 AS week, o.state AS state,
             (SELECT f.score FROM feedback f WHERE f.order_id = o.id AND f.source = 'customer'
              ORDER BY f.given_at DESC, f.id DESC LIMIT 1) AS score
      FROM orders o) counted
GROUP BY category_id, provider_id, week
