/**
 * Runs `task` every `everyMs` until the returned function is called; a run never overlaps the one
 * before, and the timer does not keep the process alive. For sweeps of durable state (outboxes,
 * staged work) that re-enqueue what a crash lost.
 */
export function every(everyMs: number, task: () => Promise<unknown>, onError: (error: Error) => void): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    task()
      .catch((error: unknown) => onError(error instanceof Error ? error : new Error(String(error))))
      .finally(() => (running = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
