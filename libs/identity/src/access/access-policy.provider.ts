import { join } from 'node:path';
import type { Provider } from '@nestjs/common';
import { ATTEST_CONFIG, type AttestConfig } from '@attest/core';
import { loadAccessPolicy } from './access-policy';

export const ACCESS_POLICY = Symbol('ACCESS_POLICY');

/** Loaded and validated once at boot: a bad rule stops the start with file:line. */
export const accessPolicyProvider: Provider = {
  provide: ACCESS_POLICY,
  inject: [ATTEST_CONFIG],
  useFactory: (config: AttestConfig) => loadAccessPolicy(join(config.policiesDir, 'access')),
};
