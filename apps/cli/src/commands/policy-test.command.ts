import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { PolicyPackError } from '@attest/policy';
import { runPolicyTests, testCheckReport, testMarkdown, testText } from '@attest/policy-review';
import { CliError, defineCommand } from '../command';
import { FORMAT_OPTION, invalidInputRenderings, parseFormat, render } from '../policy/output-format';
import { attestVersion } from '../repo-root';

export const policyTestCommand = defineCommand({
  name: 'policy test',
  summary: "Run every risk-policy pack's tests (facts in, expected effects out) and report coverage",
  description:
    'Loads each pack under the path (default: policies/, one folder per pack), runs its tests/*.yaml with the compiled ' +
    'evaluator, prints failures with file:line, the policies no test pins down from both sides and the conditions no test ' +
    'makes true or false. Exit 0 when all pass, 1 on failures, 2 when a pack or its tests are invalid (with file and line).',
  options: {
    path: {
      type: 'string',
      valueName: 'folder',
      positional: true,
      description: 'a policies folder, or one pack folder (default: policies)',
    },
    format: FORMAT_OPTION,
  },
  async run(options, io) {
    const format = parseFormat(options.format);
    const root = resolve(options.path ?? 'policies');
    if (!existsSync(root)) throw new CliError(`${options.path ?? 'policies'}: no such folder`, 2);
    let run;
    try {
      run = runPolicyTests(root);
    } catch (error) {
      if (!(error instanceof PolicyPackError)) throw error;
      // The problems go to stderr as file:line lines; a machine format also carries them on stdout, for the CI to annotate.
      if (format !== 'text') io.out(render(format, invalidInputRenderings('attest policy test', 'Attest policy tests', error.problems)));
      throw new CliError(error.message, 2);
    }
    const version = attestVersion();
    io.out(
      render(format, {
        text: () => testText(run),
        markdown: () => testMarkdown(run),
        json: () => run,
        checks: () => testCheckReport(run, version),
      }),
    );
    return run.failed > 0 ? 1 : 0;
  },
});
