-- A provider decides on a customer as they were when the order was placed: the customer's
-- unemployment and age bands are kept on the order, so a later edit of the customer does not
-- move past orders between the scorecards' bands. Existing orders take the customer's bands as
-- they are now, once.
ALTER TABLE orders ADD COLUMN customer_unemployment TEXT NOT NULL DEFAULT ''
---
ALTER TABLE orders ADD COLUMN customer_age TEXT NOT NULL DEFAULT ''
---
UPDATE orders SET
  customer_unemployment = (SELECT u.unemployment FROM customers u WHERE u.id = orders.customer_id),
  customer_age = (SELECT u.age FROM customers u WHERE u.id = orders.customer_id)
