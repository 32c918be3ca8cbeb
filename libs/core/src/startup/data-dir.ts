import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { StartupError } from './startup-error';

/**
 * Creates the data folder if needed and proves it writable (a probe file written and removed), so
 * that a bad ATTEST_DATA_DIR stops the start in one line before anything is written to it.
 */
export function prepareDataDir(dir: string, mode = 0o755): void {
  try {
    createFolder(resolve(dir), mode);
    const probe = join(dir, `.write-probe-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new StartupError(
      'ATTEST_DATA_DIR',
      `ATTEST_DATA_DIR ${dir} is not a writable folder (${code}${REASONS[code] ? `: ${REASONS[code]}` : ''}): set ATTEST_DATA_DIR to a folder Attest can create and write`,
    );
  }
}

const REASONS: Record<string, string> = {
  ENOTDIR: 'a part of the path is a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOENT: 'folders cannot be created there',
  ENOSPC: 'no space left on the device',
};

/**
 * One level at a time, from the deepest folder that exists: Node's recursive mkdir never returns
 * on a path such as /proc/x, where mkdir fails with ENOENT under a parent that exists.
 */
function createFolder(dir: string, mode: number): void {
  const missing: string[] = [];
  let at = dir;
  while (!statSync(at, { throwIfNoEntry: false })) {
    missing.unshift(at);
    at = dirname(at);
  }
  if (!statSync(at).isDirectory()) throw Object.assign(new Error(`${at} is not a folder`), { code: 'ENOTDIR' });
  for (const folder of missing) {
    try {
      mkdirSync(folder, { mode });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error; // another process made it first
    }
  }
}
