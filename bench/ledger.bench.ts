/**
 * Ledger benchmark (issue 4), in memory, in one run:
 * - verification rate: recomputing every leaf hash and the tree head of N leaves from their facts
 *   (what verifyLedger does over a range), beside raw SHA-256 of the same leaf bytes (the floor:
 *   each leaf must be hashed);
 * - proof generation for a tree of 1,000,000 leaves, inclusion and consistency, p50/p99, on the
 *   in-memory tree (the stored tree's: bench/ledger-stored-proofs.bench.ts);
 * - offline verification of those proofs, p50/p99.
 *   npm run build:bench && node dist/bench/ledger.bench.js      (also part of `npm run bench`)
 */
import { hash } from 'node:crypto';
import { cpus } from 'node:os';
import {
  CompactRange,
  consistencyProof,
  inclusionProof,
  leafBytes,
  leafHash,
  leafHashOf,
  InMemoryTree,
  rootHash,
  verifyConsistency,
  verifyInclusion,
} from '@attest/ledger';
import { decisionFactText } from './support/decision-fact';
import { randomIntegers, seededRandom } from './support/seeded-random';
import { seconds, timeEach } from './support/timing';

const LEAVES = Number(process.env.BENCH_LEDGER_LEAVES ?? 1_000_000);
/** Leaves are made, hashed raw and verified a slice at a time: memory stays bounded, and baseline and verification see the same machine. */
const SLICE = 50_000;
const PROOFS = 20_000;

interface VerificationTimes {
  raw: number;
  /** verifyLedger's per-leaf work: the leaf hash from (index, stored fact text), then the tree. */
  verifier: number;
  /** An offline verifier's: the leaf hash from the leaf's bytes (an export bundle's files), then the tree. */
  fromBytes: number;
  bytes: number;
}

/**
 * Over the leaves of positions [0, LEAVES), a slice at a time: raw SHA-256 of each leaf's bytes
 * (the baseline), verifyLedger's per-leaf work from the stored fact text (leafHashOf: the leaf
 * written straight into a scratch buffer and hashed, then CompactRange.append), and an offline
 * verifier's from the leaf bytes it read (leafHash, then CompactRange.append). Returns the seconds
 * of each and the leaf hashes (for the tree).
 */
function measureVerification(): { times: VerificationTimes; leafHashes: Buffer[] } {
  const times = { raw: 0, verifier: 0, fromBytes: 0, bytes: 0 };
  const online = new CompactRange();
  const offline = new CompactRange();
  const leafHashes: Buffer[] = [];
  for (let start = 0; start < LEAVES; start += SLICE) {
    const positions = Array.from({ length: Math.min(SLICE, LEAVES - start) }, (_, k) => start + k);
    // As the pg driver hands them over: strings decoded from the row's UTF-8 bytes (flat, one byte per character here).
    const facts = positions.map((p) => Buffer.from(decisionFactText(p), 'utf8').toString('utf8'));
    const bytes = positions.map((p, k) => leafBytes(p, facts[k]));
    // The fastest raw SHA-256 Node offers: the digest as a latin1 string (asking for a Buffer costs ~300 ns more).
    times.raw += seconds(() => {
      for (const b of bytes) hash('sha256', b, 'binary');
    });
    times.verifier += seconds(() => {
      for (let k = 0; k < facts.length; k++) online.append(leafHashOf(positions[k], facts[k]));
    });
    times.fromBytes += seconds(() => {
      for (const b of bytes) offline.append(leafHash(b));
    });
    for (const b of bytes) {
      leafHashes.push(leafHash(b));
      times.bytes += b.length;
    }
  }
  if (!online.root().equals(offline.root())) throw new Error('leafHashOf and leafHash(leafBytes) disagree');
  return { times, leafHashes };
}

