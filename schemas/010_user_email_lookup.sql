-- Every command names its acting user by username or e-mail address
-- (--as, IMICTL_USER); the lookup is one query with an OR, which SQLite can
-- answer from two indexes only when both terms have one. The per-authority
-- e-mail index cannot serve a lookup without the authority, so without this
-- one every command read the whole user table first (50,000 users: about
-- 1,600 pages, most of a request list's time).
CREATE INDEX user_by_email ON user (lower(email)) WHERE status <> 'deleted';
