/**
 * Lets the event loop run what is waiting (I/O callbacks, timers) before going on. Awaiting a
 * resolved promise does not: microtasks run before any I/O, so a loop of awaits can hold the
 * loop for as long as a plain loop.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Items in a batch between two yields: a slice's synchronous work stays in the milliseconds. */
export const SLICE_SIZE = 50;

/**
 * `items.map(work)` for batches of CPU-bound items (validating, redacting and hashing hundreds of
 * decisions), yielding to the event loop between slices: the other work of the process — another
 * request, the ledger's sequencer waiting on PostgreSQL — is not held up for the whole batch.
 */
export async function mapInSlices<T, R>(
  items: readonly T[],
  work: (item: T, index: number) => R | Promise<R>,
  sliceSize = SLICE_SIZE,
): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % sliceSize === 0) await yieldToEventLoop();
    results.push(await work(items[i], i));
  }
  return results;
}
