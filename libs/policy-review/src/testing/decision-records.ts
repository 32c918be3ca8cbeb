import { Random } from '@attest/policy/testing';
import type { DecisionRecord } from '../replay/decision-record';

const RISK = ['unacceptable', 'high', 'limited', 'minimal'];
const OVERSIGHT = ['none', 'sample', 'required'];
const ENVIRONMENTS = ['dev', 'staging', 'production'];
const STATUSES = ['draft', 'in_review', 'approved', 'deployed'];
const AUTOMATIONS = ['claims-triage', 'invoice-matching', 'ticket-routing', 'content-moderation'];

/** `n` recorded decisions with varied, valid decision facts (seeded: the same every run). */
export function decisionRecords(n: number, seed = 7): DecisionRecord[] {
  const random = new Random(seed);
  return Array.from({ length: n }, (_, i) => {
    const id = `dec-${String(i).padStart(6, '0')}`;
    return {
      id,
      automationKey: random.pick(AUTOMATIONS),
      recordedAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(),
      recorded: null,
      facts: random.chance(0.05)
        ? null
        : {
            decision: {
              id,
              confidence: Math.round(random.next() * 100) / 100,
              outputPiiFindings: random.chance(0.1) ? 1 : 0,
              output: { route: 'fast' },
            },
            automation: {
              riskClass: random.pick(RISK),
              oversightMode: random.pick(OVERSIGHT),
              environment: random.pick(ENVIRONMENTS),
              purpose: 'Route claims',
              domain: null,
            },
            modelVersion: { status: random.pick(STATUSES), riskTier: 'low', intendedUse: null, limitations: null, metrics: {} },
            datasetVersions: [],
            upstream: { datasetVersions: [] },
            principal: { id: 'svc-1', roles: ['service'] },
            context: {},
          },
    };
  });
}
