import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareDataDir } from '../startup/data-dir';

/**
 * A random secret kept in the data folder, created on first use: how the embedded default gets
 * its keys without configuration. Servers set theirs in the environment instead, so that every
 * process of a deployment agrees.
 */
export function localSecret(dataDir: string, fileName: string): string {
  const file = join(dataDir, fileName);
  if (!existsSync(file)) {
    prepareDataDir(dataDir);
    try {
      writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return readFileSync(file, 'utf8').trim();
}
