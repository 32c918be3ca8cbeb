/**
 * A checkpoint: the head of one tenant's tree at a size, as the text a signed note carries
 * (c2sp.org/tlog-checkpoint, with one extension line for the time):
 *
 *   <origin>                    e.g. attest.example.com/9a26acbd-6055-4c0d-b110-0364269517dc (the tenant)
 *   <tree size>                 decimal, no leading zeros
 *   <root hash>                 base64 of the 32-byte RFC 6962 tree head
 *   timestamp <ISO 8601 UTC>    when it was signed, e.g. 2026-12-01T10:16:15.123Z
 *
 * The origin names the log (one per tenant): a checkpoint of another tenant fails against this one.
 */
export interface Checkpoint {
  origin: string;
  treeSize: number;
  rootHash: Buffer;
  timestamp: Date;
}

const ORIGIN = /^[\x21-\x7e]+$/;
const SIZE = /^(0|[1-9][0-9]*)$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function formatCheckpoint(c: Checkpoint): string {
  if (!ORIGIN.test(c.origin)) throw new Error(`checkpoint: origin "${c.origin}" must be printable ASCII without spaces`);
  if (!Number.isSafeInteger(c.treeSize) || c.treeSize < 0) throw new Error(`checkpoint: bad tree size ${c.treeSize}`);
  if (c.rootHash.length !== 32) throw new Error('checkpoint: the root hash must be 32 bytes');
  return `${c.origin}\n${c.treeSize}\n${c.rootHash.toString('base64')}\ntimestamp ${c.timestamp.toISOString()}\n`;
}

export type ParsedCheckpoint = { ok: true; checkpoint: Checkpoint } | { ok: false; reason: string };

/** Parses exactly what formatCheckpoint writes; anything else is refused with the line at fault. */
export function parseCheckpoint(text: string): ParsedCheckpoint {
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : [];
  if (lines.length !== 4) return { ok: false, reason: 'a checkpoint has 4 lines: origin, tree size, root hash, timestamp' };
  const [origin, size, root, stamp] = lines;
  if (!ORIGIN.test(origin)) return { ok: false, reason: 'line 1: the origin must be printable ASCII without spaces' };
  if (!SIZE.test(size) || !Number.isSafeInteger(Number(size)))
    return { ok: false, reason: 'line 2: the tree size must be a decimal integer' };
  const rootHash = Buffer.from(root, 'base64');
  if (rootHash.length !== 32 || rootHash.toString('base64') !== root)
    return { ok: false, reason: 'line 3: the root hash must be 32 bytes of base64' };
  const time = stamp.startsWith('timestamp ') ? stamp.slice('timestamp '.length) : '';
  if (!ISO.test(time) || Number.isNaN(Date.parse(time)))
    return { ok: false, reason: 'line 4: expected "timestamp <ISO 8601 UTC with milliseconds>"' };
  return { ok: true, checkpoint: { origin, treeSize: Number(size), rootHash, timestamp: new Date(time) } };
}
