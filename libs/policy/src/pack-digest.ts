import { createHash } from 'node:crypto';
import { canonicalJson } from '@attest/core';
import type { Policy } from './policy.types';

/**
 * SHA-256 (lowercase hex) of the canonical JSON of the parsed policies sorted by id. It hashes what
 * the policies mean, not the YAML text, so comments, key order and formatting leave it unchanged.
 */
export function packDigest(policies: readonly Policy[]): string {
  const sorted = [...policies].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return createHash('sha256').update(canonicalJson(sorted)).digest('hex');
}
