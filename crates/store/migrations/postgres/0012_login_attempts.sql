-- A login attempt is counted before its password is checked: every row of one attempt
-- carries its id, so that a successful or refused attempt can take back its own rows.
ALTER TABLE login_failures ADD COLUMN attempt TEXT;
