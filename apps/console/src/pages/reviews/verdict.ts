import type { ReviewVerdict } from '../../gql/graphql';

/** The verdicts, their keyboard keys, and button colours dark enough for white text at 4.5:1. */
export const VERDICTS: { value: ReviewVerdict; label: string; key: string; color: string }[] = [
  { value: 'APPROVE', label: 'Approve', key: 'a', color: 'teal.9' },
  { value: 'OVERRIDE', label: 'Override', key: 'o', color: 'indigo.7' },
  { value: 'REJECT', label: 'Reject', key: 'r', color: 'red.9' },
];

export const RATIONALE_MIN = 3;
export const RATIONALE_MAX = 5000;

/** The rationale's problem in words, or null: 3 to 5,000 characters, as the API requires. */
export function rationaleProblem(text: string): string | null {
  const length = text.trim().length;
  if (length < RATIONALE_MIN) return `Say why, in at least ${RATIONALE_MIN} characters.`;
  if (length > RATIONALE_MAX) return `At most ${RATIONALE_MAX.toLocaleString('en')} characters (this has ${length.toLocaleString('en')}).`;
  return null;
}

/** The corrected output parsed, or why it is not JSON, in words. */
export function parseCorrectedOutput(text: string): { value: unknown } | { problem: string } {
  if (text.trim() === '') return { problem: 'Give the corrected output as JSON.' };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { problem: `This is not valid JSON: ${(error as Error).message}` };
  }
}