function main(): void {
  // Warm-up of every path, on a slice of its own.
  for (let p = 0; p < SLICE; p++) {
    const fact = decisionFactText(p);
    hash('sha256', leafBytes(p, fact), 'binary');
    leafHash(leafBytes(p, fact));
    leafHashOf(p, fact);
  }
  const { times, leafHashes } = measureVerification();
  const tree = new InMemoryTree(leafHashes);
  const root = rootHash(tree, LEAVES);

  // Random (deterministic) positions and sizes across the whole tree.
  const random = seededRandom(7);
  const indices = randomIntegers(random, PROOFS, 0, LEAVES);
  const oldSizes = randomIntegers(random, PROOFS, 1, LEAVES);
  const inclusions: Buffer[][] = [];
  const consistencies: Buffer[][] = [];
  const includeTime = timeEach(PROOFS, (i) => inclusions.push(inclusionProof(tree, indices[i], LEAVES)));
  const consistTime = timeEach(PROOFS, (i) => consistencies.push(consistencyProof(tree, oldSizes[i], LEAVES)));
  const oldRoots = oldSizes.map((m) => rootHash(tree, m));
  const verifyIncl = timeEach(PROOFS, (i) => {
    if (!verifyInclusion(leafHashes[indices[i]], indices[i], LEAVES, inclusions[i], root)) throw new Error('an inclusion proof failed');
  });
  const verifyCons = timeEach(PROOFS, (i) => {
    if (!verifyConsistency(oldSizes[i], LEAVES, oldRoots[i], root, consistencies[i])) throw new Error('a consistency proof failed');
  });

  const rate = (s: number) => (LEAVES / s).toFixed(0);
  const vsRaw = (s: number) => `${((times.raw / s) * 100).toFixed(0)}%`;
  const ms = (x: number) => x.toFixed(3);
  process.stdout.write(
    [
      `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.versions.node}. ${LEAVES} leaves of ${Math.round(times.bytes / LEAVES)} bytes ` +
        `({"index":N,"fact":<jsonb text of a decision fact>}), ${PROOFS} proofs of each kind at random positions.`,
      '',
      '| measurement | result | vs raw SHA-256 |',
      '|---|---|---|',
      `| raw SHA-256 of every leaf's bytes (baseline: crypto.hash, digest as a string) | ${rate(times.raw)} leaves/s | baseline |`,
      `| verification as verifyLedger does it: leafHashOf(index, fact text), CompactRange.append | ${rate(times.verifier)} leaves/s | ${vsRaw(times.verifier)} |`,
      `| verification as an offline verifier does it: leafHash(leaf bytes), CompactRange.append | ${rate(times.fromBytes)} leaves/s | ${vsRaw(times.fromBytes)} |`,
      `| inclusion proof generation (in-memory tree of ${LEAVES}) | p50 ${ms(includeTime.p50)} ms, p99 ${ms(includeTime.p99)} ms | |`,
      `| consistency proof generation (in-memory, to ${LEAVES}) | p50 ${ms(consistTime.p50)} ms, p99 ${ms(consistTime.p99)} ms | |`,
      `| inclusion proof verification | p50 ${ms(verifyIncl.p50)} ms, p99 ${ms(verifyIncl.p99)} ms | |`,
      `| consistency proof verification | p50 ${ms(verifyCons.p50)} ms, p99 ${ms(verifyCons.p99)} ms | |`,
      '',
      `Targets (issue 4): verification ≥ 50% of raw SHA-256 — ${times.raw / times.verifier >= 0.5 ? 'MET' : 'NOT MET'} as verifyLedger does it, ` +
        `${times.raw / times.fromBytes >= 0.5 ? 'MET' : 'NOT MET'} offline; ` +
        `proof generation p99 < 5 ms for 1,000,000 leaves — ${Math.max(includeTime.p99, consistTime.p99) < 5 ? 'MET' : 'NOT MET'} on the in-memory tree.`,
    ].join('\n') + '\n',
  );
}

main();
