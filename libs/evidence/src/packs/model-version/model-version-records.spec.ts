import type { AuditEventRecord } from '../pack-layout';
import { gateEvaluationsOf } from './model-version-records';

const event = (action: string, before: unknown, after: unknown): AuditEventRecord => ({
  id: `id-${action}`,
  actorId: 'p1',
  action,
  subjectType: 'ModelVersion',
  subjectId: 'mv',
  before,
  after,
  changes: {},
  occurredAt: '2026-12-07T10:00:00.000Z',
});
const policy = {
  packDigest: 'sha256:abc',
  effect: 'require_review',
  matched: [{ id: 'two', version: 2, effect: 'require_review', message: 'm' }],
};

describe('gate evaluations of a version', () => {
  it('reads the verdict of each move and of each approval the gate held back, and nothing else', () => {
    const gates = gateEvaluationsOf([
      event('model_version.registered', null, { status: 'draft' }),
      event(
        'model_version.transitioned',
        { status: 'draft' },
        { status: 'in_review', policy: { ...policy, effect: 'allow', matched: [] } },
      ),
      event('model_version.approval_recorded', null, { status: 'in_review', approverCount: 1, policy }),
    ]);
    expect(gates).toEqual([
      expect.objectContaining({ action: 'model_version.transitioned', from: 'draft', to: 'in_review', effect: 'allow', matched: [] }),
      expect.objectContaining({
        action: 'model_version.approval_recorded',
        from: 'in_review',
        to: 'approved',
        packDigest: 'sha256:abc',
        matched: [{ id: 'two', version: 2, effect: 'require_review' }],
      }),
    ]);
  });
});
