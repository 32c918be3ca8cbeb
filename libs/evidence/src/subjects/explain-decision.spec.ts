import { ContestStatus, DecisionOutcome, type SubjectRecord } from '@attest/decisions';
import { explainDecision, formatTime, MAIN_FACTORS, type DecisionContext } from './explain-decision';
import { FactorDirection } from './subject-explanation.model';
import { en } from './templates/en';
import { templatesFor } from './templates/locales';
import { fill } from './templates/subject-templates';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 8, minute));

const record = (overrides: Partial<SubjectRecord> = {}): SubjectRecord => ({
  id: '134a0841-d6bf-433c-8430-6e65c150062e',
  automationId: 'a',
  automationVersionId: 'av',
  modelVersionId: 'mv',
  occurredAt: at(0),
  recordedAt: at(1),
  status: 'recorded',
  outcome: DecisionOutcome.RECORDED,
  confidence: 0.8,
  policy: null,
  effectiveOutput: null,
  steps: [],
  reviews: [],
  contests: [],
  awaitingReview: null,
  withheld: [],
  ...overrides,
});

const context: DecisionContext = {
  automation: { name: 'Motor claims triage', purpose: 'Route new motor claims' },
  activation: null,
  contestDays: 3,
};

describe('fill', () => {
  it('fills every placeholder it has a value for and leaves unknown ones as written', () => {
    expect(fill('{a} and {b}, not {c}', { a: 1, b: 'two' })).toBe('1 and two, not {c}');
  });
});

describe('templatesFor', () => {
  it('gives English by name and refuses a locale without templates with VALIDATION_FAILED', () => {
    expect(templatesFor('en')).toBe(en);
    expect(() => templatesFor('de')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => templatesFor('constructor')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});

describe('explainDecision', () => {
  it('keeps the five attributions that weighed most, whichever way, with their direction', () => {
    const weights = [0.1, -0.9, 0.5, -0.05, 0.3, 0.7, -0.2];
    const steps = weights.map((weight, position) => ({ kind: 'feature_attribution' as const, position, feature: `f${position}`, weight }));
    const { factors } = explainDecision(record({ steps }), context, en);
    expect(factors).toHaveLength(MAIN_FACTORS);
    expect(factors.map((f) => [f.feature, f.direction])).toEqual([
      ['f1', FactorDirection.AGAINST],
      ['f5', FactorDirection.FOR],
      ['f2', FactorDirection.FOR],
      ['f4', FactorDirection.FOR],
      ['f6', FactorDirection.AGAINST],
    ]);
    expect(factors[0].text).toBe('"f1" weighed against the result (weight -0.9).');
  });

  it('says a withheld value is withheld by leaving it out, never by guessing it', () => {
    const steps = [{ kind: 'feature_attribution' as const, position: 0, feature: 'income', weight: 0.4, value: null }];
    const explained = explainDecision(record({ steps, withheld: ['input'] as SubjectRecord['withheld'] }), context, en);
    expect(explained.factors[0].text).toBe('"income" weighed in favour of the result (weight 0.4).');
    expect(explained.partlyWithheld).toBe(true);
    expect(explained.sections[0].paragraphs).toContain(en.decision.withheld);
  });

  it('tells an answered contest by the verdict that answered it, and an open one by its deadline', () => {
    const answered = {
      id: 'c1',
      decisionId: 'd',
      status: ContestStatus.ANSWERED,
      reason: 'Wrong amount',
      contact: null,
      hasContact: false,
      contestedBy: 'p',
      contestedAt: at(10),
      dueAt: at(20),
      reviewId: 'r1',
      resolvedAt: at(15),
    };
    const open = {
      ...answered,
      id: 'c2',
      status: ContestStatus.OPEN,
      contestedAt: at(30),
      dueAt: at(40),
      reviewId: null,
      resolvedAt: null,
    };
    const reviews = [{ id: 'r1', verdict: 'reject' as const, rationale: 'Checked', at: at(15), contestId: 'c1', correctedOutput: null }];
    const explained = explainDecision(
      record({ outcome: DecisionOutcome.REJECTED, reviews, contests: [answered, open], awaitingReview: { dueAt: at(40), priority: true } }),
      context,
      en,
    );
    expect(explained.contests.map((c) => c.text)).toEqual([
      `On ${formatTime(at(10))} you asked for a person to review this decision: "Wrong amount". On ${formatTime(at(15))} a person reviewed it: the decision was rejected and does not apply.`,
      `On ${formatTime(at(30))} you asked for a person to review this decision: "Wrong amount". A person will review it by ${formatTime(at(40))}.`,
    ]);
    expect(explained.reviewSummary).toBe(
      `On ${formatTime(at(15))} a person reviewed the decision and rejected it. Their reason: "Checked". This review answered your request. ` +
        `A person will review this decision by ${formatTime(at(40))}.`,
    );
    expect(explained.summary).toBe(en.outcome.rejected);
  });

  it('names the pack and the activation that judged it, or only its digest when the activation is not found', () => {
    const policy = {
      packDigest: 'c7e0'.repeat(16),
      effect: 'require_review',
      matched: [
        {
          id: 'oversight',
          version: 2,
          effect: 'require_review' as const,
          severity: 'medium',
          message: 'People review this.',
          frameworks: [],
        },
      ],
    };
    const judged = explainDecision(record({ policy }), { ...context, activation: { name: 'default', activatedAt: at(0) } }, en);
    expect(judged.policies[0].text).toBe('People review this. (a person had to review it; rule oversight, version 2)');
    expect(judged.policyVersion?.text).toBe(
      `The rules in force were the policy pack "default", in use since ${formatTime(at(0))} (fingerprint ${'c7e0'.repeat(16)}).`,
    );
    expect(explainDecision(record({ policy }), context, en).policyVersion?.text).toBe(
      `The rules in force were the policy pack with fingerprint ${'c7e0'.repeat(16)}.`,
    );
    expect(explainDecision(record(), context, en).policyVersion).toBeNull();
  });
});
