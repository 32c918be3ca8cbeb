/** Every problem found in a pack (or its tests), so one run shows them all; a pack never half-loads. */
export class PolicyPackError extends Error {
  constructor(
    readonly problems: string[],
    what = 'policy pack',
  ) {
    super(`Invalid ${what}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'PolicyPackError';
  }
}

/** Facts handed to an evaluator that the fact catalogue does not describe. */
export class PolicyFactsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid policy facts: ${problems.join('; ')}`);
    this.name = 'PolicyFactsError';
  }
}
