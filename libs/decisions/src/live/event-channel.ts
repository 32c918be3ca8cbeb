/**
 * A subscriber's stream of hints: events that arrive while the subscriber is busy are merged into
 * one (a hint to refetch needs no history), so a slow client costs one pending event, never a queue.
 */
export class EventChannel<T> implements AsyncIterableIterator<T> {
  private pending: T | undefined;
  private waiting: ((result: IteratorResult<T>) => void) | undefined;
  private closed = false;

  constructor(
    private readonly merge: (a: T, b: T) => T,
    private readonly onClose: () => void,
  ) {}

  push(event: T): void {
    if (this.closed) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: event, done: false });
    } else this.pending = this.pending === undefined ? event : this.merge(this.pending, event);
  }

  next(): Promise<IteratorResult<T>> {
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    if (this.pending !== undefined) {
      const value = this.pending;
      this.pending = undefined;
      return Promise.resolve({ value, done: false });
    }
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<T>> {
    if (!this.closed) {
      this.closed = true;
      this.waiting?.({ value: undefined, done: true });
      this.waiting = undefined;
      this.onClose();
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}
