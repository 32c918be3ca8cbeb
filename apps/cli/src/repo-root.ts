import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The nearest folder at or above `from` with a package.json (the repository's root, from source and from dist alike); undefined when there is none. */
export function nearestPackageRoot(from: string): string | undefined {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
  }
  return undefined;
}

/** The version in the repository's package.json (what `attest --version` and the CI reports name). */
export function attestVersion(): string {
  const root = nearestPackageRoot(__dirname);
  return root ? ((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0') : '0.0.0';
}
