import type { SubjectTemplates } from '../subject-templates';

export const document: SubjectTemplates['document'] = {
  title: 'Explanation of automated decisions about you',
  aboutHeading: 'About this explanation',
  subtitleOne: 'One automated decision',
  subtitleMany: '{count} automated decisions',
  intro:
    'This document explains each automated decision recorded about you: what it was based on, which rules applied, ' +
    'whether a person reviewed it, and how you can ask for a person to review it. Information that identifies other people is not shown.',
  none: 'No automated decision about you was found.',
  truncated: 'Only the {limit} most recent decisions are explained here; ask for an older decision by its reference.',
  rights:
    'You have the right to obtain human intervention, to express your point of view and to contest these decisions (GDPR Art. 22(3), EU AI Act Art. 86).',
  footer: 'GDPR Art. 15 and 22, EU AI Act Art. 86',
};

export const decision: SubjectTemplates['decision'] = {
  heading: 'Decision of {date}: {automation}',
  made: 'This decision was made by an automated system, {automation}, on {date}.',
  purpose: 'The system is used to: {purpose}.',
  confidence: 'The system was {confidence} confident in its result.',
  unknownAutomation: 'an automated system',
  withheld: 'Some details of this decision are not shown to the organisation that requested this explanation.',
  labels: { decision: 'Decision reference', made: 'Made on', automation: 'Automated system', outcome: 'Outcome' },
};

export const outcome: SubjectTemplates['outcome'] = {
  recorded: 'The automated result took effect without a person reviewing it.',
  pending_review: 'The automated result has not taken effect yet: a person must review it first.',
  blocked: "The automated result was stopped by the organisation's rules and never took effect.",
  approved: 'A person reviewed the automated result and confirmed it.',
  overridden: 'A person reviewed the automated result and replaced it with a different one.',
  rejected: 'A person reviewed the automated result and rejected it: it does not apply.',
};
