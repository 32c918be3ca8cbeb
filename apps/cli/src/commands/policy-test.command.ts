import type { OptionSpecs } from '../args';
import { defineCommand } from '../command';
import { FORMAT_OPTION } from '../policy/format-option';

export const policyTestOptions = {
  path: {
    type: 'string',
    valueName: 'folder',
    positional: true,
    description: 'a policies folder, or one pack folder (default: policies)',
  },
  format: FORMAT_OPTION,
} satisfies OptionSpecs;

export const policyTestCommand = defineCommand({
  name: 'policy test',
  summary: "Run every risk-policy pack's tests (facts in, expected effects out) and report coverage",
  description:
    'Loads each pack under the path (default: policies/, one folder per pack), runs its tests/*.yaml with the compiled ' +
    'evaluator, prints failures with file:line, the policies no test pins down from both sides and the conditions no test ' +
    'makes true or false. Exit 0 when all pass, 1 on failures, 2 when a pack or its tests are invalid (with file and line).',
  options: policyTestOptions,
  load: () => import('./policy-test.run'),
});
