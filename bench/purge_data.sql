-- Bulk data for bench/purge.sh and tests/e2e/purge_robust.bash, on a
-- database `imictl init` made (own authority id 1, its first user aadmin).
-- Set the number of requests first: `.parameter set @n 1000000`.
-- Deterministic. Against "now" 2026-11-29: 70 % were closed (a tenth of
-- them refused) more than 6 months ago, 20 % closed since, 10 % are open. Every
-- request has its personal data, a shipped and a free question with answers,
-- its history (with a comment), a mail with a body; every 50th an attachment.
-- Bulk loading runs without a journal; the database is switched back to WAL
-- at the end, as imictl keeps it.
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -200000;
BEGIN;
INSERT INTO authority (name, country, type, email, language, created_at, updated_at)
  WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < 50)
  SELECT 'Authority ' || i, 'BE', 'competent_authority', 'imi' || i || '@example.eu', 'en',
         '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z' FROM n;

-- Ids follow creation and closure follows it, as in real use: the first
-- 70 % were sent between 2024-01-01 and 2026-04-30 and closed 12 days later
-- (k = 6: refused), the next 20 % sent from 2026-06-01 and closed since, the
-- newest 10 % still open (k = 9).
CREATE TEMP TABLE gen AS
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @n)
  SELECT i, CASE WHEN i > @n * 9 / 10 THEN 9 WHEN i > @n * 7 / 10 THEN 7 ELSE i % 10 % 7 END AS k,
         2 + i % 49 AS responder,
         strftime('%Y-%m-%dT%H:%M:%SZ',
                  CASE WHEN i <= @n * 7 / 10 THEN '2024-01-01' ELSE '2026-06-01' END,
                  '+' || (CASE WHEN i <= @n * 7 / 10 THEN i * 850 / (@n * 7 / 10)
                               ELSE (i - @n * 7 / 10) * 160 / (@n - @n * 7 / 10) END) || ' days',
                  '+' || (i * 37 % 86400) || ' seconds') AS sent_at FROM n;

INSERT INTO request (id, reference, state, requesting_authority_id, responding_authority_id, subject,
                     created_by, created_at, sent_at, due_at, accepted_at, answered_at, closed_at,
                     motivation, sent_by, refusal_reason, question_set)
  SELECT i, 'NL-' || (2024 + i % 3) || '-' || printf('%07d', i),
         CASE k WHEN 9 THEN 'accepted' WHEN 6 THEN 'refused' ELSE 'closed' END,
         1, responder, 'Subject of request ' || i || ' about a provider', 1, sent_at, sent_at,
         strftime('%Y-%m-%dT%H:%M:%SZ', sent_at, '+14 days'),
         CASE WHEN k <> 6 THEN strftime('%Y-%m-%dT%H:%M:%SZ', sent_at, '+2 days') END,
         CASE WHEN k NOT IN (6, 9) THEN strftime('%Y-%m-%dT%H:%M:%SZ', sent_at, '+10 days') END,
         CASE WHEN k <> 9 THEN strftime('%Y-%m-%dT%H:%M:%SZ', sent_at, '+12 days') END,
         'Motivation of request ' || i || ': a complaint by a customer', 1,
         CASE WHEN k = 6 THEN 'out-of-scope' END, 'services-general'
  FROM gen;

INSERT INTO request_personal_data (request_id, provider_name, provider_address, provider_registration)
  SELECT i, 'Provider ' || i || ' BV', 'Street ' || i || ', Town', 'REG-' || i FROM gen;

INSERT INTO request_question (request_id, number, text, answer_text, answered_at, answered_by)
  SELECT i, 1, 'Is the service provider legally established in your Member State?',
         CASE WHEN k NOT IN (6, 9) THEN 'Yes, since ' || (2000 + i % 20) END,
         CASE WHEN k NOT IN (6, 9) THEN sent_at END, CASE WHEN k NOT IN (6, 9) THEN 1 END FROM gen
  UNION ALL
  SELECT i, 2, 'Free question ' || i || ' about the provider',
         CASE WHEN k NOT IN (6, 9) THEN 'Free answer ' || i END,
         CASE WHEN k NOT IN (6, 9) THEN sent_at END, CASE WHEN k NOT IN (6, 9) THEN 1 END FROM gen;

INSERT INTO request_history (request_id, at, actor, action, from_state, to_state, authority_id, comment)
  SELECT i, sent_at, 'aadmin', 'create', 'draft', 'draft', 1, NULL FROM gen
  UNION ALL SELECT i, sent_at, 'aadmin', 'send', 'draft', 'sent', 1, NULL FROM gen
  UNION ALL SELECT id, accepted_at, 'user', 'accept', 'sent', 'accepted', responding_authority_id, NULL
    FROM request WHERE accepted_at IS NOT NULL
  UNION ALL SELECT id, answered_at, 'user', 'reply', 'accepted', 'answered', responding_authority_id, NULL
    FROM request WHERE answered_at IS NOT NULL
  UNION ALL SELECT id, closed_at, 'aadmin', 'close', 'answered', 'closed', 1, NULL
    FROM request WHERE state = 'closed'
  UNION ALL SELECT id, closed_at, 'user', 'refuse', 'sent', 'refused', responding_authority_id,
    'out-of-scope: comment on request ' || id FROM request WHERE state = 'refused'
  ORDER BY 1, 2;

INSERT INTO request_attachment (request_id, name, size, sha256, content, added_at, added_by)
  SELECT i, 'file-' || i || '.pdf', 3000, printf('%064d', i), randomblob(3000), sent_at, 1
  FROM gen WHERE i % 50 = 0;

INSERT INTO outbox (created_at, kind, request_id, recipient, language, subject, body, state, attempts,
                    next_attempt_at, sent_at)
  SELECT sent_at, 'message', i, 'imi' || responder || '@example.eu', 'en', '[IMI] New information request',
         'A new request. Subject: Subject of request ' || i || ' about a provider', 'sent', 1, sent_at, sent_at
  FROM gen;
COMMIT;
PRAGMA journal_mode = WAL;
