import { join } from 'node:path';
import { CompiledEvaluator, loadPolicyPack, OracleEvaluator, type PolicyPack } from '@attest/policy';
import { decisionRecords } from '../testing/decision-records';
import { replayDecisions } from './replay';

const DEFAULT_PACK = join(__dirname, '../../../../policies/default');

/** The default pack with the confidence threshold of one policy raised and another policy dropped. */
function changedPack(base: PolicyPack): PolicyPack {
  const policies = base.policies
    .filter((p) => p.id !== 'oversight-sample-review')
    .map((p) =>
      p.id !== 'high-risk-low-confidence-review'
        ? p
        : {
            ...p,
            version: p.version + 1,
            conditions: {
              all: [
                { fact: 'automation.riskClass', operator: 'in' as const, value: ['high', 'limited'] },
                { fact: 'decision.confidence', operator: 'lessThan' as const, value: 0.8 },
              ],
            },
          },
    );
  return { ...base, policies, digest: 'head' };
}

describe('replaying recorded decisions under two packs', () => {
  const base = loadPolicyPack(DEFAULT_PACK);
  const head = changedPack(base);
  const records = decisionRecords(2000);

  it('reports exactly the decisions whose outcome differs when each is evaluated directly under each pack', async () => {
    const [report] = await replayDecisions([{ base, head }], records, { examples: 1000 });
    const [direct, oracleBase, oracleHead] = [new CompiledEvaluator(head), new OracleEvaluator(base), new OracleEvaluator(head)];
    const expected: string[] = [];
    for (const r of records) {
      if (!r.facts) continue;
      // The oracle (json-rules-engine itself) decides what "differs" means, independently of the replay's evaluator.
      const [was, now] = [await oracleBase.evaluate('decision', r.facts), await oracleHead.evaluate('decision', r.facts)];
      const ids = (o: { matched: { id: string }[] }) =>
        o.matched
          .map((m) => m.id)
          .sort()
          .join();
      if (was.effect !== now.effect || ids(was) !== ids(now)) expected.push(r.id);
      expect(direct.evaluate('decision', r.facts).effect).toBe(now.effect);
    }
    expect(expected.length).toBeGreaterThan(20); // the change does something
    expect(report.changed).toBe(expected.length);
    expect(report.examples.map((e) => e.id)).toEqual(expected);
    expect(report.decisions).toBe(2000);
    expect(report.withoutFacts).toBe(records.filter((r) => !r.facts).length);
    expect(report.replayed + report.withoutFacts + report.failed).toBe(2000);
    expect(report.byEffect.reduce((n, e) => n + e.count, 0)).toBe(report.changed);
    expect(report.byAutomation.reduce((n, a) => n + a.changed, 0)).toBe(report.changed);
    expect(report.byPolicy.map((p) => p.policyId)).toEqual(expect.arrayContaining(['high-risk-low-confidence-review']));
  });

  it('shows an example with the facts the differing policies read, and keeps the first N in input order', async () => {
    const [report] = await replayDecisions([{ base, head }], records, { examples: 3 });
    expect(report.examples).toHaveLength(3);
    const example = report.examples[0];
    expect(Object.keys(example.facts)).toEqual(expect.arrayContaining(['decision.confidence']));
    expect(example.base).not.toEqual(example.head);
  });

  it('counts facts it cannot evaluate as failures, with the decision id, and goes on', async () => {
    const broken = { ...records[0], id: 'broken', facts: { decision: { id: 'x', confidence: 'high' } } };
    const [report] = await replayDecisions([{ base, head }], [broken, records[1]]);
    expect(report.failed).toBe(1);
    expect(report.failures[0]).toMatchObject({ id: 'broken', message: expect.stringContaining('decision.confidence') });
  });

  it('replays several packs in one pass, and reports nothing for an unchanged one', async () => {
    const reports = await replayDecisions(
      [
        { base, head },
        { base, head: base },
      ],
      records.slice(0, 200),
      { onProgress: () => undefined, every: 50 },
    );
    expect(reports).toHaveLength(2);
    expect(reports[1].changed).toBe(0);
    expect(reports[1].byEffect).toEqual([]);
  });

  it('replays lifecycle gates too: the versions a changed gate would now refuse, and only those', async () => {
    const gated = (id: string, riskClass: string, oversightMode: string) => ({
      kind: 'gate' as const,
      subjectType: 'AutomationVersion' as const,
      id,
      label: `claims-triage ${id}`,
      status: 'deployed',
      appliesTo: 'automation.transition' as const,
      facts: {
        automation: { riskClass, oversightMode, environment: 'production' },
        transition: { from: 'approved', to: 'deployed', actorId: 'p1' },
        principal: { id: 'p1', roles: ['automation_owner'] },
      },
    });
    // The head drops `sample` from the oversight modes that let a high-risk automation into production.
    const stricter: PolicyPack = {
      ...base,
      digest: 'stricter',
      policies: base.policies.map((p) =>
        p.id !== 'high-risk-deployment-needs-oversight'
          ? p
          : {
              ...p,
              conditions: {
                all: [
                  ...(p.conditions as { all: never[] }).all.slice(0, 3),
                  { fact: 'automation.oversightMode', operator: 'in' as const, value: ['none', 'sample', null] },
                ],
              },
            },
      ),
    };
    const [report] = await replayDecisions(
      [{ base, head: stricter }],
      [gated('v1', 'high', 'sample'), gated('v2', 'high', 'required'), gated('v3', 'minimal', 'sample'), records[0]],
    );
    expect(report.gates.checked).toBe(3);
    expect(report.gates.changed).toEqual([
      {
        subjectType: 'AutomationVersion',
        id: 'v1',
        label: 'claims-triage v1',
        status: 'deployed',
        base: { effect: 'allow', matched: [] },
        head: { effect: 'deny', matched: ['high-risk-deployment-needs-oversight'] },
      },
    ]);
    expect(report.decisions).toBe(1); // gates are not decisions
  });

  it('says which facts the exporting key could not read', async () => {
    const [report] = await replayDecisions(
      [{ base, head }],
      records.slice(0, 10).map((r) => ({ ...r, withheld: ['context', 'decision.output'] })),
    );
    expect(report.withheldFacts).toEqual(['context', 'decision.output']);
  });
});
