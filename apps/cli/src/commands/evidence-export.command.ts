import type { OptionSpecs } from '../args';
import { defineCommand } from '../command';

export const evidenceExportOptions = {
  url: { type: 'string', required: true, valueName: 'url', description: "the API's base URL, e.g. http://localhost:3000" },
  decision: { type: 'string', valueName: 'id', description: 'the decision whose evidence to export' },
  'model-version': { type: 'string', valueName: 'id', description: 'the model version whose evidence to export' },
  from: { type: 'string', valueName: 'time', description: 'start of an audit period, inclusive (ISO 8601)' },
  to: { type: 'string', valueName: 'time', description: 'end of an audit period, exclusive (ISO 8601)' },
  automation: { type: 'string', valueName: 'id', description: "the automation whose period it is (default: the whole tenant's)" },
  out: { type: 'string', valueName: 'file', description: 'where to write the pack (default: the name the server gives, here)' },
} satisfies OptionSpecs;

export const evidenceExportCommand = defineCommand({
  name: 'evidence export',
  summary:
    'Download the evidence pack of a decision, a model version or an audit period (a zip that `attest evidence verify` checks offline)',
  description:
    'Asks the API over HTTP, with the API key in ATTEST_API_KEY (never on the command line), for an evidence pack: of ' +
    'one decision (--decision: the decision as stored, withheld parts left out for roles that may not read them, its trace, the ' +
    "policy evaluation and the pack's content, reviews, lineage, audit events), of a model version (--model-version: its " +
    'registration, lifecycle, approvals, gate verdicts, datasets, audit events and decision counts), or of an audit period ' +
    '(--from and --to, ISO 8601, at most 366 days, optionally --automation: counts, rates, policies fired and the audit ' +
    "events as CSV); each with every fact's ledger leaf and inclusion proof against the latest signed checkpoint. Layout: " +
    'docs/evidence.md. The export is on the audit trail. ' +
    'Exit 0 when written, 1 when the server refuses it (the reason and code printed), 2 on bad input or an unreachable server.',
  options: evidenceExportOptions,
  load: () => import('./evidence-export.run'),
});
