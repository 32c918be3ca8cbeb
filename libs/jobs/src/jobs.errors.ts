/** Every problem in one enqueue call (a programming error), so one throw reports them all; nothing is enqueued. */
export class JobOptionsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid job options:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'JobOptionsError';
  }
}
