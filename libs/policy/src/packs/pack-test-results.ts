import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { ATTEST_CONFIG, AttestError, type AttestConfig } from '@attest/core';
import { CompiledEvaluator } from '../compiled-evaluator';
import { isPackName, packTestsDir } from '../pack-loader';
import { loadPackTests, runPackTests } from '../pack-tests';
import { PolicyPackError } from '../policy.errors';
import type { PolicyPack } from '../policy.types';
import type { PolicyTestResultModel } from './models/policy-pack-activation.model';

/**
 * A pack's test cases (the `tests/` folder of the pack of that name on the server) run now against
 * the given policies: pack tests are pure and fast, so they run on every request rather than being
 * cached. A pack without a folder has no tests; tests that no longer fit the policies (a policy id
 * the pack lacks) are VALIDATION_FAILED with every problem.
 */
@Injectable()
export class PackTestResults {
  constructor(@Inject(ATTEST_CONFIG) private readonly config: AttestConfig) {}

  of(pack: Pick<PolicyPack, 'name' | 'policies'>): PolicyTestResultModel[] {
    const dir = join(this.config.policiesDir, pack.name);
    if (!isPackName(pack.name) || !existsSync(packTestsDir(dir))) return [];
    const asPack: PolicyPack = { name: pack.name, policies: pack.policies, digest: '', sources: {} };
    let cases;
    try {
      cases = loadPackTests(packTestsDir(dir), asPack, this.config.policiesDir);
    } catch (error) {
      if (error instanceof PolicyPackError)
        throw AttestError.validation(`The tests of pack "${pack.name}" do not fit its policies`, { problems: error.problems });
      throw error;
    }
    return runPackTests(new CompiledEvaluator(asPack), cases).map(({ testCase, passed, actual, error }) => ({
      name: testCase.name,
      source: testCase.source,
      appliesTo: testCase.appliesTo,
      expectedEffect: testCase.expect.effect,
      expectedMatched: testCase.expect.matched,
      passed,
      actualEffect: actual?.effect ?? null,
      actualMatched: actual?.matched ?? null,
      error: error ?? null,
    }));
  }
}
