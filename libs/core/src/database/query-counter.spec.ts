import type { NextFunction, Request, Response } from 'express';
import { correlationIdMiddleware } from '../context/correlation-id.middleware';
import { QueryCounter } from './query-counter';

/** Serves a fake request with this correlation id; `handler` runs in its scope, as a resolver would. */
function serve(correlationId: string, handler: () => Promise<void>): Promise<void> {
  const req = { header: () => correlationId } as unknown as Request;
  const res = { setHeader: () => undefined } as unknown as Response;
  return new Promise<void>((resolve, reject) => {
    const next: NextFunction = () => void handler().then(resolve, reject);
    correlationIdMiddleware(req, res, next);
  });
}

describe('QueryCounter', () => {
  it('counts the statements of the watched request only, not background work or other requests', async () => {
    const counter = new QueryCounter();
    let sequencer: NodeJS.Timeout | undefined;
    const { statements } = await counter.statementsOf('watched', async () => {
      sequencer = setInterval(() => counter.logQuery('UPDATE ledger_leaves …'), 1);
      await Promise.all([
        serve('watched', async () => {
          counter.logQuery('SELECT 1');
          await new Promise((r) => setTimeout(r, 20));
          await Promise.resolve().then(() => counter.logQuery('SELECT 2'));
        }),
        serve('other', async () => counter.logQuery('SELECT 3')),
      ]);
    });
    clearInterval(sequencer);
    expect(statements).toBe(2);
    expect(counter.total).toBeGreaterThanOrEqual(4);
  });

  it('refuses to count one correlation id twice at once', async () => {
    const counter = new QueryCounter();
    await counter.statementsOf('x', async () => {
      await expect(counter.statementsOf('x', async () => undefined)).rejects.toThrow('already being counted');
    });
  });
});
