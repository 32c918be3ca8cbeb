/**
 * Ledger benchmark (issue 4), the parts built so far, in one run:
 * - verification rate: recomputing every leaf hash and the tree head of N leaves (what verifying a
 *   range does), beside raw SHA-256 over the same leaf bytes (the floor: each leaf must be hashed);
 * - proof generation for a tree of 1,000,000 leaves, inclusion and consistency, p50/p99, on the
 *   in-memory tree (perfect subtree heads kept once computed; the stored tree comes with the sequencer);
 * - offline verification of those proofs, p50/p99.
 *   npm run build && node dist/bench/ledger.bench.js      (also part of `npm run bench`)
 */
import { createHash, hash } from 'node:crypto';
import { cpus } from 'node:os';
import { canonicalJson } from '@attest/core';
import {
  consistencyProof, hashLeafPreimage, headOfLeafHashes, inclusionProof, leafPreimage, InMemoryTree, leafHash, rootHash, verifyConsistency, verifyInclusion,
} from '@attest/ledger';

const LEAVES = Number(process.env.BENCH_LEDGER_LEAVES ?? 1_000_000);
const PROOFS = 20_000;

/** A leaf the size of a decision's: the canonical JSON of a realistic fact. */
function leafText(i: number): string {
  return canonicalJson({
    kind: 'decision', tenantId: '9a26acbd-6055-4c0d-b110-0364269517dc', id: `0d99d2da-b428-4d34-ad46-${String(i).padStart(12, '0')}`,
    automationId: '0d99d2da-b428-4d34-ad46-bdd0097c514b', modelVersionId: '40ac2b0a-dd7b-4cea-bee9-3a9fd6877d83', status: i % 7 === 0 ? 'pending_review' : 'recorded',
    inputHash: createHash('sha256').update(String(i)).digest('hex'), policy: { packDigest: 'c7e02a0326a5d57d522a6ba383e1ab0c846542aa72debfaa491523022feab91c', effect: 'allow' },
    recordedAt: new Date(1764583200000 + i).toISOString(),
  });
}

function seconds(work: () => void): number {
  const started = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function percentiles(samples: number[]): { p50: number; p99: number } {
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(samples.length * 0.5)], p99: samples[Math.floor(samples.length * 0.99)] };
}

function timeEach(n: number, op: (i: number) => void): { p50: number; p99: number } {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = process.hrtime.bigint();
    op(i);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return percentiles(samples);
}

function main(): void {
  // The same leaves, as their bytes (the baseline hashes them) and as leaf preimages (0x00 ‖ bytes,
  // written in one allocation when the fact is serialised: what a verifier hashes).
  const texts = Array.from({ length: LEAVES }, (_, i) => leafText(i));
  const bytes = texts.map((t) => Buffer.from(t, 'utf8'));
  const preimages = texts.map(leafPreimage);
  const totalBytes = bytes.reduce((sum, b) => sum + b.length, 0);

  // Warm-up of both, on a slice.
  for (let i = 0; i < 50_000; i++) hash('sha256', bytes[i], 'buffer');
  headOfLeafHashes(preimages.slice(0, 50_000).map(hashLeafPreimage));

  const raw = seconds(() => {
    for (const b of bytes) hash('sha256', b, 'buffer');
  });
  let root!: Buffer;
  const verify = seconds(() => {
    root = headOfLeafHashes(preimages.map(hashLeafPreimage));
  });
  const tree = new InMemoryTree(bytes.map(leafHash));
  if (!rootHash(tree, LEAVES).equals(root)) throw new Error('the in-memory tree and the one-pass head disagree');

  // Random (deterministic) positions and sizes across the whole tree.
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const indices = Array.from({ length: PROOFS }, () => Math.floor(next() * LEAVES));
  const oldSizes = Array.from({ length: PROOFS }, () => 1 + Math.floor(next() * (LEAVES - 1)));
  const inclusions: Buffer[][] = [];
  const consistencies: Buffer[][] = [];
  const includeTime = timeEach(PROOFS, (i) => inclusions.push(inclusionProof(tree, indices[i], LEAVES)));
  const consistTime = timeEach(PROOFS, (i) => consistencies.push(consistencyProof(tree, oldSizes[i], LEAVES)));
  const oldRoots = oldSizes.map((m) => rootHash(tree, m));
  const verifyIncl = timeEach(PROOFS, (i) => {
    if (!verifyInclusion(leafHash(bytes[indices[i]]), indices[i], LEAVES, inclusions[i], root)) throw new Error('an inclusion proof failed');
  });
  const verifyCons = timeEach(PROOFS, (i) => {
    if (!verifyConsistency(oldSizes[i], LEAVES, oldRoots[i], root, consistencies[i])) throw new Error('a consistency proof failed');
  });

  const rate = (s: number) => (LEAVES / s).toFixed(0);
  const ms = (x: number) => x.toFixed(3);
  process.stdout.write(
    [
      `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.versions.node}. ${LEAVES} leaves of ${Math.round(totalBytes / LEAVES)} bytes ` +
        `(canonical JSON of a decision-sized fact), ${PROOFS} proofs of each kind at random positions.`,
      '',
      '| measurement | result | vs raw SHA-256 |',
      '|---|---|---|',
      `| raw SHA-256 of every leaf's bytes (baseline) | ${rate(raw)} leaves/s | baseline |`,
      `| verification: every leaf hash and the tree head recomputed (one pass) | ${rate(verify)} leaves/s | ${((raw / verify) * 100).toFixed(0)}% |`,
      `| inclusion proof generation (tree of ${LEAVES}) | p50 ${ms(includeTime.p50)} ms, p99 ${ms(includeTime.p99)} ms | |`,
      `| consistency proof generation (to ${LEAVES}) | p50 ${ms(consistTime.p50)} ms, p99 ${ms(consistTime.p99)} ms | |`,
      `| inclusion proof verification | p50 ${ms(verifyIncl.p50)} ms, p99 ${ms(verifyIncl.p99)} ms | |`,
      `| consistency proof verification | p50 ${ms(verifyCons.p50)} ms, p99 ${ms(verifyCons.p99)} ms | |`,
      '',
      'Targets (issue 4): verification ≥ 50% of raw SHA-256; proof generation p99 < 5 ms for 1,000,000 leaves (here on the in-memory tree).',
    ].join('\n') + '\n',
  );
}

main();
