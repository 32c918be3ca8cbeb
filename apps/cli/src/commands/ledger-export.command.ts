import type { OptionSpecs } from '../args';
import { defineCommand } from '../command';

export const ledgerExportOptions = {
  url: { type: 'string', required: true, valueName: 'url', description: "the API's base URL, e.g. http://localhost:3000" },
  from: { type: 'integer', required: true, min: 0, valueName: 'index', description: 'the first leaf to export' },
  to: { type: 'integer', required: true, min: 0, valueName: 'index', description: 'the last leaf to export (inclusive)' },
  out: { type: 'string', required: true, valueName: 'dir', description: 'a new or empty directory to write the bundle into' },
  since: {
    type: 'string',
    valueName: 'file',
    description: 'a checkpoint you hold (JSON with "note"): adds the proof that the log extends it',
  },
} satisfies OptionSpecs;

export const ledgerExportCommand = defineCommand({
  name: 'ledger export',
  summary: "Export leaves of a tenant's log with their proofs against the latest checkpoint, for `ledger verify --bundle`",
  description:
    'Reads the API over HTTP with the API key in ATTEST_API_KEY (never on the command line) and writes into a new ' +
    'directory the latest signed checkpoint, each leaf from --from to --to byte for byte with its inclusion proof, each ' +
    'fact as the server recomputes it now, and with --since the consistency proof from a checkpoint you hold. ' +
    'Layout: docs/ledger-export.md. Exit 0 when written (what the server did not give is noted for the verifier), ' +
    '2 on bad input or when the server cannot be read.',
  options: ledgerExportOptions,
  load: () => import('./ledger-export.run'),
});
