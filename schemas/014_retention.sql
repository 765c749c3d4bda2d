-- Retention (SPEC §2 "Retention", §4 "Purge"; guide H5 stap 3.5). A purged
-- request stays as a tombstone (reference, authorities, state, timestamps,
-- history without comments) so that the scoreboard stays right; purged_at
-- says when its content went. A deleted user keeps the row (foreign keys,
-- usernames in the history and the audit log) without names or addresses.
ALTER TABLE request ADD COLUMN purged_at TEXT;
ALTER TABLE user ADD COLUMN purged_at TEXT;

-- What purge looks for each run: closed requests not yet purged, and of
-- those the ones not yet blocked, by closing time. Once purged a request
-- leaves both indexes, so an hourly run reads only what is due.
CREATE INDEX request_to_delete ON request (closed_at) WHERE purged_at IS NULL;
CREATE INDEX request_to_block ON request (closed_at) WHERE purged_at IS NULL AND blocked = 0;

-- The mails of a request and of a user, wiped together with them.
CREATE INDEX outbox_by_request ON outbox (request_id) WHERE request_id IS NOT NULL;
CREATE INDEX outbox_by_user ON outbox (user_id) WHERE user_id IS NOT NULL;

-- A refusal counts as closure (SPEC §4) and has set closed_at since the
-- request workflow began; a refused row without it takes its refusal time.
UPDATE request SET closed_at = (SELECT max(h.at) FROM request_history h
                                WHERE h.request_id = request.id AND h.action = 'refuse')
  WHERE state = 'refused' AND closed_at IS NULL;
