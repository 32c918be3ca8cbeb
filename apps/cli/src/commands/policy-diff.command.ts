import type { OptionSpecs } from '../args';
import { defineCommand } from '../command';
import { FORMAT_OPTION } from '../policy/format-option';

/**
 * @attest/policy-review's FAIL_ON_HELP, restated so that help loads no lib (help-texts.spec.ts keeps the two equal).
 */
export const FAIL_ON_HELP =
  'new-deny (a replayed decision would now be denied, or a version would now fail its lifecycle gate), lost-review (one that went to a human would not), flips>N or flips:N (more than N ' +
  'replayed decisions change), access-gained (a role gains a permission), access-changed (any permission changes), policy-changed (any risk policy changes)';

export const policyDiffOptions = {
  base: { type: 'string', required: true, valueName: 'git-ref', description: 'the policies as they were at this ref (e.g. origin/main)' },
  head: { type: 'string', valueName: 'folder', description: 'the policies folder to compare (default: policies, as in the work tree)' },
  decisions: { type: 'string', valueName: 'file.jsonl', description: 'recorded decisions to replay, one JSON record per line' },
  'from-api': {
    type: 'string',
    valueName: 'url',
    description: "replay the decisions of a running Attest (ATTEST_API_KEY: a read-only key, e.g. an auditor's)",
  },
  since: { type: 'string', valueName: 'iso-date', description: 'with --from-api: decisions that occurred at or after this time' },
  'fail-on': {
    type: 'string',
    valueName: 'rules',
    description: 'comma-separated: new-deny, lost-review, flips>N, access-gained, access-changed, policy-changed',
  },
  examples: { type: 'integer', min: 0, max: 100, valueName: 'n', description: 'changed decisions shown per pack (default 5)' },
  format: FORMAT_OPTION,
} satisfies OptionSpecs;

export const policyDiffCommand = defineCommand({
  name: 'policy diff',
  summary: 'What a change to policies/ does: risk packs and access rules compared, recorded decisions replayed',
  description:
    'Compares the policies folder at --base (a git ref) with the work tree (or --head, a folder): risk policies added, ' +
    'removed and changed condition by condition; access rules as who-can-do-what (which role gains or loses which action on ' +
    'which subject); and, with --decisions (a .jsonl export, see `attest policy decisions`) or --from-api, every recorded ' +
    'decision re-evaluated under the base and head of each changed pack, with the outcomes that change. --fail-on turns ' +
    `findings into failures: ${FAIL_ON_HELP}. Exit 0, 1 when a --fail-on check fails, 2 on invalid input or an unknown ref.`,
  options: policyDiffOptions,
  load: () => import('./policy-diff.run'),
});
