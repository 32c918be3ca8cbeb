import { resolve } from 'node:path';

/** The repository, for tests that read its files and need nothing else (no app, no database). */
export const REPOSITORY = resolve(__dirname, '../..');
