import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadAccessPolicy } from '@attest/identity';
import { loadPolicyPack, packFolders, type PolicyPack } from '@attest/policy';
import { GitRefError, treeAtRef, type DiffSide } from '@attest/policy-review';
import { CliError } from '../command';

/** The policies folder as it is (head): every pack and the access rules; a pack that does not load stops the command (exit 2). */
export function workTreeSide(path: string, label = 'working tree'): DiffSide {
  return sideOf(resolve(path), process.cwd(), label, null);
}

/** The policies folder as it was at a git ref, read without touching the work tree. */
export function refSide(path: string, ref: string): DiffSide {
  let tree;
  try {
    tree = treeAtRef(path, ref);
  } catch (error) {
    if (error instanceof GitRefError) throw new CliError(error.message, 2);
    throw error;
  }
  try {
    return sideOf(tree.dir, tree.root, ref, tree.commit);
  } finally {
    tree.remove();
  }
}

/** Loads what a side has; file:line in messages are relative to `cwd` (the repository's root as written out, for a ref). */
function sideOf(dir: string, cwd: string, label: string, commit: string | null): DiffSide {
  const packs: PolicyPack[] = existsSync(dir) ? packFolders(dir).map((d) => loadPolicyPack(d, cwd)) : [];
  const accessDir = join(dir, 'access');
  return { label, commit, packs, access: existsSync(accessDir) ? loadAccessPolicy(accessDir, cwd) : null };
}
