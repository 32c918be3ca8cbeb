import type { DecisionOutcome } from '@attest/decisions';

/**
 * The sentences of a person's explanation in one language (docs/evidence.md "Translating the
 * explanation"). Each is a template with `{name}` placeholders filled by `fill`, so a translation is
 * text only: one folder per locale beside `en/`, registered in `locales.ts`.
 */
export interface SubjectTemplates {
  document: {
    title: string;
    /** The heading of the opening section (the introduction and the person's rights). */
    aboutHeading: string;
    /** {count}: how many decisions it explains. */
    subtitleOne: string;
    subtitleMany: string;
    intro: string;
    none: string;
    /** {limit}: the most decisions one explanation covers. */
    truncated: string;
    /** The person's rights, stated once at the top. */
    rights: string;
    /** Short: it shares the page's foot with the page number. */
    footer: string;
  };
  decision: {
    /** {date}, {automation} */
    heading: string;
    /** {automation}, {date} */
    made: string;
    /** {purpose}: what the automation version is for, as registered */
    purpose: string;
    /** {confidence}: a percentage */
    confidence: string;
    unknownAutomation: string;
    withheld: string;
    labels: { decision: string; made: string; automation: string; outcome: string };
  };
  /** What the outcome means for the person, one sentence per outcome. */
  outcome: Record<`${DecisionOutcome}`, string>;
  /** The explanation trace, one template per step kind. */
  steps: {
    factorsHeading: string;
    /** {count}: the factors shown, the largest first */
    factorsIntro: string;
    /** {feature}, {weight} */
    factorFor: string;
    factorAgainst: string;
    /** {value} */
    factorValue: string;
    noFactors: string;
    reasoningHeading: string;
    /** {ruleId}, {outcome} */
    rule_fired: string;
    /** {sourceUri} */
    retrieval: string;
    /** {model} */
    llm_call: string;
    /** {name} */
    tool_call: string;
    /** {text} */
    note: string;
    noReasoning: string;
  };
  policies: {
    heading: string;
    /** {message}, {id}, {version}, {effect} */
    matched: string;
    none: string;
    effect: Record<'allow' | 'deny' | 'require_review' | 'annotate', string>;
    /** {name}, {digest}, {activatedAt} */
    judged: string;
    /** {digest} */
    judgedUnknownActivation: string;
    noPack: string;
  };
  review: {
    heading: string;
    none: string;
    /** {dueAt} */
    pending: string;
    /** {date}, {rationale} */
    approve: string;
    override: string;
    reject: string;
    /** Added to a review that answered a contest. */
    answersContest: string;
  };
  contest: {
    heading: string;
    /** {days}: the deadline for a contest's review, in days */
    how: string;
    /** {date}, {reason}, {dueAt} */
    open: string;
    /** {date}, {reason}, {resolvedAt}, {result} */
    answered: string;
    /** The result of an answered contest, by the verdict that answered it. */
    result: Record<'approve' | 'override' | 'reject', string>;
  };
}

/** Fills `{name}` placeholders; an unknown name is left as written, so a translation's typo shows instead of vanishing. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
