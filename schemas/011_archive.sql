-- The archive (guide H5 stap 3.5): where a request's report was last
-- written and the SHA-256 of that .docx, next to archived_at (005), so an
-- archived copy can be found and checked after purge has deleted the content.
ALTER TABLE request ADD COLUMN archive_path TEXT;
ALTER TABLE request ADD COLUMN archive_sha256 TEXT;
