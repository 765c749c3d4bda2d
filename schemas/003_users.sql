-- Users, roles and departments (guide H5 stap 2, H6.1-6.2, Bijlage 4).
CREATE TABLE user (
  id                     INTEGER PRIMARY KEY,
  authority_id           INTEGER NOT NULL REFERENCES authority (id),
  username               TEXT NOT NULL UNIQUE,
  first_name             TEXT NOT NULL,
  last_name              TEXT NOT NULL,
  email                  TEXT NOT NULL,
  phone                  TEXT,
  language               TEXT NOT NULL,
  function               TEXT,
  functional             INTEGER NOT NULL DEFAULT 0 CHECK (functional IN (0, 1)),
  status                 TEXT NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'active', 'locked', 'deleted')),
  -- argon2id hashes only; never a plaintext secret.
  password_hash          TEXT,
  temp_password_hash     TEXT,
  credentials_queued_at  TEXT,
  credentials_issued_at  TEXT,
  -- security code encrypted under the key file next to the config, never here.
  security_code_sealed   BLOB,
  failed_logins          INTEGER NOT NULL DEFAULT 0,
  last_login_at          TEXT,
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL
);
-- Within an authority an e-mail belongs to one (not deleted) user.
CREATE UNIQUE INDEX user_email_per_authority ON user (authority_id, lower(email))
  WHERE status <> 'deleted';
CREATE INDEX user_status ON user (status);

-- 'basic' is implied for every user and never stored.
CREATE TABLE user_role (
  user_id INTEGER NOT NULL REFERENCES user (id) ON DELETE CASCADE,
  role    TEXT NOT NULL CHECK (role IN ('handler', 'lda', 'allocator')),
  PRIMARY KEY (user_id, role)
) WITHOUT ROWID;
CREATE INDEX user_role_by_role ON user_role (role);

-- The services (keywords) a handler works on.
CREATE TABLE user_service (
  user_id INTEGER NOT NULL REFERENCES user (id) ON DELETE CASCADE,
  keyword TEXT NOT NULL REFERENCES keyword (slug),
  PRIMARY KEY (user_id, keyword)
) WITHOUT ROWID;

CREATE TABLE department (
  id           INTEGER PRIMARY KEY,
  authority_id INTEGER NOT NULL REFERENCES authority (id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  laws         TEXT NOT NULL DEFAULT '',   -- one law or regulation per line
  position     INTEGER NOT NULL DEFAULT 0, -- order of first appearance (result table)
  UNIQUE (authority_id, name)
);

CREATE TABLE user_department (
  user_id       INTEGER NOT NULL REFERENCES user (id) ON DELETE CASCADE,
  department_id INTEGER NOT NULL REFERENCES department (id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, department_id)
) WITHOUT ROWID;
CREATE INDEX user_department_by_department ON user_department (department_id);
