-- A four-valued column makes a poor index: every query that filters on the
-- status also filters on the authority or scans anyway, while every insert
-- and status change paid for the index (bulk import: one B-tree less per user).
DROP INDEX IF EXISTS user_status;
