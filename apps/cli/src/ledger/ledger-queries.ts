import type { BundleManifestLeaf } from '@attest/ledger';
import { CliError } from '../command';
import { describeErrors, requestWhole, type GraphQLTransport } from './graphql-client';

/** The reads `attest ledger export` makes of the API (schema.graphql: ledgerCheckpoint, ledgerEntries, the proofs). */
export interface LatestCheckpoint {
  origin: string;
  treeSize: number;
  note: string;
}

export interface ServedInclusionProof {
  leafIndex: number;
  treeSize: number;
  hashes: string[];
  /** The leaf's bytes as UTF-8 text. */
  leaf: string;
}

export const ENTRIES_PER_PAGE = 100;
export const PROOFS_PER_REQUEST = 50;

export async function latestCheckpoint(client: GraphQLTransport): Promise<LatestCheckpoint | null> {
  const data = await requestWhole<{ ledgerCheckpoint: LatestCheckpoint | null }>(
    client,
    'the latest checkpoint',
    '{ ledgerCheckpoint { origin treeSize note } }',
  );
  return data.ledgerCheckpoint;
}

/** Each sealed leaf from..to with its fact as recomputed now, page after page, by index. */
export async function entriesInRange(client: GraphQLTransport, from: number, to: number): Promise<BundleManifestLeaf[]> {
  const query = `query($f: LedgerEntryFilter, $after: String) { ledgerEntries(filter: $f, first: ${ENTRIES_PER_PAGE}, after: $after) {
    edges { node { index kind factId currentFact } } pageInfo { hasNextPage endCursor } } }`;
  type Page = { ledgerEntries: { edges: { node: BundleManifestLeaf }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
  const entries: BundleManifestLeaf[] = [];
  let after: string | null = null;
  do {
    const page: Page = await requestWhole<Page>(client, 'the ledger entries', query, { f: { fromIndex: from, toIndex: to }, after });
    entries.push(...page.ledgerEntries.edges.map((e) => e.node));
    after = page.ledgerEntries.pageInfo.hasNextPage ? page.ledgerEntries.pageInfo.endCursor : null;
  } while (after);
  return entries.sort((a, b) => a.index - b.index);
}

export interface ProofsAnswer {
  proofs: Map<number, ServedInclusionProof>;
  /** Leaves the server gave no proof for, with its error. */
  missing: { index: number; error: string }[];
}

/** Inclusion proofs of the leaves at `indices` in the tree of `treeSize`, many per request through aliases. */
export async function inclusionProofs(client: GraphQLTransport, indices: readonly number[], treeSize: number): Promise<ProofsAnswer> {
  const answer: ProofsAnswer = { proofs: new Map(), missing: [] };
  for (let start = 0; start < indices.length; start += PROOFS_PER_REQUEST) {
    await proofBatch(client, indices.slice(start, start + PROOFS_PER_REQUEST), treeSize, answer);
  }
  return answer;
}

/**
 * One request for a batch. Each proof is non-null in the schema, so one failed alias (a leaf gone)
 * nulls the whole answer: the failed leaves are set aside as missing and the rest asked again.
 */
async function proofBatch(client: GraphQLTransport, indices: number[], treeSize: number, answer: ProofsAnswer): Promise<void> {
  let pending = indices;
  while (pending.length > 0) {
    const aliases = pending.map(
      (i) => `p${i}: ledgerInclusionProof(leafIndex: ${i}, treeSize: ${treeSize}) { leafIndex treeSize hashes leaf }`,
    );
    const result = await client.request<Record<string, ServedInclusionProof | null>>(`{ ${aliases.join('\n')} }`);
    const failed = new Map<number, string>();
    for (const error of result.errors) {
      const index = aliasIndex(error.path?.[0]);
      if (index === null || !pending.includes(index))
        throw new CliError(`the server refused the inclusion proofs: ${describeErrors([error])}`, 2);
      failed.set(index, describeErrors([error]));
    }
    for (const [index, error] of failed) answer.missing.push({ index, error });
    if (result.data) {
      for (const index of pending.filter((i) => !failed.has(i))) {
        const proof = result.data[`p${index}`];
        if (proof) answer.proofs.set(index, proof);
        else answer.missing.push({ index, error: 'no proof in the answer' });
      }
      return;
    }
    if (failed.size === 0) throw new CliError('the server answered the inclusion proofs with no data and no error', 2);
    pending = pending.filter((i) => !failed.has(i));
  }
}

function aliasIndex(alias: string | number | undefined): number | null {
  const match = typeof alias === 'string' ? /^p(\d+)$/.exec(alias) : null;
  return match ? Number(match[1]) : null;
}

/** The consistency proof from a held size, or the server's refusal (a log cut back below it, a size never checkpointed). */
export async function consistencyProof(
  client: GraphQLTransport,
  fromSize: number,
  toSize: number,
): Promise<{ ok: true; fromSize: number; toSize: number; hashes: string[] } | { ok: false; error: string }> {
  const result = await client.request<{ ledgerConsistencyProof: { fromSize: number; toSize: number; hashes: string[] } }>(
    'query($from: SafeInt!, $to: SafeInt!) { ledgerConsistencyProof(fromSize: $from, toSize: $to) { fromSize toSize hashes } }',
    { from: fromSize, to: toSize },
  );
  if (result.errors.length > 0 || !result.data) return { ok: false, error: describeErrors(result.errors) };
  return { ok: true, ...result.data.ledgerConsistencyProof };
}
