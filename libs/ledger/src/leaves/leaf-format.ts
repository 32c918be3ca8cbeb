import { leafHashOfText } from '../merkle/rfc6962';

/**
 * The bytes of the leaf at `index`: `{"index":<index>,"fact":<fact>}`, where fact is the fact's
 * JSON as it was written (PostgreSQL's jsonb text of it, stored as text so it never changes). Built
 * by concatenation, in the sequencer's SQL and here alike; the index inside the leaf means a leaf
 * moved to another position no longer matches its hash.
 */
export function leafBytes(index: number, fact: string): Buffer {
  return Buffer.from(`{"index":${index},"fact":${fact}}`, 'utf8');
}

/** The SQL of the same bytes, for the sequencer, which hashes them where they are stored. */
export const LEAF_BYTES_SQL = (index: string, fact: string) =>
  `convert_to('{"index":' || ${index} || ',"fact":' || ${fact} || '}', 'UTF8')`;

/** leafHash(leafBytes(index, fact)), without building the leaf: what verifying millions of leaves does. */
export function leafHashOf(index: number, fact: string): Buffer {
  return leafHashOfText(`{"index":${index},"fact":`, fact, '}');
}

/** The index a leaf's bytes declare, or null if they are not a leaf (for offline checks). */
export function declaredIndex(bytes: Buffer): number | null {
  return parseLeaf(bytes)?.index ?? null;
}

/** The index and the fact a leaf's bytes hold, or null if they are not a leaf. */
export function parseLeaf(bytes: Buffer): { index: number; fact: object } | null {
  try {
    const parsed = JSON.parse(bytes.toString('utf8')) as { index?: unknown; fact?: unknown };
    return Number.isSafeInteger(parsed.index) && typeof parsed.fact === 'object' && parsed.fact !== null
      ? { index: parsed.index as number, fact: parsed.fact }
      : null;
  } catch {
    return null;
  }
}
