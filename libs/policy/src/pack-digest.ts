import { createHash } from 'node:crypto';
import type { Policy } from './policy.types';

/** JSON with object keys sorted at every depth and no whitespace; array order is kept (it can matter). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, sortKeys(v)]));
}

/**
 * SHA-256 (lowercase hex) of the canonical JSON of the parsed policies sorted by id. It hashes what
 * the policies mean, not the YAML text, so comments, key order and formatting leave it unchanged.
 */
export function packDigest(policies: readonly Policy[]): string {
  const sorted = [...policies].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return createHash('sha256').update(canonicalJson(sorted)).digest('hex');
}
