import { AttestError } from '@attest/core';
import type { EntityManager } from 'typeorm';
import type { BatchItem as Item, RecordedBatch } from '../recording/decision-recorder.service';

/** SQLSTATE classes that an item's own data causes (data exception, integrity, program limit): the same on every retry. */
const DATA_ERROR_CLASSES = new Set(['22', '23', '54']);

function dataErrorState(error: unknown): string | undefined {
  const { code, driverError } = (error ?? {}) as { code?: unknown; driverError?: { code?: unknown } };
  const state = driverError?.code ?? code;
  return typeof state === 'string' && DATA_ERROR_CLASSES.has(state.slice(0, 2)) ? state : undefined;
}

/**
 * Records items in the caller's transaction. A multi-row statement fails whole, so when the
 * database refuses a part for one item's data, the part is tried again in halves, each under a
 * savepoint, until the item at fault is alone: it is refused naming the error (never its values),
 * and every other item is recorded. Any other error (a lost connection) fails the whole call, to be retried.
 */
export async function recordIsolatingDataErrors(
  m: EntityManager,
  items: readonly Item[],
  record: (part: readonly Item[]) => Promise<RecordedBatch>,
): Promise<RecordedBatch> {
  // Savepoints are taken one after another, never nested: one name serves.
  await m.query('SAVEPOINT record_part');
  try {
    const batch = await record(items);
    await m.query('RELEASE SAVEPOINT record_part');
    return batch;
  } catch (error) {
    const state = dataErrorState(error);
    if (!state) throw error;
    await m.query('ROLLBACK TO SAVEPOINT record_part');
    await m.query('RELEASE SAVEPOINT record_part');
    if (items.length === 1) {
      return {
        outcomes: [
          {
            ok: false,
            error: AttestError.validation(`The database refused this decision (SQLSTATE ${state}); nothing was written for it`),
          },
        ],
        deliveryIds: [],
      };
    }
    const half = Math.ceil(items.length / 2);
    const first = await recordIsolatingDataErrors(m, items.slice(0, half), record);
    const second = await recordIsolatingDataErrors(m, items.slice(half), record);
    return { outcomes: [...first.outcomes, ...second.outcomes], deliveryIds: [...first.deliveryIds, ...second.deliveryIds] };
  }
}
