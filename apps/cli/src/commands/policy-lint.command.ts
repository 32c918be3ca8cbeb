import type { OptionSpecs } from '../args';
import { defineCommand } from '../command';
import { FORMAT_OPTION } from '../policy/format-option';

export const policyLintOptions = {
  path: {
    type: 'string',
    valueName: 'folder',
    positional: true,
    description: 'a policies folder, or one pack folder (default: policies)',
  },
  base: { type: 'string', valueName: 'git-ref', description: 'compare versions with the packs at this ref (e.g. origin/main)' },
  format: FORMAT_OPTION,
} satisfies OptionSpecs;

export const policyLintCommand = defineCommand({
  name: 'policy lint',
  summary: 'Check risk-policy packs: schema, ids, facts, framework references, tests, and (with --base) version bumps',
  description:
    'Lints each pack under the path (default: policies/): schema and duplicate ids, facts the catalogue does not know (in ' +
    'policies and in tests), high-severity policies without a recognised framework reference, policies without a test, and ' +
    'with --base <git ref> a policy whose content changed without its version being raised. Exit 0 when there is no error ' +
    '(warnings do not fail), 1 on errors, 2 when the path or the ref does not exist.',
  options: policyLintOptions,
  load: () => import('./policy-lint.run'),
});
