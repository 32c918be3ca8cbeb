/** Every problem in a set of redaction rules, so one call reports them all; rules never half-apply. */
export class RedactionRulesError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid redaction rules:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'RedactionRulesError';
  }
}
