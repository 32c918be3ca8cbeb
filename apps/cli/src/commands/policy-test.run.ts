import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { PolicyPackError } from '@attest/policy';
import { runPolicyTests, testCheckReport, testMarkdown, testText } from '@attest/policy-review';
import { CliError, type CommandRun } from '../command';
import { parseFormat } from '../policy/format-option';
import { invalidInputRenderings, render } from '../policy/output-format';
import { attestVersion } from '../repo-root';
import type { policyTestOptions } from './policy-test.command';

export const run: CommandRun<typeof policyTestOptions> = async (options, io) => {
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
};
