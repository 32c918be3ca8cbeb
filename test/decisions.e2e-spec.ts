import { automationFixture, decisionInput, RECORD, type AutomationFixture } from './support/decision-fixtures';
import { withClient } from './support/test-database';
import { createTenant, errorCode, ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';

type Decision = Record<string, any>;

describe('recordDecision: every automated outcome, redacted and judged by the active pack', () => {
  let t: TestApp;
  let plain: AutomationFixture;
  let highRisk: AutomationFixture;
  let production: AutomationFixture;
  let supervised: AutomationFixture;
  let sensitive: AutomationFixture;
  let officer: { id: string; key: string };
  let auditor: { id: string; key: string };
  const record = async (f: AutomationFixture, extra: Record<string, unknown> = {}, key = f.service.key) =>
    ok(await t.gql(key, RECORD, { i: decisionInput(f, extra) })).recordDecision as { replayed: boolean; decision: Decision };
  const count = async (filter: Record<string, unknown>) =>
    ok(await t.gql(t.adminKey, 'query($f: DecisionFilter) { decisions(filter: $f, first: 100) { edges { node { id } } } }', { f: filter }))
      .decisions.edges.length as number;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await principalWithRole(t, 'compliance_officer');
    auditor = await principalWithRole(t, 'auditor');
    // Registered before the pack is active: some of these the registration policies would refuse.
    plain = await automationFixture(t);
    highRisk = await automationFixture(t, { riskClass: 'HIGH', domain: 'credit', oversightMode: 'SAMPLE' });
    production = await automationFixture(t, { environment: 'PRODUCTION' });
    supervised = await automationFixture(t, { oversightMode: 'REQUIRED' });
    sensitive = await automationFixture(t, { trainingPii: ['special_category'] });
  });
  afterAll(() => t?.close());

  describe('without an active pack', () => {
    it('records the decision with no policy evaluation', async () => {
      const { decision, replayed } = await record(plain);
      expect(replayed).toBe(false);
      expect(decision).toMatchObject({
        status: 'RECORDED',
        outcome: 'RECORDED',
        policyEvaluation: null,
        automationVersionId: plain.automationVersionId,
      });
    });
  });

  describe('with the default pack', () => {
    beforeAll(async () => {
      ok(await t.gql(t.adminKey, 'mutation { activatePolicyPack(name: "default", rationale: "adopted") { digest } }'));
    });

    it('records an allowed decision, with the pack digest, and audits it', async () => {
      const { decision } = await record(plain, { correlationId: 'claim-42', subjectRef: 'customer-7' });
      expect(decision).toMatchObject({
        status: 'RECORDED',
        outcome: 'RECORDED',
        automationId: plain.automationId,
        modelVersionId: plain.modelVersionId,
        input: { claim: { amount: 1200, kind: 'motor' } },
        output: { route: 'fast-track' },
        confidence: 0.93,
        hasSubject: true,
        policyEvaluation: { effect: 'ALLOW', matched: [] },
      });
      expect(decision.policyEvaluation.packDigest).toMatch(/^[0-9a-f]{64}$/);
      expect(decision.inputHash).toMatch(/^[0-9a-f]{64}$/);
      const audit = ok(
        await t.gql(t.adminKey, `{ decision(id: "${decision.id}") { recordedBy auditEvents { action actorId after } } }`),
      ).decision;
      expect(audit.recordedBy).toBe(plain.service.id);
      expect(audit.auditEvents).toEqual([
        expect.objectContaining({
          action: 'decision.recorded',
          actorId: plain.service.id,
          after: expect.objectContaining({ status: 'recorded', idempotencyKey: expect.any(String) }),
        }),
      ]);
    });

    it('names the automation by key as well as by id', async () => {
      const { decision } = await record(plain, { automationId: undefined, automationKey: plain.automationKey });
      expect(decision.automationId).toBe(plain.automationId);
    });

    it('sends a low-confidence high-risk decision to review, naming the policy and its frameworks', async () => {
      const { decision } = await record(highRisk, { confidence: 0.4 });
      expect(decision.status).toBe('PENDING_REVIEW');
      expect(decision.outcome).toBe('PENDING_REVIEW');
      expect(decision.policyEvaluation.effect).toBe('REQUIRE_REVIEW');
      expect(decision.policyEvaluation.matched).toEqual(
        expect.arrayContaining([
          {
            id: 'high-risk-low-confidence-review',
            version: 1,
            effect: 'REQUIRE_REVIEW',
            severity: 'HIGH',
            message: expect.stringContaining('0.7'),
            frameworks: expect.arrayContaining(['EU-AI-Act:Art.14']),
          },
        ]),
      );
    });

    it('requires review when oversight is required, or the model was trained on special-category data', async () => {
      expect((await record(supervised)).decision.policyEvaluation.matched.map((p: { id: string }) => p.id)).toEqual([
        'oversight-required-review',
      ]);
      expect((await record(sensitive)).decision.policyEvaluation.matched.map((p: { id: string }) => p.id)).toEqual([
        'special-category-training-review',
      ]);
    });

    it('samples a deterministic share of decisions under sampled oversight', async () => {
      const statuses = [];
      for (let i = 0; i < 40; i++) statuses.push((await record(highRisk, { confidence: 0.95 })).decision.status);
      // 5% expected; the bucket comes from the random decision id, so allow for chance but require some of both.
      expect(statuses.filter((s) => s === 'RECORDED').length).toBeGreaterThan(30);
      expect(statuses.every((s) => s === 'RECORDED' || s === 'PENDING_REVIEW')).toBe(true);
    });

    it('stores a blocked decision (a production automation on an undeployed model) and returns it with the denial', async () => {
      const { decision } = await record(production);
      expect(decision.status).toBe('BLOCKED');
      expect(decision.outcome).toBe('BLOCKED');
      expect(decision.policyEvaluation).toMatchObject({
        effect: 'DENY',
        matched: [expect.objectContaining({ id: 'production-requires-deployed-model', effect: 'DENY' })],
      });
      const stored = ok(
        await t.gql(officer.key, `{ decision(id: "${decision.id}") { status effectiveOutput auditEvents { action } } }`),
      ).decision;
      expect(stored).toEqual({ status: 'BLOCKED', effectiveOutput: null, auditEvents: [{ action: 'decision.blocked' }] });
    });

    it('blocks an output that contains personal data, and stores it redacted', async () => {
      const { decision } = await record(plain, { output: { route: 'call', note: 'ring jane.doe@example.com' } });
      expect(decision.status).toBe('BLOCKED');
      expect(decision.policyEvaluation.matched.map((p: { id: string }) => p.id)).toEqual(['deny-unredacted-pii-output']);
      expect(decision.output).toEqual({ route: 'call', note: 'ring [REDACTED:email]' });
      expect(decision.redactions).toEqual([{ path: '$.output.note', detector: 'email', count: 1 }]);
    });
  });

  describe('redaction', () => {
    it('redacts e-mails, phones, Luhn-valid cards and IBANs in input and context, and keeps only a keyed hash of the input', async () => {
      const input = {
        applicant: {
          email: 'jane.doe@example.com',
          phone: '+49 151 12345678',
          card: '4111 1111 1111 1111',
          iban: 'DE89 3704 0044 0532 0130 00',
        },
        notInACard: '4111 1111 1111 1112',
      };
      const first = (await record(plain, { input, context: { channel: 'web', contact: 'jane.doe@example.com' } })).decision;
      expect(first.input).toEqual({
        applicant: { email: '[REDACTED:email]', phone: '[REDACTED:phone]', card: '[REDACTED:payment_card]', iban: '[REDACTED:iban]' },
        notInACard: '4111 1111 1111 1112',
      });
      expect(first.context).toEqual({ channel: 'web', contact: '[REDACTED:email]' });
      expect(first.redactions.map((r: { path: string; detector: string }) => `${r.path} ${r.detector}`)).toEqual([
        '$.context.contact email',
        '$.input.applicant.card payment_card',
        '$.input.applicant.email email',
        '$.input.applicant.iban iban',
        '$.input.applicant.phone phone',
      ]);
      const again = (await record(plain, { input })).decision;
      const other = (await record(plain, { input: { ...input, notInACard: 'x' } })).decision;
      expect(again.inputHash).toBe(first.inputHash);
      expect(other.inputHash).not.toBe(first.inputHash);
      const raw = await withClient(t.databaseUrl, (c) =>
        c.query('SELECT input::text, context::text FROM decisions WHERE id = $1', [first.id]),
      );
      expect(raw.rows[0].input + raw.rows[0].context).not.toContain('jane.doe');
    });

    it('finds e-mails with a full-width at sign, dotted phones, and personal data in object keys', async () => {
      const input = {
        contact: 'jane.doe＠example.com or jane﹫example.org',
        office: '555.123.4567',
        mobile: '+49.151.12345678',
        server: '192.168.100.200',
        build: '10.0.19041.1234',
        due: '31.01.2024',
        amount: '12345678.90',
        byEmail: { 'jane.doe@example.com': { score: 3 }, 'call 555.123.4567': 'evenings' },
      };
      const { decision } = await record(plain, { input });
      expect(decision.input).toEqual({
        contact: '[REDACTED:email] or [REDACTED:email]',
        office: '[REDACTED:phone]',
        mobile: '[REDACTED:phone]',
        server: '192.168.100.200',
        build: '10.0.19041.1234',
        due: '31.01.2024',
        amount: '12345678.90',
        byEmail: { '[REDACTED:email]': { score: 3 }, 'call [REDACTED:phone]': 'evenings' },
      });
      expect(decision.redactions).toEqual([
        { path: "$.input.byEmail['call [REDACTED:phone]']", detector: 'phone', count: 1 },
        { path: "$.input.byEmail['[REDACTED:email]']", detector: 'email', count: 1 },
        { path: '$.input.contact', detector: 'email', count: 2 },
        { path: '$.input.mobile', detector: 'phone', count: 1 },
        { path: '$.input.office', detector: 'phone', count: 1 },
      ]);
      const raw = await withClient(t.databaseUrl, (c) =>
        c.query('SELECT input::text || redactions::text AS stored FROM decisions WHERE id = $1', [decision.id]),
      );
      expect(raw.rows[0].stored).not.toMatch(/jane|555\.123|151\.1234/);
    });

    it("applies the automation's path rules and custom patterns, set by its owner and audited", async () => {
      const SET =
        'mutation($a: ID!, $r: RedactionRulesInput!) { setRedactionRules(automationId: $a, rules: $r) { paths patterns { name } detectors updatedBy } }';
      const rules = { paths: ['$.input.applicant.name'], patterns: [{ name: 'policy_number', pattern: 'POL-\\d{6}' }] };
      expect(errorCode(await t.gql(plain.service.key, SET, { a: plain.automationId, r: rules }))).toBe('FORBIDDEN');
      expect(ok(await t.gql(t.adminKey, SET, { a: plain.automationId, r: rules })).setRedactionRules).toMatchObject({
        paths: ['$.input.applicant.name'],
        patterns: [{ name: 'policy_number' }],
        detectors: null,
      });
      const { decision } = await record(plain, { input: { applicant: { name: 'Jane Doe' }, ref: 'see POL-123456' } });
      expect(decision.input).toEqual({ applicant: { name: '[REDACTED:path]' }, ref: 'see [REDACTED:policy_number]' });
      const events = ok(
        await t.gql(
          t.adminKey,
          `{ auditEvents(filter: { action: "redaction_rules.set", subjectId: "${plain.automationId}" }) { edges { node { after } } } }`,
        ),
      );
      expect(events.auditEvents.edges).toHaveLength(1);
      ok(await t.gql(t.adminKey, SET, { a: plain.automationId, r: { paths: [], patterns: [] } }));
    });

    it('leaves keep paths unscanned: a claim number the phone heuristic would take for a phone', async () => {
      const claim = { claimId: '2025-118734', caller: '+31 6 1234 5678' };
      expect((await record(plain, { input: claim })).decision.input).toEqual({ claimId: '[REDACTED:phone]', caller: '[REDACTED:phone]' });
      const KEEP = 'mutation($a: ID!, $r: RedactionRulesInput!) { setRedactionRules(automationId: $a, rules: $r) { paths keepPaths } }';
      expect(
        ok(await t.gql(t.adminKey, KEEP, { a: plain.automationId, r: { paths: [], keepPaths: ['$.input.claimId'], patterns: [] } }))
          .setRedactionRules,
      ).toEqual({ paths: [], keepPaths: ['$.input.claimId'] });
      const { decision } = await record(plain, { input: claim });
      expect(decision.input).toEqual({ claimId: '2025-118734', caller: '[REDACTED:phone]' });
      expect(decision.redactions).toEqual([{ path: '$.input.caller', detector: 'phone', count: 1 }]);
      ok(await t.gql(t.adminKey, KEEP, { a: plain.automationId, r: { paths: [], patterns: [] } }));
    });

    it('refuses invalid rules with every problem, and keeps the old ones', async () => {
      const res = await t.gql(
        t.adminKey,
        'mutation($a: ID!, $r: RedactionRulesInput!) { setRedactionRules(automationId: $a, rules: $r) { paths } }',
        {
          a: plain.automationId,
          r: { paths: ['$..deep'], patterns: [{ name: 'Bad Name', pattern: '(' }] },
        },
      );
      expect(errorCode(res)).toBe('VALIDATION_FAILED');
      expect(res.errors![0].extensions.problems).toHaveLength(3);
      expect(
        ok(await t.gql(t.adminKey, `{ redactionRules(automationId: "${plain.automationId}") { paths } }`)).redactionRules.paths,
      ).toEqual([]);
    });
  });

  describe('explanation trace', () => {
    it('keeps every kind of step in order, redacting free text', async () => {
      const explanation = [
        { featureAttribution: { feature: 'amount', value: 1200, weight: 0.42 } },
        { ruleFired: { ruleId: 'R-17', outcome: 'fast-track eligible' } },
        { retrieval: { sourceUri: 'kb://policies/motor', digest: `sha256:${'e'.repeat(64)}`, score: 0.8 } },
        {
          llmCall: {
            model: 'gpt-x',
            promptDigest: `sha256:${'f'.repeat(64)}`,
            prompt: 'Claimant jane.doe@example.com asks',
            completion: 'Approve',
            promptTokens: 12,
            completionTokens: 1,
          },
        },
        { toolCall: { name: 'fraud-check', argsDigest: `sha256:${'1'.repeat(64)}` } },
        { note: { text: 'Reviewed by rules' } },
      ];
      const { decision } = await record(plain, { explanation });
      const trace = ok(
        await t.gql(
          officer.key,
          `{ decision(id: "${decision.id}") { explanation { __typename
        ... on FeatureAttributionStep { position feature value weight }
        ... on RuleFiredStep { position ruleId outcome }
        ... on RetrievalStep { position sourceUri score }
        ... on LlmCallStep { position model prompt completion promptTokens }
        ... on ToolCallStep { position name argsDigest resultDigest }
        ... on NoteStep { position text } } } }`,
        ),
      ).decision.explanation;
      expect(trace).toEqual([
        { __typename: 'FeatureAttributionStep', position: 0, feature: 'amount', value: 1200, weight: 0.42 },
        { __typename: 'RuleFiredStep', position: 1, ruleId: 'R-17', outcome: 'fast-track eligible' },
        { __typename: 'RetrievalStep', position: 2, sourceUri: 'kb://policies/motor', score: 0.8 },
        {
          __typename: 'LlmCallStep',
          position: 3,
          model: 'gpt-x',
          prompt: 'Claimant [REDACTED:email] asks',
          completion: 'Approve',
          promptTokens: 12,
        },
        { __typename: 'ToolCallStep', position: 4, name: 'fraud-check', argsDigest: `sha256:${'1'.repeat(64)}`, resultDigest: null },
        { __typename: 'NoteStep', position: 5, text: 'Reviewed by rules' },
      ]);
      expect(decision.redactions).toEqual([{ path: '$.explanation[3].prompt', detector: 'email', count: 1 }]);
    });

    it('refuses a step that sets no kind or two, and writes nothing', async () => {
      const res = await t.gql(plain.service.key, RECORD, {
        i: decisionInput(plain, {
          correlationId: 'bad-trace',
          explanation: [{ note: { text: 'ok' } }, { note: { text: 'a' }, ruleFired: { ruleId: 'r', outcome: 'o' } }],
        }),
      });
      expect(errorCode(res)).toBe('VALIDATION_FAILED');
      expect(res.errors![0].message).toContain('explanation[1]');
      expect(await count({ correlationId: 'bad-trace' })).toBe(0);
    });
  });

  describe('idempotency', () => {
    it('returns the original decision for the same key and payload: one row, one audit event', async () => {
      const input = decisionInput(plain, { correlationId: 'idem-1' });
      const first = ok(await t.gql(plain.service.key, RECORD, { i: input })).recordDecision;
      const second = ok(await t.gql(plain.service.key, RECORD, { i: input })).recordDecision;
      expect(second.replayed).toBe(true);
      expect(second.decision).toEqual(first.decision);
      expect(await count({ correlationId: 'idem-1' })).toBe(1);
      const events = ok(
        await t.gql(t.adminKey, `{ auditEvents(filter: { subjectId: "${first.decision.id}" }) { edges { node { action } } } }`),
      );
      expect(events.auditEvents.edges).toHaveLength(1);
    });

    it('refuses the same key with a different payload: CONFLICT naming the original', async () => {
      const input = decisionInput(plain, { correlationId: 'idem-2' });
      const first = ok(await t.gql(plain.service.key, RECORD, { i: input })).recordDecision;
      const res = await t.gql(plain.service.key, RECORD, { i: { ...input, output: { route: 'manual' } } });
      expect(errorCode(res)).toBe('CONFLICT');
      expect(res.errors![0].extensions.decisionId).toBe(first.decision.id);
    });

    it('records concurrent retries of one request exactly once', async () => {
      const input = decisionInput(plain, { correlationId: 'idem-3' });
      const results = await Promise.all(Array.from({ length: 8 }, () => t.gql(plain.service.key, RECORD, { i: input })));
      const ids = new Set(results.map((r) => ok(r).recordDecision.decision.id));
      expect(ids.size).toBe(1);
      expect(results.filter((r) => !ok(r).recordDecision.replayed)).toHaveLength(1);
      expect(await count({ correlationId: 'idem-3' })).toBe(1);
    });
  });

  describe('who may record', () => {
    it('only a service bound to the automation, or an admin', async () => {
      // A service not bound to the automation cannot see it: it is not found, as automationByKey would say.
      const unbound = await t.gql(highRisk.service.key, RECORD, { i: decisionInput(plain) });
      expect(errorCode(unbound)).toBe('NOT_FOUND');
      expect(unbound.errors![0].message).not.toContain(plain.automationKey);
      expect(errorCode(await t.gql(officer.key, RECORD, { i: decisionInput(plain) }))).toBe('FORBIDDEN');
      expect((await record(plain, {}, t.adminKey)).decision.status).toBe('RECORDED');
    });
  });

  describe('bad input gets a clear error and writes nothing', () => {
    it.each([
      ['both automationId and automationKey', (f: AutomationFixture) => ({ automationKey: f.automationKey }), 'VALIDATION_FAILED'],
      ['neither', () => ({ automationId: undefined }), 'VALIDATION_FAILED'],
      ['an unknown automation', () => ({ automationId: '00000000-0000-4000-8000-000000000000' }), 'NOT_FOUND'],
      ['a model version the automation does not use', () => ({ modelVersionId: highRisk.modelVersionId }), 'VALIDATION_FAILED'],
      ['a confidence above 1', () => ({ confidence: 1.5 }), 'VALIDATION_FAILED'],
      ['an occurredAt an hour ahead', () => ({ occurredAt: new Date(Date.now() + 3_600_000).toISOString() }), 'VALIDATION_FAILED'],
      ['an idempotency key with spaces', () => ({ idempotencyKey: 'a b' }), 'VALIDATION_FAILED'],
      ['a malformed trace id', () => ({ traceId: 'xyz' }), 'VALIDATION_FAILED'],
      ['a context that is not an object', () => ({ context: [1, 2] }), 'VALIDATION_FAILED'],
    ])('%s', async (_, extra, code) => {
      const res = await t.gql(t.adminKey, RECORD, { i: decisionInput(plain, { correlationId: 'bad-input', ...extra(plain) }) });
      expect(errorCode(res)).toBe(code);
      expect(JSON.stringify(res.errors)).not.toMatch(/at .*\.ts:\d+|stack/i);
      expect(await count({ correlationId: 'bad-input' })).toBe(0);
    });
  });

  describe('reads', () => {
    it('filters by automation, status, policy, correlation id, confidence and time, newest first with cursors', async () => {
      const base = { automationId: highRisk.automationId };
      expect(await count({ ...base, status: 'PENDING_REVIEW', policyId: 'high-risk-low-confidence-review' })).toBeGreaterThanOrEqual(1);
      expect(await count({ ...base, maxConfidence: 0.5 })).toBe(1);
      expect(await count({ ...base, minConfidence: 0.9 })).toBeGreaterThanOrEqual(39);
      expect(await count({ correlationId: 'claim-42' })).toBe(1);
      expect(await count({ from: new Date(Date.now() + 60_000).toISOString() })).toBe(0);
      expect(await count({ outcome: 'BLOCKED', automationId: production.automationId })).toBe(1);
      const page = ok(
        await t.gql(t.adminKey, '{ decisions(first: 2) { edges { node { recordedAt } } pageInfo { hasNextPage endCursor } } }'),
      ).decisions;
      const next = ok(
        await t.gql(t.adminKey, 'query($c: String) { decisions(first: 2, after: $c) { edges { node { recordedAt } } } }', {
          c: page.pageInfo.endCursor,
        }),
      ).decisions;
      expect(page.pageInfo.hasNextPage).toBe(true);
      expect(new Date(next.edges[0].node.recordedAt) <= new Date(page.edges[1].node.recordedAt)).toBe(true);
    });

    it('answers a data-subject request by subjectRef, without storing the reference', async () => {
      const subjectRef = 'customer-8812@example.com';
      const first = (await record(plain, { subjectRef })).decision;
      const second = (await record(highRisk, { subjectRef, confidence: 0.3 })).decision;
      await record(plain, { subjectRef: 'someone-else' });
      const QUERY = `query($s: String!) { decisionsForSubject(subjectRef: $s) { edges { node { id input status
        policyEvaluation { packDigest matched { id } } explanation { __typename } review { verdict } } } } }`;
      const found = ok(await t.gql(officer.key, QUERY, { s: subjectRef })).decisionsForSubject.edges.map((e: { node: Decision }) => e.node);
      expect(found.map((d: Decision) => d.id)).toEqual([second.id, first.id]);
      expect(found[0].policyEvaluation.matched.map((p: { id: string }) => p.id)).toContain('high-risk-low-confidence-review');
      const raw = await withClient(t.databaseUrl, (c) =>
        c.query('SELECT count(*)::int AS n FROM decisions WHERE subject_hash IS NOT NULL AND row_to_json(decisions)::text LIKE $1', [
          `%${subjectRef}%`,
        ]),
      );
      expect(raw.rows[0].n).toBe(0);
      // Redacted for the asking role: an auditor sees the decisions but not their inputs.
      const forAuditor = ok(await t.gql(auditor.key, QUERY, { s: subjectRef })).decisionsForSubject.edges;
      expect(forAuditor.map((e: { node: Decision }) => e.node.input)).toEqual([null, null]);
      // A service sees only its own automation's decisions.
      const forService = ok(await t.gql(plain.service.key, QUERY, { s: subjectRef })).decisionsForSubject.edges;
      expect(forService.map((e: { node: Decision }) => e.node.id)).toEqual([first.id]);
    });

    it("shows an automation's owner its decisions whole, and an auditor neither inputs nor what the trace quotes of them", async () => {
      const owner = await principalWithRole(t, 'automation_owner');
      const owned = await automationFixture(t, { automationOwnerId: owner.id });
      const { decision } = await record(owned, {
        explanation: [
          { featureAttribution: { feature: 'amount', value: 1200, weight: 0.4 } },
          {
            llmCall: {
              model: 'gpt-x',
              promptDigest: 'sha256:abcdef12',
              prompt: 'Summarise claim 42',
              completion: 'Low severity',
              promptTokens: 9,
            },
          },
          { note: { text: 'checked by rule engine' } },
        ],
      });
      const QUERY = `query($id: ID!) { decision(id: $id) { input output context effectiveOutput withheldFields explanation {
        __typename ... on FeatureAttributionStep { feature value weight } ... on LlmCallStep { model prompt completion promptTokens } ... on NoteStep { text } } } }`;
      const forOwner = ok(await t.gql(owner.key, QUERY, { id: decision.id })).decision;
      expect(forOwner).toMatchObject({
        input: { claim: { amount: 1200, kind: 'motor' } },
        output: { route: 'fast-track' },
        context: {},
        effectiveOutput: { route: 'fast-track' },
        withheldFields: [],
      });
      expect(forOwner.explanation[0]).toEqual({ __typename: 'FeatureAttributionStep', feature: 'amount', value: 1200, weight: 0.4 });
      expect(forOwner.explanation[1]).toMatchObject({ prompt: 'Summarise claim 42', completion: 'Low severity' });

      const forAuditor = ok(await t.gql(auditor.key, QUERY, { id: decision.id })).decision;
      expect(forAuditor).toMatchObject({ input: null, output: null, context: null, effectiveOutput: null });
      expect(forAuditor.withheldFields).toEqual(['INPUT', 'OUTPUT', 'CONTEXT']);
      expect(forAuditor.explanation).toEqual([
        { __typename: 'FeatureAttributionStep', feature: 'amount', value: null, weight: 0.4 },
        { __typename: 'LlmCallStep', model: 'gpt-x', prompt: null, completion: null, promptTokens: 9 },
        { __typename: 'NoteStep', text: 'checked by rule engine' },
      ]);
      // A reviewer's corrected output is the owner's to read too, not the auditor's.
      ok(
        await t.gql(
          officer.key,
          'mutation($id: ID!) { reviewDecision(id: $id, verdict: OVERRIDE, rationale: "route to a person", correctedOutput: { route: "manual" }) { id } }',
          { id: decision.id },
        ),
      );
      const REVIEWED = `query($id: ID!) { decision(id: $id) { effectiveOutput review { verdict correctedOutput } } }`;
      expect(ok(await t.gql(owner.key, REVIEWED, { id: decision.id })).decision).toEqual({
        effectiveOutput: { route: 'manual' },
        review: { verdict: 'OVERRIDE', correctedOutput: { route: 'manual' } },
      });
      expect(ok(await t.gql(auditor.key, REVIEWED, { id: decision.id })).decision).toEqual({
        effectiveOutput: null,
        review: { verdict: 'OVERRIDE', correctedOutput: null },
      });
      // Another automation's owner does not see it at all.
      const stranger = await principalWithRole(t, 'automation_owner');
      expect(errorCode(await t.gql(stranger.key, QUERY, { id: decision.id }))).toBe('NOT_FOUND');
    });

    it('keeps tenants apart', async () => {
      const { decision } = await record(plain);
      const other = await createTenant(t, 'other-decisions');
      expect(errorCode(await t.gql(other.adminKey, `{ decision(id: "${decision.id}") { id } }`))).toBe('NOT_FOUND');
      expect(ok(await t.gql(other.adminKey, '{ decisions { edges { node { id } } } }')).decisions.edges).toEqual([]);
    });
  });
});
