import { createHash } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { checkInclusion, openCheckpointFile, type CheckpointFile } from '@attest/ledger';
import { PACK_FILES, type DecisionRecord, type PackFact, type PolicyPackRecord } from '../pack-layout';
import { backedRecords, claimProblems, sealedFact, type SealedFact } from './fact-claims';
import { checkOpenings } from './openings';
import { checkOf, failed, passed, skipped, type PackCheck, type PackVerification } from './pack-checks';
import { readPack, type ReadPack } from './read-pack';
import { checkPackContent, reevaluate } from './reevaluate';
import { auditPeriodChecks } from './audit-period-checks';
import { modelVersionChecks } from './model-version-checks';

export interface PackTrust {
  /** The log's public key, obtained out of band. */
  publicKey: KeyObject;
  keyName?: string;
  /** The tenant's log the pack must be of; default: the one its manifest names. */
  origin?: string;
}

/**
 * Verifies an evidence pack offline, with nothing but the log's public key (docs/evidence.md,
 * "Verifying a pack"): the files against the manifest, the checkpoint's signature, every leaf against
 * its proof, every record against its sealed fact, every disclosed content field against its
 * commitment; then what the kind adds: for a decision the policy pack's content against its digest
 * and the recorded evaluation replayed, for a model version its history and gate verdicts, for an
 * audit period the CSV's completeness. Unreadable input throws PackInputError; everything else is a check in the report.
 */
export function verifyEvidencePack(zip: Buffer, trust: PackTrust): PackVerification {
  const pack = readPack(zip);
  const checks: PackCheck[] = [checkFiles(pack)];
  const opened = openCheckpointFile(
    pack.json(PACK_FILES.checkpoint) as CheckpointFile,
    {
      publicKey: trust.publicKey,
      keyName: trust.keyName,
      origin: trust.origin ?? pack.manifest.origin,
    },
    'checkpoint',
  );
  if (!opened.ok) return done([...checks, failed('checkpoint signature', opened.reason)]);
  const { checkpoint } = opened;
  checks.push(
    passed(
      'checkpoint signature',
      `a tree of ${checkpoint.treeSize} leaves of ${checkpoint.origin}, signed by ${opened.keyName} at ${checkpoint.timestamp.toISOString()}`,
    ),
  );

  const leafProblems = pack.facts.flatMap((fact) => leafProblemsOf(checkpoint, fact));
  checks.push(checkOf('ledger leaves', leafProblems, `${pack.facts.length} facts, each in the signed tree at its index`));
  if (leafProblems.length > 0) return done(checks);

  const sealed = new Map(pack.facts.map((f) => [`${f.kind}:${f.factId}`, { fact: sealedFact(f)!, pack: f }]));
  const records = backedRecords(pack);
  const claimProblemsFound: string[] = [];
  const openingProblems: string[] = [];
  const unbound: string[] = [];
  let openedFields = 0;
  for (const item of records) {
    const entry = sealed.get(`${item.kind}:${item.id}`);
    if (!entry) {
      claimProblemsFound.push(`${item.label} has no sealed fact in the pack`);
      continue;
    }
    claimProblemsFound.push(...claimProblems(item, entry.fact));
    const openings = checkOpenings(item, entry.fact, entry.pack.openings);
    openingProblems.push(...openings.problems);
    unbound.push(...openings.unbound);
    openedFields += openings.opened;
  }
  checks.push(checkOf('records against sealed facts', claimProblemsFound, `${records.length} records, each what its sealed fact says`));
  checks.push(
    openingProblems.length > 0
      ? checkOf('content against commitments', openingProblems, '')
      : unbound.length > 0
        ? skipped(
            'content against commitments',
            `${openedFields} fields opened; ${unbound.length} sealed before salted commitments (ledger format 3) and not checkable offline: ${unbound.slice(0, 3).join(', ')}${unbound.length > 3 ? ', ...' : ''}`,
          )
        : passed(
            'content against commitments',
            `${openedFields} disclosed fields, each what its sealed fact commits to${withheldNote(pack)}`,
          ),
  );

  if (pack.manifest.kind === 'model_version') return done([...checks, ...modelVersionChecks(pack)]);
  if (pack.manifest.kind === 'audit_period') return done([...checks, ...auditPeriodChecks(pack)]);
  const decisionFact = sealed.get(`decision:${pack.manifest.subject.id}`)?.fact;
  if (!decisionFact) return done([...checks, failed('decision', 'the pack holds no sealed fact of its decision')]);
  const policyPack = pack.json(PACK_FILES.policyPack) as PolicyPackRecord | null;
  const content = checkPackContent(policyPack, decisionFact);
  checks.push(content, activationCheck(policyPack, decisionFact));
  if (content.status === 'failed') return done(checks);
  checks.push(reevaluate(policyPack, pack.json(PACK_FILES.decision) as DecisionRecord, decisionFact, pack.manifest.withheld ?? []));
  return done(checks);
}

function done(checks: PackCheck[]): PackVerification {
  return { checks, ok: checks.every((c) => c.status !== 'failed') };
}

function checkFiles(pack: ReadPack): PackCheck {
  const listed = pack.manifest.files ?? {};
  const problems: string[] = [];
  for (const [path, digest] of Object.entries(listed)) {
    const bytes = pack.files.get(path);
    if (!bytes) problems.push(`${path} is missing`);
    else if (createHash('sha256').update(bytes).digest('hex') !== digest) problems.push(`${path} was changed after the pack was made`);
  }
  for (const path of pack.files.keys())
    if (path !== PACK_FILES.manifest && !(path in listed)) problems.push(`${path} is not in the manifest`);
  return checkOf('pack files', problems, `${Object.keys(listed).length} files, as the manifest lists them`);
}

function leafProblemsOf(checkpoint: Parameters<typeof checkInclusion>[0], fact: PackFact): string[] {
  const name = `${fact.kind} ${fact.factId}`;
  const body = sealedFact(fact);
  if (!body) return [`${name}: its leaf is not a ledger leaf`];
  if (body.kind !== fact.kind || String(body.id) !== fact.factId)
    return [`${name}: its leaf holds ${String(body.kind)} ${String(body.id)}`];
  const check = checkInclusion(checkpoint, fact.proof, Buffer.from(fact.leaf, 'utf8'));
  return check.ok ? [] : [`${name}: ${check.reason}`];
}

/** The activation that put the pack in force before the decision, sealed with the same digest. */
function activationCheck(pack: PolicyPackRecord | null, decision: SealedFact): PackCheck {
  const name = 'pack in force';
  if (!decision.policyPackDigest || !pack) return skipped(name, 'no policy pack judged the decision, or its content is not in the pack');
  const before = pack.activations.filter(
    (a) => a.digest === decision.policyPackDigest && Date.parse(a.createdAt) <= Date.parse(String(decision.recordedAt)),
  );
  if (before.length === 0) return failed(name, 'no sealed activation of that pack before the decision is in the pack');
  const last = before[before.length - 1];
  return passed(name, `activated ${last.createdAt} by ${last.activatedBy}: "${last.rationale}"`);
}

function withheldNote(pack: ReadPack): string {
  const withheld = pack.manifest.withheld ?? [];
  return withheld.length === 0 ? '' : `; withheld from this pack: ${withheld.join(', ')}`;
}
