-- The console's lists at scale (issue 15; results in docs/performance.md, "Console reads").
-- In a THROWAWAY database, migrated (`DATABASE_URL=postgres://…/scratch npm run attest -- migrate`):
--   psql postgres://postgres@127.0.0.1:5432/scratch -f bench/console-reads.sql
-- Fills one tenant with 1,000,000 decisions over 90 days and 1,000,000 audit events (triggers and
-- foreign keys off: the ledger and the registry play no part in these plans), then EXPLAINs each
-- filter of `decisions` and `auditEvents` as the API runs it: as attest_app, under row-level security.
\set tenant '11111111-1111-4111-8111-111111111111'
SET session_replication_role = replica;
CREATE TEMP TABLE refs AS SELECT g AS n, gen_random_uuid() AS automation_id, gen_random_uuid() AS av1, gen_random_uuid() AS av2, gen_random_uuid() AS mv FROM generate_series(0, 19) g;
\timing on
INSERT INTO decisions (id, tenant_id, automation_id, automation_version_id, model_version_id, idempotency_key, request_hash, correlation_id,
  input_hash, input, output, confidence, status, policy_effect, policy_results, occurred_at, recorded_at, recorded_by)
SELECT gen_random_uuid(), :'tenant', r.automation_id, CASE WHEN i % 2 = 0 THEN r.av1 ELSE r.av2 END, r.mv,
  'k-' || i, 'h', CASE WHEN i % 10 = 0 THEN 'corr-' || (i / 10) END, md5(i::text),
  jsonb_build_object('amount', i % 5000, 'note', 'claim ' || i), jsonb_build_object('route', CASE WHEN i % 3 = 0 THEN 'fast' ELSE 'manual' END),
  CASE WHEN i % 50 = 0 THEN NULL ELSE ((i::bigint * 7919) % 10000) / 10000.0 END,
  CASE WHEN i % 100 = 0 THEN 'blocked' WHEN i % 20 = 0 THEN 'pending_review' ELSE 'recorded' END,
  CASE WHEN i % 100 = 0 THEN 'deny' WHEN i % 20 = 0 THEN 'require_review' WHEN i % 4 = 0 THEN 'annotate' END,
  CASE WHEN i % 100 = 0 THEN '[{"id":"block-minors","effect":"deny","version":1}]'::jsonb
       WHEN i % 20 = 0 THEN '[{"id":"high-amount-review","effect":"require_review","version":1}]'::jsonb
       WHEN i % 4 = 0 THEN '[{"id":"annotate-eu","effect":"annotate","version":1}]'::jsonb ELSE '[]'::jsonb END,
  ts - interval '2 seconds', ts, '22222222-2222-4222-8222-222222222222'
FROM generate_series(1, 1000000) i
JOIN refs r ON r.n = i % 20
CROSS JOIN LATERAL (SELECT timestamptz '2026-12-07 00:00:00+00' - (1000000 - i) * interval '7.776 seconds' AS ts) t;
INSERT INTO audit_events (tenant_id, actor_id, action, subject_type, subject_id, after, changes, correlation_id, occurred_at)
SELECT :'tenant',
  CASE WHEN i % 1000 = 0 THEN '33333333-3333-4333-8333-333333333333'::uuid ELSE '22222222-2222-4222-8222-222222222222'::uuid END,
  CASE WHEN i % 1000 = 0 THEN 'model.registered' WHEN i % 500 = 0 THEN 'model_version.transitioned' ELSE 'decision.recorded' END,
  CASE WHEN i % 1000 = 0 THEN 'Model' WHEN i % 500 = 0 THEN 'ModelVersion' ELSE 'Decision' END,
  gen_random_uuid()::text, '{"status":"recorded"}'::jsonb, '{}'::jsonb, 'c-' || i,
  timestamptz '2026-12-07 00:00:00+00' - (1000000 - i) * interval '7.776 seconds'
FROM generate_series(1, 1000000) i;
VACUUM ANALYZE decisions;
VACUUM ANALYZE audit_events;
SELECT automation_id AS a, automation_version_id AS av, model_version_id AS mv FROM decisions LIMIT 1 \gset
\timing off

