-- Shared mode (SPEC §5): an imictl user can be linked to one OS account, the
-- one that runs `sudo -u imictl imictl ...` as that user.
ALTER TABLE user ADD COLUMN os_user TEXT;
CREATE UNIQUE INDEX user_os_user ON user (os_user) WHERE os_user IS NOT NULL;

-- `system` is the audit log's name for the cron actor: no user may take it,
-- however the row is written (the library refuses it first, with a message).
CREATE TRIGGER user_name_not_reserved_insert BEFORE INSERT ON user
  WHEN NEW.username = 'system'
BEGIN
  SELECT RAISE(ABORT, 'username system is reserved');
END;
CREATE TRIGGER user_name_not_reserved_update BEFORE UPDATE OF username ON user
  WHEN NEW.username = 'system'
BEGIN
  SELECT RAISE(ABORT, 'username system is reserved');
END;
