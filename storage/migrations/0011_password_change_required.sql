-- An administrator's reset leaves a one-time password that its user must replace at the next
-- sign-in; until then the session may only read itself, change the password or sign out.
ALTER TABLE users ADD COLUMN password_change_required INTEGER NOT NULL DEFAULT 0
