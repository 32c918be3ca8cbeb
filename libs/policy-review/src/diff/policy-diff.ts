import type { AccessPolicy } from '@attest/identity';
import type { PolicyPack } from '@attest/policy';
import { diffAccess, type AccessChange } from '../access/access-diff';
import type { ReplayRecord } from '../replay/decision-record';
import { replayDecisions, type ReplayReport } from '../replay/replay';
import { checkFailOn, type FailOnCheck, type FailOnRule } from './fail-on';
import { diffPacks, type PackDiff } from './pack-diff';

/** One side of the comparison: the policies folder at a git ref, or as it is in the work tree. */
export interface DiffSide {
  /** e.g. `origin/main`, or `working tree`. */
  label: string;
  commit: string | null;
  packs: PolicyPack[];
  /** null when the side has no `access/` folder. */
  access: AccessPolicy | null;
}

export interface PolicyDiffReport {
  base: { label: string; commit: string | null };
  head: { label: string; commit: string | null };
  packs: PackDiff[];
  access: AccessChange[];
  /** Null when no decisions were given to replay. */
  replay: { source: string; reports: ReplayReport[] } | null;
  checks: FailOnCheck[];
}

export interface PolicyDiffOptions {
  /** Recorded decisions (and lifecycle gates) to replay under the base and head of every changed pack, and where they came from. */
  decisions?: { source: string; records: AsyncIterable<ReplayRecord> | Iterable<ReplayRecord> };
  failOn?: readonly FailOnRule[];
  examples?: number;
  onProgress?: (read: number) => void;
}

/** What a change to `policies/` does: the risk packs and access rules compared, past decisions replayed, `--fail-on` checked. */
export async function policyDiff(base: DiffSide, head: DiffSide, options: PolicyDiffOptions = {}): Promise<PolicyDiffReport> {
  const packs = diffPacks(base.packs, head.packs);
  const access =
    base.access && head.access
      ? diffAccess(base.access, head.access)
      : head.access
        ? diffAccess(emptyAccess(head.access), head.access)
        : [];
  const pairs = packs
    .filter((d) => d.change === 'changed')
    .map((d) => ({ base: base.packs.find((p) => p.name === d.pack)!, head: head.packs.find((p) => p.name === d.pack)! }));
  const replay = options.decisions
    ? {
        source: options.decisions.source,
        reports: await replayDecisions(pairs, options.decisions.records, { examples: options.examples, onProgress: options.onProgress }),
      }
    : null;
  const checks = checkFailOn(options.failOn ?? [], {
    replays: replay?.reports ?? [],
    accessGained: access.filter((c) => c.change === 'gained' || c.change === 'widened').length,
    accessChanged: access.length,
    policiesChanged: packs.reduce((n, p) => n + p.policies.length, 0),
  });
  return {
    base: { label: base.label, commit: base.commit },
    head: { label: head.label, commit: head.commit },
    packs,
    access,
    replay,
    checks,
  };
}

/** The same roles with no rules: what a base without access rules allowed. */
function emptyAccess(like: AccessPolicy): AccessPolicy {
  const empty = { ...like };
  for (const role of Object.keys(empty) as (keyof AccessPolicy)[]) empty[role] = { ...empty[role], rules: [] };
  return empty;
}
