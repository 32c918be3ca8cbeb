import type { PolicyRepo } from './policy-repo';

/** A way to break a pack in a repository's work tree; returns where the loader must say the problem is. */
export type Breakage = (repo: PolicyRepo) => { file: string; line: number };

const SELF_APPROVAL = 'policies/default/no-self-approval.yaml';

/** A policy file that is no longer YAML (a nested mapping where a value was). */
export const notYaml: Breakage = (repo) => {
  repo.replace(SELF_APPROVAL, 'effect: deny\n', 'effect: deny: now\n');
  return { file: SELF_APPROVAL, line: repo.lineOf(SELF_APPROVAL, 'effect: deny: now') };
};

/** A policy condition on a fact the catalogue does not have (a typo of transition.actorId). */
export const unknownFact: Breakage = (repo) => {
  repo.replace(SELF_APPROVAL, 'fact: transition.actorId,', 'fact: transition.actor,');
  return { file: SELF_APPROVAL, line: repo.lineOf(SELF_APPROVAL, 'fact: transition.actor,') };
};
