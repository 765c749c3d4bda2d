-- Every mail the system sends (H2.2: the authority address gets a cc).
-- Mails that carry a secret (kind 'credentials', 'password_reset') have no
-- body here: it is composed at delivery time, so no plaintext secret is stored.
CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY,
  created_at      TEXT NOT NULL,
  kind            TEXT NOT NULL,
  user_id         INTEGER REFERENCES user (id) ON DELETE SET NULL,
  request_id      INTEGER,
  recipient       TEXT NOT NULL,
  cc              TEXT,
  language        TEXT NOT NULL DEFAULT 'nl',
  subject         TEXT NOT NULL,
  body            TEXT,
  -- pending -> sending -> sent; 'sending' left behind by a crash is never
  -- retried silently (see notify send).
  state           TEXT NOT NULL DEFAULT 'pending'
    CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error      TEXT,
  sent_at         TEXT
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
