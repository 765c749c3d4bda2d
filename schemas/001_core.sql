-- Authorities (guide H2.2, H6.4) and the append-only audit log.
CREATE TABLE authority (
  id                   INTEGER PRIMARY KEY,
  is_own               INTEGER NOT NULL DEFAULT 0 CHECK (is_own IN (0, 1)),
  name                 TEXT NOT NULL,
  informal_name        TEXT,
  description          TEXT,
  country              TEXT NOT NULL,
  type                 TEXT NOT NULL
    CHECK (type IN ('competent_authority', 'coordinator', 'delegated_coordinator')),
  email                TEXT,
  phone                TEXT,
  address              TEXT,
  language             TEXT NOT NULL DEFAULT 'nl',
  all_areas            INTEGER NOT NULL DEFAULT 0 CHECK (all_areas IN (0, 1)),
  allocation           INTEGER NOT NULL DEFAULT 0 CHECK (allocation IN (0, 1)),
  coordinator_can_view INTEGER NOT NULL DEFAULT 0 CHECK (coordinator_can_view IN (0, 1)),
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL
);
-- At most one row is the authority that runs this database.
CREATE UNIQUE INDEX authority_single_own ON authority (is_own) WHERE is_own = 1;
CREATE INDEX authority_country_type ON authority (country, type);

-- Tab Bevoegdheden: economic sectors and policy areas.
CREATE TABLE authority_competence (
  authority_id INTEGER NOT NULL REFERENCES authority (id) ON DELETE CASCADE,
  kind         TEXT NOT NULL CHECK (kind IN ('sector', 'policy_area')),
  value        TEXT NOT NULL,
  PRIMARY KEY (authority_id, kind, value)
) WITHOUT ROWID;

-- Tab "Translations of the informal title": a translation is stale once the
-- informal name or description it was made from changes.
CREATE TABLE authority_translation (
  authority_id INTEGER NOT NULL REFERENCES authority (id) ON DELETE CASCADE,
  field        TEXT NOT NULL CHECK (field IN ('informal_name', 'description')),
  language     TEXT NOT NULL,
  text         TEXT,
  stale        INTEGER NOT NULL DEFAULT 1 CHECK (stale IN (0, 1)),
  PRIMARY KEY (authority_id, field, language)
) WITHOUT ROWID;

-- Every state change, hash-chained: hash = sha256(prev_hash || fields).
CREATE TABLE audit (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL,
  action    TEXT NOT NULL,
  object    TEXT NOT NULL,
  summary   TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
);
CREATE INDEX audit_actor ON audit (actor);
CREATE INDEX audit_object ON audit (object);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
