import { ContestStatus, type SubjectRecord } from '@attest/decisions';
import {
  FactorDirection,
  type ExplainedContestModel,
  type ExplainedFactorModel,
  type ExplainedPolicyModel,
  type ExplainedPolicyVersionModel,
  type ExplainedReviewModel,
  type ExplanationSectionModel,
  type SubjectDecisionExplanationModel,
} from './subject-explanation.model';
import { fill, type SubjectTemplates } from './templates/subject-templates';

/** The main factors: the five attributions that weighed most, whichever way. */
export const MAIN_FACTORS = 5;

/** What an explanation says about a decision beside its record: the automation as the caller may read it, the pack's activation. */
export interface DecisionContext {
  automation: { name: string; purpose: string | null } | null;
  activation: { name: string; activatedAt: Date } | null;
  /** ATTEST_CONTEST_DEADLINE_MINUTES, in days (rounded up): what a person is promised. */
  contestDays: number;
}

/** A time as every locale shows it: unambiguous, in UTC, to the minute. */
export function formatTime(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

const shownValue = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * One decision about a person, in plain language from the locale's templates: what it was based on
 * (the main factors and their direction, the other steps of its trace), the rules that matched and
 * the pack that judged it, its human reviews, how to contest it and what became of a contest. Only
 * what the record holds for the caller is said: a withheld value is left out, never guessed.
 */
export function explainDecision(record: SubjectRecord, context: DecisionContext, t: SubjectTemplates): SubjectDecisionExplanationModel {
  const automation = context.automation?.name ?? t.decision.unknownAutomation;
  const factors = mainFactors(record, t);
  const reasoning = record.steps.flatMap((step): string[] => {
    switch (step.kind) {
      case 'rule_fired':
        return [fill(t.steps.rule_fired, { ruleId: String(step.ruleId), outcome: String(step.outcome) })];
      case 'retrieval':
        return [fill(t.steps.retrieval, { sourceUri: String(step.sourceUri) })];
      case 'llm_call':
        return [fill(t.steps.llm_call, { model: String(step.model) })];
      case 'tool_call':
        return [fill(t.steps.tool_call, { name: String(step.name) })];
      case 'note':
        return [fill(t.steps.note, { text: String(step.text) })];
      case 'feature_attribution':
        return [];
    }
  });
  const policies = (record.policy?.matched ?? []).map((p): ExplainedPolicyModel => ({
    id: p.id,
    version: p.version,
    effect: p.effect,
    text: fill(t.policies.matched, { message: p.message, id: p.id, version: p.version, effect: t.policies.effect[p.effect] ?? p.effect }),
  }));
  const policyVersion = policyVersionOf(record, context, t);
  const contests = contestsOf(record, t);
  const reviews = record.reviews.map((r): ExplainedReviewModel => ({
    verdict: r.verdict,
    at: r.at,
    rationale: r.rationale,
    answersContest: r.contestId !== null,
    text: [
      fill(t.review[r.verdict], { date: formatTime(r.at), rationale: r.rationale }),
      ...(r.contestId ? [t.review.answersContest] : []),
    ].join(' '),
  }));
  const reviewSummary = [
    ...(reviews.length === 0 && !record.awaitingReview ? [t.review.none] : reviews.map((r) => r.text)),
    ...(record.awaitingReview ? [fill(t.review.pending, { dueAt: formatTime(record.awaitingReview.dueAt) })] : []),
  ].join(' ');
  const howToContest = fill(t.contest.how, { days: context.contestDays });
  const summary = t.outcome[record.outcome];
  const made = fill(t.decision.made, { automation, date: formatTime(record.occurredAt) });
  const purpose = context.automation?.purpose;
  const partlyWithheld = record.withheld.length > 0;
  const sections: ExplanationSectionModel[] = [
    {
      heading: fill(t.decision.heading, { date: formatTime(record.occurredAt), automation }),
      paragraphs: [
        made,
        ...(purpose ? [fill(t.decision.purpose, { purpose })] : []),
        summary,
        ...(record.confidence !== null ? [fill(t.decision.confidence, { confidence: `${Math.round(record.confidence * 100)}%` })] : []),
        ...(partlyWithheld ? [t.decision.withheld] : []),
      ],
    },
    {
      heading: t.steps.factorsHeading,
      paragraphs: factors.length
        ? [fill(t.steps.factorsIntro, { count: factors.length }), ...factors.map((f) => f.text)]
        : [t.steps.noFactors],
    },
    { heading: t.steps.reasoningHeading, paragraphs: reasoning.length ? reasoning : [t.steps.noReasoning] },
    {
      heading: t.policies.heading,
      paragraphs: [...(policies.length ? policies.map((p) => p.text) : [t.policies.none]), policyVersion?.text ?? t.policies.noPack],
    },
    { heading: t.review.heading, paragraphs: [reviewSummary] },
    { heading: t.contest.heading, paragraphs: [...contests.map((c) => c.text), howToContest] },
  ];
  return {
    decisionId: record.id,
    automation: context.automation?.name ?? null,
    madeAt: record.occurredAt,
    outcome: record.outcome,
    summary,
    factors,
    reasoning,
    policies,
    policyVersion,
    reviews,
    reviewSummary,
    contests,
    howToContest,
    partlyWithheld,
    sections,
  };
}

function mainFactors(record: SubjectRecord, t: SubjectTemplates): ExplainedFactorModel[] {
  return record.steps
    .filter((s) => s.kind === 'feature_attribution')
    .map((s) => ({ feature: String(s.feature), weight: Number(s.weight), value: s.value ?? null }))
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || a.feature.localeCompare(b.feature))
    .slice(0, MAIN_FACTORS)
    .map(({ feature, weight, value }) => {
      const direction = weight >= 0 ? FactorDirection.FOR : FactorDirection.AGAINST;
      const sentence = fill(direction === FactorDirection.FOR ? t.steps.factorFor : t.steps.factorAgainst, {
        feature,
        weight: String(weight),
      });
      const text = value === null ? sentence : `${sentence} ${fill(t.steps.factorValue, { value: shownValue(value) })}`;
      return { feature, weight, direction, value, text };
    });
}

function policyVersionOf(record: SubjectRecord, context: DecisionContext, t: SubjectTemplates): ExplainedPolicyVersionModel | null {
  if (!record.policy) return null;
  const digest = record.policy.packDigest;
  const activation = context.activation;
  return {
    name: activation?.name ?? null,
    digest,
    activatedAt: activation?.activatedAt ?? null,
    text: activation
      ? fill(t.policies.judged, { name: activation.name, digest, activatedAt: formatTime(activation.activatedAt) })
      : fill(t.policies.judgedUnknownActivation, { digest }),
  };
}

function contestsOf(record: SubjectRecord, t: SubjectTemplates): ExplainedContestModel[] {
  return record.contests.map((c) => {
    const answer = c.reviewId ? (record.reviews.find((r) => r.id === c.reviewId) ?? null) : null;
    const base = { date: formatTime(c.contestedAt), reason: c.reason };
    const text =
      c.status === ContestStatus.ANSWERED && answer && c.resolvedAt
        ? fill(t.contest.answered, { ...base, resolvedAt: formatTime(c.resolvedAt), result: t.contest.result[answer.verdict] })
        : fill(t.contest.open, { ...base, dueAt: formatTime(c.dueAt) });
    return {
      status: c.status,
      contestedAt: c.contestedAt,
      dueAt: c.dueAt,
      resolvedAt: c.resolvedAt,
      result: answer?.verdict ?? null,
      text,
    };
  });
}
