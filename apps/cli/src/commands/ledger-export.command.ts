import { readdirSync } from 'node:fs';
import { BundleInputError, claimedCheckpoint, readJsonFile, writeBundleDir, type CheckpointFile, type LedgerBundle } from '@attest/ledger';
import { UsageError } from '../args';
import { CliError, defineCommand, type CliIo } from '../command';
import { exportBundle } from '../ledger/export-bundle';
import { apiKeyFrom, baseUrl } from '../api-access';
import { HttpGraphQLClient, sayWaits } from '../ledger/graphql-client';

export const ledgerExportCommand = defineCommand({
  name: 'ledger export',
  summary: "Export leaves of a tenant's log with their proofs against the latest checkpoint, for `ledger verify --bundle`",
  description:
    'Reads the API over HTTP with the API key in ATTEST_API_KEY (never on the command line) and writes into a new ' +
    'directory the latest signed checkpoint, each leaf from --from to --to byte for byte with its inclusion proof, each ' +
    'fact as the server recomputes it now, and with --since the consistency proof from a checkpoint you hold. ' +
    'Layout: docs/ledger-export.md. Exit 0 when written (what the server did not give is noted for the verifier), ' +
    '2 on bad input or when the server cannot be read.',
  options: {
    url: { type: 'string', required: true, valueName: 'url', description: "the API's base URL, e.g. http://localhost:3000" },
    from: { type: 'integer', required: true, min: 0, valueName: 'index', description: 'the first leaf to export' },
    to: { type: 'integer', required: true, min: 0, valueName: 'index', description: 'the last leaf to export (inclusive)' },
    out: { type: 'string', required: true, valueName: 'dir', description: 'a new or empty directory to write the bundle into' },
    since: {
      type: 'string',
      valueName: 'file',
      description: 'a checkpoint you hold (JSON with "note"): adds the proof that the log extends it',
    },
  },
  async run(options, io) {
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
  },
});

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
