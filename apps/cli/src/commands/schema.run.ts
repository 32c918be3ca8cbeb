import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { generateApiSchemaSdl } from '@attest/platform';
import { CliError, type CommandRun } from '../command';
import { nearestPackageRoot } from '../repo-root';
import type { schemaOptions } from './schema.command';

export const run: CommandRun<typeof schemaOptions> = async (options, io) => {
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
};

/** The repository's root, where schema.graphql is committed. */
function repoRoot(from: string): string {
  const root = nearestPackageRoot(from);
  if (!root) throw new CliError('cannot find the repository root (no package.json above the CLI): pass --out');
  return root;
}
