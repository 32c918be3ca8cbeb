import type { OptionSpecs } from '../args';
import { defineCommand } from '../command';

export const schemaOptions = {
  check: { type: 'boolean', description: 'exit 1 if the file differs instead of writing it' },
  out: { type: 'string', valueName: 'file', description: 'where the schema goes (default: <repo>/schema.graphql)' },
} satisfies OptionSpecs;

export const schemaCommand = defineCommand({
  name: 'schema',
  summary: 'Write the GraphQL schema to schema.graphql (or --check it)',
  description:
    "Prints the API's GraphQL schema (SDL, sorted) from the code, without a database, into schema.graphql at the " +
    'repository root. With --check, writes nothing and exits 1 when the file is out of date.',
  options: schemaOptions,
  load: () => import('./schema.run'),
});
