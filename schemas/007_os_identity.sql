-- Shared mode (SPEC §5): an imictl user can be linked to one OS account, the
-- one that runs `sudo -u imictl imictl ...` as that user.
ALTER TABLE user ADD COLUMN os_user TEXT;
CREATE UNIQUE INDEX user_os_user ON user (os_user) WHERE os_user IS NOT NULL;
