import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { lintCheckReport, lintMarkdown, lintPolicies, lintText } from '@attest/policy-review';
import { CliError, type CommandRun } from '../command';
import { parseFormat } from '../policy/format-option';
import { render } from '../policy/output-format';
import { attestVersion } from '../repo-root';
import { PoliciesDoNotLoad, refSide } from '../policy/policy-sides';
import type { policyLintOptions } from './policy-lint.command';

export const run: CommandRun<typeof policyLintOptions> = async (options, io) => {
  const format = parseFormat(options.format);
  const path = options.path ?? 'policies';
  if (!existsSync(resolve(path))) throw new CliError(`${path}: no such folder`, 2);
  const base = options.base ? baseSide(path, options.base).packs : undefined;
  const result = lintPolicies(path, { base });
  const version = attestVersion();
  io.out(
    render(format, {
      text: () => lintText(result),
      markdown: () => lintMarkdown(result),
      json: () => result,
      checks: () => lintCheckReport(result, version),
    }),
  );
  return result.findings.some((f) => f.level === 'error') ? 1 : 0;
};

/** The base's packs for the version check (its access rules are not read); a base that does not load has nothing to compare with. */
function baseSide(path: string, ref: string) {
  try {
    return refSide(path, ref, { access: false });
  } catch (error) {
    if (error instanceof PoliciesDoNotLoad) return { packs: [] };
    throw error;
  }
}
