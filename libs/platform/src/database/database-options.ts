import type { DatabaseModuleOptions } from '@attest/core';
import { AUDIT_ENTITIES } from '@attest/audit';
import { DECISION_ENTITIES } from '@attest/decisions';
import { IDENTITY_ENTITIES } from '@attest/identity';
import { POLICY_ENTITIES } from '@attest/policy';
import { REGISTRY_ENTITIES } from '@attest/registry';
import { MIGRATIONS } from '../../../../migrations';

/**
 * What every process that opens the database (API, worker, CLI) maps and migrates: one list.
 * Assembled here, not in @attest/core, because core knows no context.
 */
export const DATABASE_OPTIONS: DatabaseModuleOptions = {
  entities: [...IDENTITY_ENTITIES, ...REGISTRY_ENTITIES, ...AUDIT_ENTITIES, ...POLICY_ENTITIES, ...DECISION_ENTITIES],
  migrations: MIGRATIONS,
};
