-- A coach's or a provider's orders in one state, newest first: the provider's "to answer" list
-- and the coach's open orders read only those rows instead of every order the party ever had.
CREATE INDEX orders_coaching_unit_state ON orders (coaching_unit_id, state, placed_at)
---
CREATE INDEX orders_provider_state ON orders (provider_id, state, placed_at)
