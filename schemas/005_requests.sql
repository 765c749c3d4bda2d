-- Information requests (Bijlage 2, 3). This migration holds what users and
-- roles depend on (open requests and their assignees); the request workflow
-- extends it.
CREATE TABLE request (
  id                       INTEGER PRIMARY KEY,
  reference                TEXT NOT NULL UNIQUE,
  state                    TEXT NOT NULL DEFAULT 'draft'
    CHECK (state IN ('draft', 'sent', 'accepted', 'answered', 'closed', 'refused')),
  requesting_authority_id  INTEGER NOT NULL REFERENCES authority (id),
  responding_authority_id  INTEGER REFERENCES authority (id),
  subject                  TEXT NOT NULL,
  fictitious               INTEGER NOT NULL DEFAULT 0,
  created_by               INTEGER REFERENCES user (id),
  created_at               TEXT NOT NULL,
  sent_at                  TEXT,
  due_at                   TEXT,
  closed_at                TEXT,
  archived_at              TEXT
);
CREATE INDEX request_state ON request (state);

CREATE TABLE request_assignee (
  request_id INTEGER NOT NULL REFERENCES request (id) ON DELETE CASCADE,
  user_id    INTEGER NOT NULL REFERENCES user (id),
  PRIMARY KEY (request_id, user_id)
) WITHOUT ROWID;
CREATE INDEX request_assignee_by_user ON request_assignee (user_id);
