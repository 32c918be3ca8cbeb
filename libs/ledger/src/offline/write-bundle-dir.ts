import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonFileText } from './bundle-files';
import { BUNDLE_FILES, type LedgerBundle } from './bundle-layout';

/** Writes a bundle into a directory (made if need be); each leaf exactly as its bytes, nothing added. */
export function writeBundleDir(dir: string, bundle: LedgerBundle): void {
  mkdirSync(join(dir, 'leaves'), { recursive: true });
  mkdirSync(join(dir, 'proofs'), { recursive: true });
  const write = (name: string, content: string | Buffer) => writeFileSync(join(dir, name), content);
  for (const [index, leaf] of bundle.leaves) write(BUNDLE_FILES.leaf(index), leaf);
  for (const [index, proof] of bundle.proofs) write(BUNDLE_FILES.proof(index), jsonFileText(proof));
  if (bundle.consistency) write(BUNDLE_FILES.consistency, jsonFileText(bundle.consistency));
  if (bundle.since) write(BUNDLE_FILES.since, jsonFileText(bundle.since));
  write(BUNDLE_FILES.checkpoint, jsonFileText(bundle.checkpoint));
  // The manifest last: a bundle with one was written whole.
  write(BUNDLE_FILES.manifest, jsonFileText(bundle.manifest));
}
