import { readFileSync } from 'node:fs';
import { BundleInputError } from './verify-bundle';

/** A file's bytes; a file that cannot be read is unreadable input (exit 2), named with its path. */
export function readFileBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new BundleInputError(
      `${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
}

export function readJsonFile(path: string): unknown {
  const text = readFileBytes(path).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    throw new BundleInputError(`${path}: not JSON`);
  }
}

/** JSON as the bundle's files hold it: indented, with a final newline (leaves are written as they are). */
export function jsonFileText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
