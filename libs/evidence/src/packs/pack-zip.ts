import { unzipSync, zipSync, type Zippable } from 'fflate';

/** Every entry carries this time, so the same files always give the same bytes (and the same digest). */
const FIXED_MTIME = new Date('2000-01-01T00:00:00Z');

/** The pack's files as one zip, entries in the given order, compressed (the PDF as is: it is compressed already). */
export function zipFiles(files: ReadonlyMap<string, Buffer>): Buffer {
  const entries: Zippable = {};
  for (const [path, bytes] of files) {
    entries[path] = [new Uint8Array(bytes), { level: path.endsWith('.pdf') ? 0 : 6, mtime: FIXED_MTIME }];
  }
  return Buffer.from(zipSync(entries));
}

/** Thrown for a file that is not a readable pack at all: the verifier's exit code 2. */
export class PackInputError extends Error {}

/** Limits against a zip bomb: a pack is small (a decision, its reviews, its proofs). */
const MAX_ENTRIES = 10_000;
const MAX_TOTAL_BYTES = 512 * 1024 * 1024;

export function unzipFiles(zip: Buffer): Map<string, Buffer> {
  let total = 0;
  let count = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(new Uint8Array(zip), {
      filter: (file) => {
        count += 1;
        total += file.originalSize;
        if (count > MAX_ENTRIES || total > MAX_TOTAL_BYTES) throw new PackInputError('the pack is larger than any evidence pack can be');
        return true;
      },
    });
  } catch (error) {
    if (error instanceof PackInputError) throw error;
    throw new PackInputError(`not a zip file (${(error as Error).message})`);
  }
  return new Map(Object.entries(entries).map(([path, bytes]) => [path, Buffer.from(bytes)]));
}
