import { canonicalJson } from '@attest/core';
import { packDigest, type Policy } from '@attest/policy';
import { gateEvaluationsOf } from '../model-version/model-version-records';
import {
  PACK_FILES,
  type AuditEventRecord,
  type DecisionCountsRecord,
  type GateEvaluationRecord,
  type LifecycleRecord,
} from '../pack-layout';
import { checkOf, failed, passed, skipped, type PackCheck } from './pack-checks';
import { reevaluateGates } from './reevaluate-gates';
import type { ReadPack } from './read-pack';

/**
 * A model version pack's own checks, after its records were checked against their sealed facts: the
 * moves form one history of this version, the datasets it names are in the pack, each gate verdict is
 * the one its sealed audit event records, each policy pack hashes to the digest that verdict names, and
 * each verdict replayed on the facts it recorded gives the recorded effect.
 */
export function modelVersionChecks(pack: ReadPack): PackCheck[] {
  const id = pack.manifest.subject.id;
  const version = pack.json(PACK_FILES.modelVersion) as Record<string, unknown>;
  const lifecycle = pack.json(PACK_FILES.lifecycle) as LifecycleRecord;
  const gates = pack.json(PACK_FILES.gateEvaluations) as GateEvaluationRecord[];
  const policyPacks = pack.json(PACK_FILES.policyPacks) as { digest: string; name: string; policies: unknown[] }[];
  const events = pack.json(PACK_FILES.auditEvents) as AuditEventRecord[];
  const counts = pack.json(PACK_FILES.decisionCounts) as DecisionCountsRecord;
  return [
    lifecycleCheck(id, version, lifecycle),
    datasetCheck(version, pack.json(PACK_FILES.datasetVersions) as { id: string }[]),
    gateCheck(gates, events),
    ...packContentChecks(gates, policyPacks),
    reevaluateGates(gates, policyPacks, 'model.transition'),
    skipped(
      'decision counts',
      `${counts.total} decisions (${Object.entries(counts.byStatus)
        .map(([s, n]) => `${s} ${n}`)
        .join(', ')}): counted by the server, not proved one by one`,
    ),
  ];
}

function lifecycleCheck(id: string, version: Record<string, unknown>, lifecycle: LifecycleRecord): PackCheck {
  const problems: string[] = [];
  if (String(version.id) !== id) problems.push(`model-version.json is about ${String(version.id)}, the manifest about ${id}`);
  for (const item of [...lifecycle.transitions, ...lifecycle.approvals])
    if (item.subjectId !== id) problems.push(`lifecycle record ${item.id} is about ${item.subjectId}, not this version`);
  let status = 'draft';
  for (const t of lifecycle.transitions) {
    if (t.from !== status) problems.push(`transition ${t.id} moves from ${t.from}, but the version was ${status}`);
    status = t.to;
  }
  return checkOf(
    'lifecycle history',
    problems,
    `${lifecycle.transitions.length} moves from draft to ${status}, one after the other, and ${lifecycle.approvals.length} approvals, all of this version`,
  );
}

function datasetCheck(version: Record<string, unknown>, datasets: { id: string }[]): PackCheck {
  const named = [
    ...((version.trainingDatasetVersions as { id: string }[] | undefined) ?? []),
    ...((version.evaluationDatasetVersions as { id: string }[] | undefined) ?? []),
  ];
  const held = new Set(datasets.map((d) => d.id));
  const missing = named
    .filter((d) => !held.has(d.id))
    .map((d) => `dataset version ${d.id} is named by the sealed model version but not in the pack`);
  return checkOf('training and evaluation data', missing, `${new Set(named.map((d) => d.id)).size} dataset versions, each in the pack`);
}

function gateCheck(gates: GateEvaluationRecord[], events: AuditEventRecord[]): PackCheck {
  const expected = gateEvaluationsOf(events);
  if (canonicalJson(expected) !== canonicalJson(gates)) {
    return failed(
      'gate evaluations',
      `${PACK_FILES.gateEvaluations} is not what the sealed audit events record (${expected.length} verdicts recorded, ${gates.length} in the file)`,
    );
  }
  return passed('gate evaluations', `${gates.length} gate verdicts, each the one its sealed audit event records`);
}

function packContentChecks(
  gates: GateEvaluationRecord[],
  policyPacks: { digest: string; name: string; policies: unknown[] }[],
): PackCheck[] {
  const name = 'policy pack content';
  const digests = [...new Set(gates.map((g) => g.packDigest))];
  if (digests.length === 0) return [skipped(name, 'no gate judged a move of this version: no policy pack to check')];
  const problems: string[] = [];
  for (const digest of digests) {
    const content = policyPacks.find((p) => p.digest === digest);
    if (!content) problems.push(`no content for the pack ${digest} a gate verdict names`);
    else if (packDigest(content.policies as Policy[]) !== digest)
      problems.push(`the policies given for ${digest} hash to ${packDigest(content.policies as Policy[])}: the content was changed`);
  }
  return [checkOf(name, problems, `${digests.length} packs, each hashing to the digest its gate verdicts name`)];
}
