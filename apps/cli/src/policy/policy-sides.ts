import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AccessPolicyError, loadAccessPolicy } from '@attest/identity';
import { loadPolicyPack, packFolders, PolicyPackError, type PolicyPack } from '@attest/policy';
import { cleanCommitOf, GitRefError, treeAtRef, type DiffSide } from '@attest/policy-review';
import { CliError } from '../command';

/** A side's packs or access rules do not load: invalid input (exit 2), saying which side, since both name the same files. */
export class PoliciesDoNotLoad extends CliError {
  constructor(where: string, cause: PolicyPackError | AccessPolicyError) {
    super(`the policies at ${where} do not load: ${cause.message}`, 2);
    this.problems = cause.problems;
  }

  /** Each `file:line: …`, for the machine formats. */
  readonly problems: string[];
}

/** What to read of a side: the risk packs always, the access rules when the command compares them. */
interface SideParts {
  access: boolean;
}

/** The policies folder as it is (head); a pack or access file that does not load stops the command (exit 2, with file and line). */
export function workTreeSide(path: string, parts: SideParts = { access: true }): DiffSide {
  const commit = cleanCommitOf(path);
  return loaded('the work tree', () => sideOf(resolve(path), process.cwd(), commit ? 'HEAD' : 'working tree', commit, parts));
}

/** The policies folder as it was at a git ref, read without touching the work tree. */
export function refSide(path: string, ref: string, parts: SideParts = { access: true }): DiffSide {
  let tree;
  try {
    tree = treeAtRef(path, ref);
  } catch (error) {
    if (error instanceof GitRefError) throw new CliError(error.message, 2);
    throw error;
  }
  try {
    return loaded(`${ref} (${tree.commit.slice(0, 7)})`, () => sideOf(tree.dir, tree.root, ref, tree.commit, parts));
  } finally {
    tree.remove();
  }
}

function loaded(where: string, load: () => DiffSide): DiffSide {
  try {
    return load();
  } catch (error) {
    if (error instanceof PolicyPackError || error instanceof AccessPolicyError) throw new PoliciesDoNotLoad(where, error);
    throw error;
  }
}

/** Loads what a side has; file:line in messages are relative to `cwd` (the repository's root as written out, for a ref). */
function sideOf(dir: string, cwd: string, label: string, commit: string | null, parts: SideParts): DiffSide {
  const packs: PolicyPack[] = existsSync(dir) ? packFolders(dir).map((d) => loadPolicyPack(d, cwd)) : [];
  const accessDir = join(dir, 'access');
  return { label, commit, packs, access: parts.access && existsSync(accessDir) ? loadAccessPolicy(accessDir, cwd) : null };
}
