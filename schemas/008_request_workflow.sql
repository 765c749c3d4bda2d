-- The request workflow (SPEC §4, guide B2 and B3). The request row carries a
-- version: every action is one UPDATE ... WHERE id = ? AND version = ?, so of
-- two people acting at once one wins and the other is told to look again.
ALTER TABLE request ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE request ADD COLUMN motivation TEXT NOT NULL DEFAULT '';
ALTER TABLE request ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
ALTER TABLE request ADD COLUMN question_set TEXT;
-- The user who sent the request: replies, refusals and forwards are mailed to them.
ALTER TABLE request ADD COLUMN sent_by INTEGER REFERENCES user (id);
ALTER TABLE request ADD COLUMN accepted_at TEXT;
ALTER TABLE request ADD COLUMN answered_at TEXT;
ALTER TABLE request ADD COLUMN refusal_reason TEXT;
-- Due dates: the responder's proposal and the requester's agreement are kept
-- apart; "answered by the agreed date" (H5 stap 5) needs both.
ALTER TABLE request ADD COLUMN proposed_due_at TEXT;
ALTER TABLE request ADD COLUMN agreed_due_at TEXT;
-- Retention: set by purge after closure; only an LDA with a reason sees it.
ALTER TABLE request ADD COLUMN blocked INTEGER NOT NULL DEFAULT 0;
-- request remind mails once a day per request.
ALTER TABLE request ADD COLUMN reminded_on TEXT;

CREATE INDEX request_by_responder ON request (responding_authority_id, state, due_at);
CREATE INDEX request_by_requester ON request (requesting_authority_id, state);

-- Personal data of the service provider (B2), apart from the request so that
-- a view without personal data never reads it and purge can delete it whole.
CREATE TABLE request_personal_data (
  request_id            INTEGER PRIMARY KEY REFERENCES request (id) ON DELETE CASCADE,
  provider_name         TEXT,
  provider_address      TEXT,
  provider_registration TEXT,
  provider_birth_date   TEXT
);

CREATE TABLE request_question (
  request_id      INTEGER NOT NULL REFERENCES request (id) ON DELETE CASCADE,
  number          INTEGER NOT NULL,
  text            TEXT NOT NULL,
  answer_text     TEXT,
  standard_answer TEXT,
  answered_at     TEXT,
  answered_by     INTEGER REFERENCES user (id),
  PRIMARY KEY (request_id, number)
) WITHOUT ROWID;

CREATE TABLE request_attachment (
  id         INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES request (id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  size       INTEGER NOT NULL,
  sha256     TEXT NOT NULL,
  content    BLOB NOT NULL,
  added_at   TEXT NOT NULL,
  added_by   INTEGER REFERENCES user (id)
);
CREATE INDEX request_attachment_by_request ON request_attachment (request_id);

-- Every action on a request, in order; the scoreboard is computed from it.
CREATE TABLE request_history (
  id         INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES request (id) ON DELETE CASCADE,
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL,
  action     TEXT NOT NULL,
  from_state TEXT,
  to_state   TEXT,
  authority_id INTEGER REFERENCES authority (id),
  comment    TEXT
);
CREATE INDEX request_history_by_request ON request_history (request_id, id);
