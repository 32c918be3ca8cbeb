import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseDecisionRecord, type ReplayRecord } from './decision-record';

/** The records (decisions and gates) of a `.jsonl` export, streamed (an export of millions is never held in memory); blank lines are skipped. */
export async function* decisionsFromFile(path: string): AsyncGenerator<ReplayRecord> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const text of lines) {
    n += 1;
    if (text.trim()) yield parseDecisionRecord(text, n);
  }
}
