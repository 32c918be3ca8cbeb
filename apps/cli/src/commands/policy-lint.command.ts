import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { lintCheckReport, lintMarkdown, lintPolicies, lintText } from '@attest/policy-review';
import { CliError, defineCommand } from '../command';
import { FORMAT_OPTION, parseFormat, render } from '../policy/output-format';
import { attestVersion } from '../repo-root';
import { PoliciesDoNotLoad, refSide } from '../policy/policy-sides';

export const policyLintCommand = defineCommand({
  name: 'policy lint',
  summary: 'Check risk-policy packs: schema, ids, facts, framework references, tests, and (with --base) version bumps',
  description:
    'Lints each pack under the path (default: policies/): schema and duplicate ids, facts the catalogue does not know (in ' +
    'policies and in tests), high-severity policies without a recognised framework reference, policies without a test, and ' +
    'with --base <git ref> a policy whose content changed without its version being raised. Exit 0 when there is no error ' +
    '(warnings do not fail), 1 on errors, 2 when the path or the ref does not exist.',
  options: {
    path: {
      type: 'string',
      valueName: 'folder',
      positional: true,
      description: 'a policies folder, or one pack folder (default: policies)',
    },
    base: { type: 'string', valueName: 'git-ref', description: 'compare versions with the packs at this ref (e.g. origin/main)' },
    format: FORMAT_OPTION,
  },
  async run(options, io) {
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
  },
});

/** The base's packs for the version check (its access rules are not read); a base that does not load has nothing to compare with. */
function baseSide(path: string, ref: string) {
  try {
    return refSide(path, ref, { access: false });
  } catch (error) {
    if (error instanceof PoliciesDoNotLoad) return { packs: [] };
    throw error;
  }
}
