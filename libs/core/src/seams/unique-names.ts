/**
 * A namespace of names that may each be defined once per process. Loader and job tokens claim their
 * name when defined, so a second definition (a copy, a typo'd owner) fails at startup instead of
 * silently sharing a loader or a queue with the first.
 */
export class UniqueNames {
  private readonly claimed = new Set<string>();

  constructor(private readonly kind: string) {}

  claim(name: string): void {
    if (this.claimed.has(name))
      throw new Error(`${this.kind} "${name}" is defined twice: define it once, in the context that owns it, and import it`);
    this.claimed.add(name);
  }
}
