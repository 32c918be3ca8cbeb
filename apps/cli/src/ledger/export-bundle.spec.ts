import { verifyBundleDir } from '@attest/ledger';
import { bundleFixture } from '@attest/ledger/testing';
import { CliError } from '../command';
import { exportBundle } from './export-bundle';
import type { GraphQLResult, GraphQLTransport } from './graphql-client';

type Fixture = ReturnType<typeof bundleFixture>;

/**
 * The ledger part of the API over the fixture's log, answering as the server does: a failed alias
 * of the (non-null) inclusion proofs nulls the whole answer.
 */
function fakeApi(f: Fixture, size: number, gone = new Set<number>()) {
  const requests: string[] = [];
  const answer = (data: unknown, errors: GraphQLResult<unknown>['errors'] = []) => ({ data, errors }) as GraphQLResult<any>;
  const api: GraphQLTransport = {
    async request(query, variables = {}) {
      requests.push(query);
      if (query.includes('ledgerCheckpoint'))
        return answer({ ledgerCheckpoint: { origin: f.origin, treeSize: size, note: f.checkpointAt(size).note } });
      if (query.includes('ledgerEntries')) {
        const { fromIndex, toIndex } = variables.f as { fromIndex: number; toIndex: number };
        const start = variables.after ? Number(variables.after) : fromIndex;
        const page = Array.from({ length: Math.min(100, toIndex - start + 1) }, (_, k) => start + k).filter((i) => !gone.has(i));
        const next = start + 100 <= toIndex ? String(start + 100) : null;
        return answer({
          ledgerEntries: {
            edges: page.map((i) => ({ node: { index: i, kind: 'decision', factId: `d-${i}`, currentFact: f.facts[i] } })),
            pageInfo: { hasNextPage: next !== null, endCursor: next },
          },
        });
      }
      if (query.includes('ledgerConsistencyProof')) {
        const from = variables.from as number;
        if (from > size)
          return answer(null, [
            {
              message: `fromSize ${from} is beyond the tree of ${size} leaves`,
              path: ['ledgerConsistencyProof'],
              extensions: { code: 'VALIDATION_FAILED' },
            },
          ]);
        return answer({ ledgerConsistencyProof: f.consistency(from, size) });
      }
      const asked = [...query.matchAll(/p(\d+): ledgerInclusionProof\(leafIndex: (\d+), treeSize: (\d+)\)/g)].map((m) => Number(m[2]));
      const errors = asked
        .filter((i) => gone.has(i))
        .map((i) => ({ message: `LedgerEntry ${i} not found`, path: [`p${i}`], extensions: { code: 'NOT_FOUND' } }));
      if (errors.length) return answer(null, errors);
      return answer(Object.fromEntries(asked.map((i) => [`p${i}`, { ...f.inclusion(i, size), leaf: f.leaves[i].toString('utf8') }])));
    },
  };
  return { api, requests };
}

describe('exporting a bundle', () => {
  const f = bundleFixture('attest.test/9a26acbd-6055-4c0d-b110-0364269517dc', 130);
  const trust = { publicKey: f.publicKey, origin: f.origin };

  it('writes what verifies: each leaf with its proof, in batches of 50 proofs and pages of 100 entries', async () => {
    const { api, requests } = fakeApi(f, 130);
    const bundle = await exportBundle(api, { from: 5, to: 129, now: new Date('2026-12-02T00:00:00.000Z') });
    expect(bundle.manifest).toMatchObject({
      format: 'attest-ledger-bundle/1',
      origin: f.origin,
      from: 5,
      to: 129,
      treeSize: 130,
      exportedAt: '2026-12-02T00:00:00.000Z',
    });
    expect(bundle.manifest.leaves).toHaveLength(125);
    expect(bundle.leaves.get(7)).toEqual(f.leaves[7]);
    expect(requests.filter((q) => q.includes('ledgerInclusionProof'))).toHaveLength(3);
    expect(requests.filter((q) => q.includes('ledgerEntries'))).toHaveLength(2);
    expect(verifyBundleDir(bundle, trust)).toMatchObject({ ok: true });
  });

  it('leaves out a leaf the server no longer has, with its answer, and asks again for the rest of its batch', async () => {
    const { api, requests } = fakeApi(f, 130, new Set([7, 60]));
    const bundle = await exportBundle(api, { from: 0, to: 99 });
    expect(bundle.manifest.missing).toEqual([
      { index: 7, error: 'LedgerEntry 7 not found (NOT_FOUND)' },
      { index: 60, error: 'LedgerEntry 60 not found (NOT_FOUND)' },
    ]);
    expect(bundle.leaves.size).toBe(98);
    expect(requests.filter((q) => q.includes('ledgerInclusionProof'))).toHaveLength(4);
    expect(verifyBundleDir(bundle, trust)).toEqual({
      ok: false,
      index: 7,
      reason: 'leaf 7 is missing (the server answered: LedgerEntry 7 not found (NOT_FOUND))',
    });
  });

  it("adds the consistency proof from a held checkpoint, or the server's refusal for the verifier to fail", async () => {
    const held = { file: f.checkpointAt(100), treeSize: 100 };
    const extended = await exportBundle(fakeApi(f, 130).api, { from: 0, to: 3, held });
    expect(extended.consistency).toEqual(f.consistency(100, 130));
    expect(extended.since).toEqual(held.file);
    expect(verifyBundleDir(extended, trust)).toMatchObject({
      ok: true,
      message: expect.stringContaining('extends the held checkpoint of 100 leaves'),
    });

    const cut = await exportBundle(fakeApi(f, 80).api, { from: 0, to: 3, held });
    expect(cut.consistency).toBeUndefined();
    expect(cut.manifest.since).toEqual({ treeSize: 100, error: 'fromSize 100 is beyond the tree of 80 leaves (VALIDATION_FAILED)' });
    expect(verifyBundleDir(cut, trust)).toMatchObject({ ok: false, index: 80, reason: expect.stringContaining('the log was cut back') });
  });

  it('refuses a range beyond the latest checkpoint, a log with none, and a server that refuses the request (exit 2)', async () => {
    await expect(exportBundle(fakeApi(f, 10).api, { from: 0, to: 10 })).rejects.toThrow(
      new CliError('the latest checkpoint covers leaves 0 to 9: --to 10 is beyond it (export up to 9, or wait for the next checkpoint)', 2),
    );
    const empty: GraphQLTransport = { request: async () => ({ data: { ledgerCheckpoint: null } as never, errors: [] }) };
    await expect(exportBundle(empty, { from: 0, to: 0 })).rejects.toThrow(/no signed checkpoint yet/);
    const refusing: GraphQLTransport = {
      request: async () => ({ data: null, errors: [{ message: 'Invalid API key', extensions: { code: 'UNAUTHENTICATED' } }] }),
    };
    const refused = exportBundle(refusing, { from: 0, to: 0 });
    await expect(refused).rejects.toThrow('the server refused the latest checkpoint: Invalid API key (UNAUTHENTICATED)');
    await expect(refused).rejects.toMatchObject({ exitCode: 2 });
  });
});