BEGIN;
SET LOCAL ROLE attest_app;
SELECT set_config('attest.tenant_id', :'tenant', true) \g /dev/null
\echo '### decisions, one page (21 rows) per filter'
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM decisions d WHERE d.tenant_id = :'tenant' ORDER BY d.recorded_at DESC, d.id DESC LIMIT 21;
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM decisions d WHERE d.tenant_id = :'tenant' AND d.status = 'blocked' ORDER BY d.recorded_at DESC, d.id DESC LIMIT 21;
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM decisions d WHERE d.tenant_id = :'tenant' AND d.automation_id = :'a' ORDER BY d.recorded_at DESC, d.id DESC LIMIT 21;
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM decisions d WHERE d.tenant_id = :'tenant' AND d.automation_version_id = :'av' ORDER BY d.recorded_at DESC, d.id DESC LIMIT 21;
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM decisions d WHERE d.tenant_id = :'tenant' AND d.model_version_id = :'mv' ORDER BY d.recorded_at DESC, d.id DESC LIMIT 21;
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM decisions d WHERE d.tenant_id = :'tenant' AND d.policy_results @> '[{"id":"high-amount-review"}]' ORDER BY d.recorded_at DESC, d.id DESC LIMIT 21;
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM decisions d WHERE d.tenant_id = :'tenant' AND d.policy_results @> '[{"id":"block-minors","effect":"deny"}]' ORDER BY d.recorded_at DESC, d.id DESC LIMIT 21;
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM decisions d WHERE d.tenant_id = :'tenant' AND d.correlation_id = 'corr-50000' ORDER BY d.recorded_at DESC, d.id DESC LIMIT 21;
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM decisions d WHERE d.tenant_id = :'tenant' AND d.occurred_at >= '2026-10-08T10:00:00Z' AND d.occurred_at < '2026-10-08T11:00:00Z' ORDER BY d.recorded_at DESC, d.id DESC LIMIT 21;
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM decisions d WHERE d.tenant_id = :'tenant' AND d.confidence >= 0.5 AND d.confidence <= 0.501 ORDER BY d.recorded_at DESC, d.id DESC LIMIT 21;
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM decisions d WHERE d.tenant_id = :'tenant' AND d.automation_id = :'a' AND d.status = 'blocked' AND d.occurred_at >= '2026-10-08' AND d.occurred_at < '2026-10-09' ORDER BY d.recorded_at DESC, d.id DESC LIMIT 21;
\echo '### an export batch (501 rows) deep in the list'
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM decisions d WHERE d.tenant_id = :'tenant' AND (d.recorded_at, d.id) < ('2026-09-20T00:00:00Z', 'ffffffff-ffff-4fff-8fff-ffffffffffff') ORDER BY d.recorded_at DESC, d.id DESC LIMIT 501;
\echo '### the overview: decisions per day and status, 30 and 90 days'
EXPLAIN (ANALYZE, COSTS OFF) SELECT to_char(d.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), d.status, count(*) FROM decisions d WHERE d.tenant_id = :'tenant' AND d.recorded_at >= '2026-11-07' GROUP BY 1, 2;
EXPLAIN (ANALYZE, COSTS OFF) SELECT to_char(d.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), d.status, count(*) FROM decisions d WHERE d.tenant_id = :'tenant' AND d.recorded_at >= '2026-09-08' GROUP BY 1, 2;
\echo '### audit events, one page per filter'
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM audit_events e WHERE e.tenant_id = :'tenant' AND e.actor_id = '33333333-3333-4333-8333-333333333333' ORDER BY e.occurred_at DESC, e.id DESC LIMIT 21;
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM audit_events e WHERE e.tenant_id = :'tenant' AND e.action = 'model.registered' ORDER BY e.occurred_at DESC, e.id DESC LIMIT 21;
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM audit_events e WHERE e.tenant_id = :'tenant' AND starts_with(e.action, 'model_version.') ORDER BY e.occurred_at DESC, e.id DESC LIMIT 21;
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM audit_events e WHERE e.tenant_id = :'tenant' AND e.subject_type = 'ModelVersion' ORDER BY e.occurred_at DESC, e.id DESC LIMIT 21;
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM audit_events e WHERE e.tenant_id = :'tenant' AND e.occurred_at >= '2026-10-08T10:00:00Z' AND e.occurred_at < '2026-10-08T11:00:00Z' ORDER BY e.occurred_at DESC, e.id DESC LIMIT 21;
ROLLBACK;
