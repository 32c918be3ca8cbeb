import { join } from 'node:path';
import { CompiledEvaluator, loadPolicyPack } from '@attest/policy';
import type { GateEvaluationRecord } from '../pack-layout';
import { reevaluateGates } from './reevaluate-gates';

const pack = loadPolicyPack(join(__dirname, '../../../../../policies/default'));
const packs = [{ digest: pack.digest, name: pack.name, policies: pack.policies }];

/** A move to approved of a model version reporting the given accuracy, with the verdict the default pack gives it. */
function approval(accuracy: number, facts: Record<string, unknown> | null = approvalFacts(accuracy)): GateEvaluationRecord {
  const outcome = new CompiledEvaluator(pack).evaluate('model.transition', approvalFacts(accuracy));
  return {
    auditEventId: `event-${accuracy}`,
    action: 'model_version.transitioned',
    occurredAt: '2026-12-01T10:00:00.000Z',
    from: 'in_review',
    to: 'approved',
    packDigest: pack.digest,
    effect: outcome.effect,
    matched: outcome.matched.map(({ id, version, effect }) => ({ id, version, effect })),
    facts,
  };
}

function approvalFacts(accuracy: number): Record<string, unknown> {
  return {
    modelVersion: {
      status: 'in_review',
      riskTier: 'medium',
      intendedUse: 'claims triage',
      limitations: 'English only',
      metrics: { accuracy },
      submittedBy: 'alice',
      approvedBy: null,
      approverCount: 1,
    },
    datasetVersions: [],
    upstream: { datasetVersions: [] },
    transition: { from: 'in_review', to: 'approved', actorId: 'bob' },
    principal: { id: 'bob', roles: ['compliance_officer'] },
  };
}

describe('reevaluateGates', () => {
  it('passes when each verdict replayed on its recorded facts gives the recorded effect and policies', () => {
    const gates = [approval(0.7), approval(0.9)];
    expect(gates[0].matched.map((p) => p.id)).toContain('annotate-low-accuracy-approval');
    expect(reevaluateGates(gates, packs, 'model.transition')).toEqual({
      name: 're-evaluation',
      status: 'passed',
      detail: '2 gate verdicts replayed on their recorded facts give the sealed effects',
    });
  });

  it('fails naming the move whose recorded effect the facts do not give', () => {
    const gate = { ...approval(0.7), effect: 'allow', matched: [] };
    const check = reevaluateGates([approval(0.9), gate], packs, 'model.transition');
    expect(check.status).toBe('failed');
    expect(check.detail).toBe(
      'model_version.transitioned at 2026-12-01T10:00:00.000Z: the policies on the recorded facts give annotate ' +
        '[annotate-low-accuracy-approval@1], the sealed verdict says allow []',
    );
  });

  it('fails when the content for a verdict is missing, and says which pack', () => {
    const check = reevaluateGates([approval(0.9)], [], 'model.transition');
    expect(check).toMatchObject({ status: 'failed', detail: expect.stringContaining(`no content for the pack ${pack.digest}`) });
  });

  it('skips verdicts recorded without their facts, and says how many', () => {
    expect(reevaluateGates([approval(0.9, null)], packs, 'model.transition')).toMatchObject({
      status: 'skipped',
      detail: 'the 1 gate verdicts were recorded without the facts they judged: none can be replayed',
    });
    expect(reevaluateGates([approval(0.9), approval(0.7, null)], packs, 'model.transition')).toMatchObject({
      status: 'passed',
      detail: expect.stringMatching(/^1 gate verdicts replayed .*; 1 recorded without their facts, not replayed$/),
    });
    expect(reevaluateGates([], packs, 'model.transition').status).toBe('skipped');
  });
});
