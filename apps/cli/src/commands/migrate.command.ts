import type { OptionSpecs } from '../args';
import { defineCommand } from '../command';

export const migrateOptions = {} satisfies OptionSpecs;

export const migrateCommand = defineCommand({
  name: 'migrate',
  summary: 'Apply pending database migrations',
  description:
    'Applies pending migrations to DATABASE_URL or, when it is unset, to the embedded PostgreSQL in ATTEST_DATA_DIR ' +
    '(started for the run and stopped afterwards). The API also migrates at start; this is for deploy pipelines.',
  options: migrateOptions,
  load: () => import('./migrate.run'),
});
