import { fromBase64, toBase64, utf8Bytes } from './bytes';
import { leafHash, rootFromInclusionProof } from './rfc9162';
import { openNote, parseCheckpointText, parseVerifierKey, type CheckpointText } from './signed-note';

/**
 * Verifies in the browser that a decision is sealed in its tenant's signed ledger, from the raw
 * evidence the API hands out (leaf, audit path, checkpoint note) and the log's published key. It
 * trusts nothing the server says about the outcome: every hash and the signature are recomputed
 * here, and each check reports on its own so a reader sees which one failed.
 */
export interface SealEvidence {
  /** The decision as the page shows it: the leaf must name the same one. */
  decision: { id: string; status: string; automationVersionId: string; modelVersionId?: string | null };
  tenantId: string;
  /** The log's verifier key, `<name>+<key id>+<base64 key>` (GET /.well-known/attest/ledger-key, verifierKey). */
  verifierKey: string;
  proof: { leaf: string; leafIndex: number; treeSize: number; hashes: string[]; checkpoint: { note: string } };
}

export type CheckName = 'signature' | 'checkpoint' | 'leaf' | 'inclusion';

export interface CheckResult {
  name: CheckName;
  /** What was checked, in words a reader follows. */
  title: string;
  ok: boolean;
  /** Why it passed (the values compared) or what did not match. */
  detail: string;
}

export interface SealVerification {
  verified: boolean;
  checks: CheckResult[];
}

export async function verifyDecisionSeal(evidence: SealEvidence): Promise<SealVerification> {
  const checks: CheckResult[] = [];
  const signed = await checkSignature(evidence);
  checks.push(signed.result);
  const checkpoint = signed.checkpoint ? checkCheckpoint(evidence, signed.checkpoint) : skipped('checkpoint', CHECKPOINT_TITLE);
  checks.push(checkpoint);
  checks.push(checkLeaf(evidence));
  checks.push(await checkInclusion(evidence, signed.checkpoint));
  return { verified: checks.every((c) => c.ok), checks };
}

const SIGNATURE_TITLE = "The checkpoint carries the log's Ed25519 signature";
const CHECKPOINT_TITLE = "The checkpoint is this tenant's log, at the proof's size";
const LEAF_TITLE = 'The ledger leaf records this decision';
const INCLUSION_TITLE = "The leaf's audit path leads to the signed root (RFC 9162)";

async function checkSignature(evidence: SealEvidence): Promise<{ result: CheckResult; checkpoint?: CheckpointText & { keyName: string } }> {
  const fail = (detail: string) => ({ result: { name: 'signature' as const, title: SIGNATURE_TITLE, ok: false, detail } });
  const key = await parseVerifierKey(evidence.verifierKey);
  if (!key.ok) return fail(key.reason);
  const opened = await openNote(evidence.proof.checkpoint.note, key.value).catch((error: unknown) => ({
    ok: false as const,
    reason: `this browser could not check an Ed25519 signature (${String(error)})`,
  }));
  if (!opened.ok) return fail(opened.reason);
  const parsed = parseCheckpointText(opened.value);
  if (!parsed.ok) return fail(`the signed text is not a checkpoint: ${parsed.reason}`);
  return {
    result: { name: 'signature', title: SIGNATURE_TITLE, ok: true, detail: `signed by ${key.value.name}` },
    checkpoint: { ...parsed.value, keyName: key.value.name },
  };
}

function checkCheckpoint(evidence: SealEvidence, checkpoint: CheckpointText & { keyName: string }): CheckResult {
  const origin = `${checkpoint.keyName}/${evidence.tenantId}`;
  const result = (ok: boolean, detail: string): CheckResult => ({ name: 'checkpoint', title: CHECKPOINT_TITLE, ok, detail });
  if (checkpoint.origin !== origin) return result(false, `the checkpoint is of the log ${checkpoint.origin}, not ${origin}`);
  if (checkpoint.treeSize !== evidence.proof.treeSize)
    return result(false, `the checkpoint has ${checkpoint.treeSize} leaves, the proof claims ${evidence.proof.treeSize}`);
  return result(true, `${origin}, ${checkpoint.treeSize} leaves, signed ${checkpoint.timestamp}`);
}

function checkLeaf(evidence: SealEvidence): CheckResult {
  const result = (ok: boolean, detail: string): CheckResult => ({ name: 'leaf', title: LEAF_TITLE, ok, detail });
  let leaf: { index?: unknown; fact?: Record<string, unknown> };
  try {
    leaf = JSON.parse(evidence.proof.leaf) as typeof leaf;
  } catch {
    return result(false, 'the leaf is not JSON');
  }
  const fact = leaf.fact ?? {};
  const { decision } = evidence;
  const expected: [string, unknown, unknown][] = [
    ['index', leaf.index, evidence.proof.leafIndex],
    ['kind', fact.kind, 'decision'],
    ['id', fact.id, decision.id],
    ['tenantId', fact.tenantId, evidence.tenantId],
    ['automationVersionId', fact.automationVersionId, decision.automationVersionId],
    ['modelVersionId', fact.modelVersionId ?? null, decision.modelVersionId ?? null],
    // The ledger keeps the stored value (lower case), the API shows the GraphQL enum (upper case).
    ['status', String(fact.status).toUpperCase(), decision.status.toUpperCase()],
  ];
  const differing = expected.filter(([, actual, wanted]) => actual !== wanted);
  if (differing.length > 0) {
    return result(
      false,
      differing.map(([field, actual, wanted]) => `${field} is ${JSON.stringify(actual)}, not ${JSON.stringify(wanted)}`).join('; '),
    );
  }
  return result(true, `leaf ${evidence.proof.leafIndex}: decision ${decision.id}, ${decision.status.toLowerCase()}`);
}

async function checkInclusion(evidence: SealEvidence, checkpoint: CheckpointText | undefined): Promise<CheckResult> {
  const result = (ok: boolean, detail: string): CheckResult => ({ name: 'inclusion', title: INCLUSION_TITLE, ok, detail });
  if (!checkpoint) return result(false, 'no signed root to check the path against');
  const path = evidence.proof.hashes.map(fromBase64);
  if (path.some((hash) => hash === null || hash.length !== 32))
    return result(false, 'the audit path holds a value that is not a SHA-256 hash');
  const hash = await leafHash(utf8Bytes(evidence.proof.leaf));
  const root = await rootFromInclusionProof(hash, evidence.proof.leafIndex, checkpoint.treeSize, path as Uint8Array[]);
  if (!root)
    return result(
      false,
      `a path of ${path.length} hashes cannot lead from leaf ${evidence.proof.leafIndex} to the root of ${checkpoint.treeSize} leaves`,
    );
  const wanted = toBase64(checkpoint.rootHash);
  const got = toBase64(root);
  return got === wanted
    ? result(true, `leaf hash ${toBase64(hash)} → root ${got} in ${path.length} steps`)
    : result(false, `the path leads to ${got}, the signed root is ${wanted}`);
}

function skipped(name: CheckName, title: string): CheckResult {
  return { name, title, ok: false, detail: 'not checked: the signature did not verify' };
}
