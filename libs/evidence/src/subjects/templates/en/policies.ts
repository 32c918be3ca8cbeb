import type { SubjectTemplates } from '../subject-templates';

export const policies: SubjectTemplates['policies'] = {
  heading: "The organisation's rules",
  matched: '{message} ({effect}; rule {id}, version {version})',
  none: "None of the organisation's rules asked for anything particular about this decision.",
  effect: {
    allow: 'allowed',
    deny: 'the result was stopped',
    require_review: 'a person had to review it',
    annotate: 'noted',
  },
  judged: 'The rules in force were the policy pack "{name}", in use since {activatedAt} (fingerprint {digest}).',
  judgedUnknownActivation: 'The rules in force were the policy pack with fingerprint {digest}.',
  noPack: 'No set of rules was in force when this decision was made.',
};

export const review: SubjectTemplates['review'] = {
  heading: 'Review by a person',
  none: 'No person has reviewed this decision.',
  pending: 'A person will review this decision by {dueAt}.',
  approve: 'On {date} a person reviewed the decision and confirmed it. Their reason: "{rationale}".',
  override: 'On {date} a person reviewed the decision and changed its result. Their reason: "{rationale}".',
  reject: 'On {date} a person reviewed the decision and rejected it. Their reason: "{rationale}".',
  answersContest: 'This review answered your request.',
};

export const contest: SubjectTemplates['contest'] = {
  heading: 'How to contest this decision',
  how:
    'If you disagree with this decision, you can ask for a person to review it: contact the organisation that made it, ' +
    'quoting the decision reference and your reasons. A person will review it within {days} days and you will be told the result.',
  open: 'On {date} you asked for a person to review this decision: "{reason}". A person will review it by {dueAt}.',
  answered: 'On {date} you asked for a person to review this decision: "{reason}". On {resolvedAt} a person reviewed it: {result}',
  result: {
    approve: 'the decision was confirmed.',
    override: 'the decision was changed.',
    reject: 'the decision was rejected and does not apply.',
  },
};
