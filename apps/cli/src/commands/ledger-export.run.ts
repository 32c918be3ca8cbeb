import { readdirSync } from 'node:fs';
import { BundleInputError, claimedCheckpoint, readJsonFile, writeBundleDir, type CheckpointFile, type LedgerBundle } from '@attest/ledger';
import { UsageError } from '../args';
import { CliError, type CommandRun, type CliIo } from '../command';
import { exportBundle } from '../ledger/export-bundle';
import { apiKeyFrom, baseUrl } from '../api-access';
import { HttpGraphQLClient, sayWaits } from '../ledger/graphql-client';
import type { ledgerExportOptions } from './ledger-export.command';

export const run: CommandRun<typeof ledgerExportOptions> = async (options, io) => {
  if (options.from > options.to) throw new UsageError('--from is after --to');
  const url = baseUrl(options.url);
  const apiKey = apiKeyFrom(process.env);
  assertEmptyDir(options.out);
  const held = options.since === undefined ? undefined : heldCheckpoint(options.since);
  const bundle = await exportBundle(new HttpGraphQLClient(url, apiKey, { onWait: sayWaits(io) }), {
    from: options.from,
    to: options.to,
    held,
  });
  writeBundleDir(options.out, bundle);
  reportExport(bundle, options.out, io);
};

/** A bundle is written into a fresh directory: a file left from another export would be read as part of this one. */
function assertEmptyDir(dir: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new CliError(`${dir}: ${(error as Error).message}`, 2);
  }
  if (entries.length > 0) throw new CliError(`${dir} is not empty: export into a new directory`, 2);
}

function heldCheckpoint(path: string): { file: CheckpointFile; treeSize: number } {
  try {
    const file = readJsonFile(path) as CheckpointFile;
    const claimed = typeof file?.note === 'string' ? claimedCheckpoint(file.note) : null;
    if (!claimed) throw new BundleInputError(`${path}: not a checkpoint ({ "note": "<signed checkpoint note>" })`);
    return { file: { note: file.note }, treeSize: claimed.treeSize };
  } catch (error) {
    if (error instanceof BundleInputError) throw new CliError(error.message, 2);
    throw error;
  }
}

function reportExport({ manifest }: LedgerBundle, dir: string, io: CliIo): void {
  const missing = manifest.missing ?? [];
  for (const { index, error } of missing) io.err(`warning: leaf ${index} is not in the bundle: ${error}\n`);
  if (manifest.since?.error)
    io.err(`warning: no consistency proof from the held checkpoint of ${manifest.since.treeSize} leaves: ${manifest.since.error}\n`);
  const gaps = missing.length ? ` (${missing.length} not given by the server)` : '';
  const since = manifest.since
    ? `, with the consistency proof from ${manifest.since.treeSize} leaves${manifest.since.error ? ' (refused)' : ''}`
    : '';
  io.out(
    `Exported leaves ${manifest.from} to ${manifest.to}${gaps} of ${manifest.origin}, against the checkpoint of ${manifest.treeSize} leaves${since}, into ${dir}\n`,
  );
}
