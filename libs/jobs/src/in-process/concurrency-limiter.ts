/** Runs tasks in arrival order, at most `limit` at a time. Tasks must not reject. */
export class ConcurrencyLimiter {
  private readonly waiting: (() => Promise<void>)[] = [];
  private readonly active = new Set<Promise<void>>();

  constructor(private readonly limit: number) {}

  run(task: () => Promise<void>): void {
    this.waiting.push(task);
    this.startWaiting();
  }

  /** Forgets the tasks not started yet; returns how many there were. */
  dropWaiting(): number {
    return this.waiting.splice(0).length;
  }

  /** Resolves once no task is running (tasks started meanwhile included). */
  async idle(): Promise<void> {
    while (this.active.size > 0) await Promise.all(this.active);
  }

  private startWaiting(): void {
    while (this.active.size < this.limit && this.waiting.length > 0) {
      const task = this.waiting.shift()!;
      const running = task().finally(() => {
        this.active.delete(running);
        this.startWaiting();
      });
      this.active.add(running);
    }
  }
}
