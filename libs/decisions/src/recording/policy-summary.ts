import type { PolicyVerdict } from '@attest/core';

/** What the audit trail keeps of a verdict: the pack and the policies that matched, by id and version. */
export function policySummaryOf(verdict: PolicyVerdict): {
  packDigest: string;
  effect: string;
  matched: { id: string; version: number; effect: string }[];
} {
  return {
    packDigest: verdict.packDigest,
    effect: verdict.effect,
    matched: verdict.matched.map(({ id, version, effect }) => ({ id, version, effect })),
  };
}
