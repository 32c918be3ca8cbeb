import type { SubjectTemplates } from '../subject-templates';

/** One template per explanation step kind (feature_attribution, rule_fired, retrieval, llm_call, tool_call, note). */
export const steps: SubjectTemplates['steps'] = {
  factorsHeading: 'The main factors',
  factorsIntro: 'The {count} factors that weighed most in the result, the strongest first:',
  factorFor: '"{feature}" weighed in favour of the result (weight {weight}).',
  factorAgainst: '"{feature}" weighed against the result (weight {weight}).',
  factorValue: 'The value used was {value}.',
  noFactors: 'The system did not record which factors weighed in the result.',
  reasoningHeading: 'How the result was reached',
  rule_fired: 'The rule "{ruleId}" applied, with the result: {outcome}.',
  retrieval: 'Information was looked up in {sourceUri}.',
  llm_call: 'A language model ({model}) was used.',
  tool_call: 'A software tool ({name}) was used.',
  note: 'Note from the system: {text}',
  noReasoning: 'The system recorded no further steps.',
};
