-- When a user was deleted: `user restore` undoes a delete within the
-- retention period ([retention] delete_after), counted from this instant.
-- Users deleted before this column existed take their last change.
ALTER TABLE user ADD COLUMN deleted_at TEXT;
UPDATE user SET deleted_at = updated_at WHERE status = 'deleted';
