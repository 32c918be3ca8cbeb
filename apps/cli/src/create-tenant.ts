import type { INestApplicationContext } from '@nestjs/common';
import { TenantsService, type NewTenant } from '@attest/identity';
import { CliError } from './command';

const UNIQUE_VIOLATION = '23505';

/** TenantsService.createTenant for CLI commands: a taken slug is the user's mistake, said plainly, not a crash. */
export function createTenantOrExplain(app: INestApplicationContext, input: { name: string; slug: string }): Promise<NewTenant> {
  return app
    .get(TenantsService)
    .createTenant(input)
    .catch((error: unknown) => {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new CliError(`a tenant with slug "${input.slug}" already exists`);
      throw error;
    });
}
