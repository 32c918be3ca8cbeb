import { decisionRecords } from '@attest/policy-review/testing';
import type { DecisionRecord } from '../../../libs/policy-review/src/replay/decision-record';
import type { PolicyRepo } from './policy-repo';

/**
 * The pull request the diff tests review, made on a copy of the real policies: one policy
 * added, one removed, one threshold raised, and two access rules widened, with the pack's tests
 * updated so that they still pass (a reviewer sees the change, not a broken pack).
 */
export const CHANGED_POLICY = 'policies/default/high-risk-low-confidence-review.yaml';
export const ADDED_POLICY = 'policies/default/deny-very-low-confidence-production.yaml';
export const REMOVED_POLICY = 'policies/default/annotate-dev-decisions.yaml';
const DECISION_TESTS = 'policies/default/tests/decisions.yaml';
const ROLES = 'policies/access/roles.yaml';

/** A high-risk decision now goes to a human below 0.8 confidence instead of 0.7 (version raised, as lint demands). */
export function raiseReviewThreshold(repo: PolicyRepo): void {
  repo.replace(CHANGED_POLICY, 'version: 1', 'version: 2');
  repo.replace(CHANGED_POLICY, 'decision below 0.7 confidence goes', 'decision below 0.8 confidence goes');
  repo.replace(
    CHANGED_POLICY,
    '{ fact: decision.confidence, operator: lessThan, value: 0.7 }',
    '{ fact: decision.confidence, operator: lessThan, value: 0.8 }',
  );
  repo.replace(CHANGED_POLICY, 'confidence below 0.7 needs', 'confidence below 0.8 needs');
  repo.replace(
    DECISION_TESTS,
    'a high-risk decision at exactly 0.7 confidence is allowed',
    'a high-risk decision at exactly 0.8 confidence is allowed',
  );
  repo.replace(DECISION_TESTS, 'decision: { id: dec-1, confidence: 0.7 }', 'decision: { id: dec-1, confidence: 0.8 }');
}

export function applyReviewedChange(repo: PolicyRepo): void {
  raiseReviewThreshold(repo);

  repo.remove(REMOVED_POLICY);
  repo.replace(DECISION_TESTS, 'matched: [annotate-dev-decisions, deny-unredacted-pii-output,', 'matched: [deny-unredacted-pii-output,');
  repo.replace(DECISION_TESTS, 'dev decisions are annotated', 'dev decisions are no longer annotated');
  repo.replace(DECISION_TESTS, 'expect: { effect: annotate, matched: [annotate-dev-decisions] }', 'expect: { effect: allow, matched: [] }');

  repo.write(
    ADDED_POLICY,
    [
      'id: deny-very-low-confidence-production',
      'version: 1',
      'description: A production decision below 0.1 confidence is refused.',
      'appliesTo: decision',
      'severity: high',
      'frameworks: [EU-AI-Act:Art.15, NIST-AI-RMF:MEASURE-2.5]',
      'conditions:',
      '  all:',
      '    - { fact: automation.environment, operator: equal, value: production }',
      '    - { fact: decision.confidence, operator: lessThan, value: 0.1 }',
      'effect: deny',
      'message: A confidence below 0.1 is no basis for a production decision.',
      '',
    ].join('\n'),
  );
  repo.write(
    DECISION_TESTS,
    `${repo.read(DECISION_TESTS).trimEnd()}\n${[
      '',
      '  - name: a production decision below 0.1 confidence is denied',
      '    appliesTo: decision',
      '    facts:',
      '      decision: { id: dec-1, confidence: 0.05 }',
      '      automation: { riskClass: minimal, oversightMode: none, environment: production }',
      '      modelVersion: { status: deployed }',
      '    expect: { effect: deny, matched: [deny-very-low-confidence-production] }',
      '',
      '  - name: a staging decision below 0.1 confidence is allowed',
      '    appliesTo: decision',
      '    facts:',
      '      decision: { id: dec-1, confidence: 0.05 }',
      '      automation: { riskClass: minimal, oversightMode: none, environment: staging }',
      '      modelVersion: { status: deployed }',
      '    expect: { effect: allow, matched: [] }',
      '',
    ].join('\n')}`,
  );

  // Auditors gain a permission outright; automation owners now read every decision, not only their automations'.
  repo.replace(
    ROLES,
    '        fields: [input, output, context]\n        inverted: true\n',
    '        fields: [input, output, context]\n        inverted: true\n      - action: review\n        subject: Decision\n',
  );
  repo.replace(
    ROLES,
    "        subject: Decision\n        conditions: { automationOwnerId: '${principal.id}' }\n",
    '        subject: Decision\n',
  );
}

/** Seeded: the same records, and so the same replay, every run. */
export const RECORDED_DECISIONS: DecisionRecord[] = decisionRecords(400);

export function writeRecordedDecisions(repo: PolicyRepo, file = 'decisions.jsonl'): string {
  repo.write(file, RECORDED_DECISIONS.map((r) => `${JSON.stringify(r)}\n`).join(''));
  return file;
}

interface GeneratedFacts {
  decision: { confidence: number; outputPiiFindings: number };
  automation: { riskClass: string; environment: string };
  modelVersion: { status: string };
}

/**
 * What the change must do to the recorded decisions, worked out from the policies it touches
 * rather than by the evaluator under test: a decision's outcome changes exactly when one of the
 * three policies matches it on one side only.
 */
export function expectedReplay(records: readonly DecisionRecord[]) {
  const replayed = records.filter((r) => r.facts).map((r) => r.facts as unknown as GeneratedFacts);
  const wasAnnotated = (f: GeneratedFacts) => f.automation.environment === 'dev';
  const nowDenied = (f: GeneratedFacts) => f.automation.environment === 'production' && f.decision.confidence < 0.1;
  const nowReviewed = (f: GeneratedFacts) =>
    f.automation.riskClass === 'high' && f.decision.confidence >= 0.7 && f.decision.confidence < 0.8;
  // The base's decision-time deny policies: unacceptable risk, unredacted PII, production without a deployed model.
  const wasDenied = (f: GeneratedFacts) =>
    f.automation.riskClass === 'unacceptable' ||
    f.decision.outputPiiFindings > 0 ||
    (f.automation.environment === 'production' && f.modelVersion.status !== 'deployed');
  const count = (test: (f: GeneratedFacts) => boolean) => replayed.filter(test).length;
  return {
    decisions: records.length,
    withoutFacts: records.length - replayed.length,
    replayed: replayed.length,
    changed: count((f) => wasAnnotated(f) || nowDenied(f) || nowReviewed(f)),
    newDenies: count((f) => nowDenied(f) && !wasDenied(f)),
    byPolicy: [
      { policyId: 'annotate-dev-decisions', gained: 0, lost: count(wasAnnotated) },
      { policyId: 'deny-very-low-confidence-production', gained: count(nowDenied), lost: 0 },
      { policyId: 'high-risk-low-confidence-review', gained: count(nowReviewed), lost: 0 },
    ],
  };
}
