import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import {
  CompiledEvaluator, describeFailure, loadPackTests, loadPolicyPack, packFolders, packTestsDir, PolicyPackError, runPackTests, uncoveredPolicies,
} from '@attest/policy';
import { CliError, defineCommand } from '../command';

export const policyTestCommand = defineCommand({
  name: 'policy test',
  summary: 'Run every risk-policy pack\'s tests (facts in, expected effects out) and report coverage',
  description:
    'Loads each pack under --path (default: policies/, one folder per pack), runs its tests/*.yaml with the compiled ' +
    'evaluator, prints failures with file:line and the policies no test pins down. Exit 0 when all pass, 1 on failures, ' +
    '2 when a pack or its tests are invalid.',
  options: {
    path: { type: 'string', valueName: 'folder', description: 'a policies folder, or one pack folder (default: policies)' },
  },
  async run(options, io) {
    const root = resolve(options.path ?? 'policies');
    if (!existsSync(root)) throw new CliError(`${options.path ?? 'policies'}: no such folder`, 2);
    const packDirs = packFolders(root);
    let failed = 0;
    let total = 0;
    for (const dir of packDirs) {
      const name = relative(process.cwd(), dir) || dir;
      let results;
      let uncovered: string[];
      try {
        const pack = loadPolicyPack(dir);
        const cases = loadPackTests(packTestsDir(dir), pack);
        results = runPackTests(new CompiledEvaluator(pack), cases);
        uncovered = uncoveredPolicies(pack, cases);
        io.out(`${name}: ${pack.policies.length} policies, digest ${pack.digest.slice(0, 12)}\n`);
      } catch (error) {
        if (error instanceof PolicyPackError) throw new CliError(error.message, 2);
        throw error;
      }
      for (const result of results.filter((r) => !r.passed)) io.out(`  FAIL ${describeFailure(result)}\n`);
      const passed = results.filter((r) => r.passed).length;
      io.out(`  ${passed} of ${results.length} cases passed\n`);
      if (uncovered.length > 0) io.out(`  not covered from both sides: ${uncovered.join(', ')}\n`);
      failed += results.length - passed;
      total += results.length;
    }
    // Worded so that it is not mistaken for the test runner's own "N passed, N failed" closing line.
    io.out(`policy tests: ${total - failed} of ${total} cases passed in ${packDirs.length} pack${packDirs.length === 1 ? '' : 's'}\n`);
    return failed > 0 ? 1 : 0;
  },
});
