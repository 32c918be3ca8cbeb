import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { generateApiSchemaSdl } from '@attest/platform';
import { nearestPackageRoot } from '../repo-root';
import { CliError, defineCommand } from '../command';

export const schemaCommand = defineCommand({
  name: 'schema',
  summary: 'Write the GraphQL schema to schema.graphql (or --check it)',
  description:
    "Prints the API's GraphQL schema (SDL, sorted) from the code, without a database, into schema.graphql at the " +
    'repository root. With --check, writes nothing and exits 1 when the file is out of date.',
  options: {
    check: { type: 'boolean', description: 'exit 1 if the file differs instead of writing it' },
    out: { type: 'string', valueName: 'file', description: 'where the schema goes (default: <repo>/schema.graphql)' },
  },
  async run(options, io) {
    const file = options.out ? resolve(options.out) : join(repoRoot(__dirname), 'schema.graphql');
    const sdl = await generateApiSchemaSdl();
    if (!options.check) {
      await writeFile(file, sdl);
      io.out(`Wrote ${file}\n`);
      return;
    }
    const committed = existsSync(file) ? await readFile(file, 'utf8') : undefined;
    if (committed !== sdl) {
      throw new CliError(`${file} is ${committed === undefined ? 'missing' : 'out of date'}: run "npm run schema" and commit it`);
    }
    io.out(`${file} is up to date\n`);
  },
});

/** The repository's root, where schema.graphql is committed. */
function repoRoot(from: string): string {
  const root = nearestPackageRoot(from);
  if (!root) throw new CliError('cannot find the repository root (no package.json above the CLI): pass --out');
  return root;
}
