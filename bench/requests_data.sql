-- Bulk data for bench/requests.sh, on a database `imictl init` made (the own
-- authority is id 1, its first user aadmin). Deterministic: the same database
-- every run. Requests are spread over 15,000 authorities, sent between
-- 2025-01-01 and 2026-11-28, and walk the lifecycle as far as i mod 10 says;
-- every step is in the history, as the CLI would have written it.
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -200000;
BEGIN;
INSERT INTO authority (name, country, type, email, language, allocation, created_at, updated_at)
  WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < 15000)
  SELECT 'Authority ' || i,
         substr('ATBEBGCYCZDEDKEEESFIFRGRHRHUIEITLTLULVMTNLPLPTROSESISK', 1 + 2 * (i % 27), 2),
         CASE WHEN i % 50 = 0 THEN 'coordinator' ELSE 'competent_authority' END,
         'imi' || i || '@example.eu', 'en', i % 3 = 0, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z' FROM n;

INSERT INTO user (authority_id, username, first_name, last_name, email, language, status, created_at, updated_at)
  WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < 50000)
  SELECT 1 + i % 15000, 'user' || i, 'First' || i, 'Last' || i, 'user' || i || '@example.eu', 'en', 'active',
         '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z' FROM n;
INSERT INTO user_role SELECT id, 'handler' FROM user WHERE id % 2 = 0;

-- k (a hash of i, so that it does not follow the authorities): how far the request got: 0 sent, 1 accepted, 2-7 closed, 8 answered, 9 refused.
CREATE TEMP TABLE gen AS
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
  SELECT i, ((i * 2654435761) >> 13) % 10 AS k,
         1 + (i * 7919) % 15000 AS asker,
         1 + (i * 104729 + 4999) % 15000 AS responder,
         strftime('%Y-%m-%dT%H:%M:%SZ', '2025-01-01', '+' || (i % 697) || ' days', '+' || (i * 37 % 86400) || ' seconds')
           AS sent_at,
         1 + ((i * 40503) >> 5) % 9 AS accept_days, 1 + ((i * 2246822519) >> 17) % 31 AS answer_days FROM n;
DELETE FROM gen WHERE asker = responder;

INSERT INTO request (id, reference, state, requesting_authority_id, responding_authority_id, subject, fictitious,
                     created_by, created_at, sent_at, due_at, closed_at, motivation, sent_by, accepted_at,
                     answered_at, refusal_reason, agreed_due_at)
  SELECT i, 'XX-' || (2020 + i % 7) || '-' || printf('%06d', i / 7),
         CASE WHEN k = 0 THEN 'sent' WHEN k = 1 THEN 'accepted' WHEN k = 8 THEN 'answered'
              WHEN k = 9 THEN 'refused' ELSE 'closed' END,
         asker, responder, 'Request ' || i, i % 97 = 0, 1, sent_at, sent_at,
         strftime('%Y-%m-%dT%H:%M:%SZ', sent_at, '+14 days'),
         CASE WHEN k BETWEEN 2 AND 7 THEN strftime('%Y-%m-%dT%H:%M:%SZ', sent_at, '+' || (accept_days + answer_days + 2) || ' days') END,
         'Motivation ' || i, 1,
         CASE WHEN k BETWEEN 1 AND 8 THEN strftime('%Y-%m-%dT%H:%M:%SZ', sent_at, '+' || accept_days || ' days') END,
         CASE WHEN k BETWEEN 2 AND 8 THEN strftime('%Y-%m-%dT%H:%M:%SZ', sent_at, '+' || (accept_days + answer_days) || ' days') END,
         CASE WHEN k = 9 THEN 'out-of-scope' END,
         CASE WHEN i % 5 = 0 THEN strftime('%Y-%m-%dT%H:%M:%SZ', sent_at, '+30 days') END
  FROM gen;
UPDATE request SET due_at = agreed_due_at WHERE agreed_due_at IS NOT NULL;

INSERT INTO request_personal_data (request_id, provider_name, provider_registration)
  SELECT i, 'Provider ' || i, 'REG-' || i FROM gen WHERE i % 4 = 0;

INSERT INTO request_history (request_id, at, actor, action, from_state, to_state, authority_id)
  SELECT i, sent_at, 'aadmin', 'create', 'draft', 'draft', asker FROM gen
  UNION ALL SELECT i, sent_at, 'aadmin', 'send', 'draft', 'sent', asker FROM gen
  UNION ALL SELECT id, accepted_at, 'user', 'accept', 'sent', 'accepted', responding_authority_id
    FROM request WHERE accepted_at IS NOT NULL
  UNION ALL SELECT id, answered_at, 'user', 'reply', 'accepted', 'answered', responding_authority_id
    FROM request WHERE answered_at IS NOT NULL
  UNION ALL SELECT id, closed_at, 'aadmin', 'close', 'answered', 'closed', requesting_authority_id
    FROM request WHERE closed_at IS NOT NULL
  UNION ALL SELECT id, strftime('%Y-%m-%dT%H:%M:%SZ', sent_at, '+3 days'), 'user', 'refuse', 'sent', 'refused',
    responding_authority_id FROM request WHERE state = 'refused'
  ORDER BY 1, 2;
COMMIT;
ANALYZE;
