import type { OptionSpecs } from '../args';
import { defineCommand } from '../command';

export const policyDecisionsOptions = {
  url: { type: 'string', required: true, valueName: 'url', description: "the API's base URL, e.g. https://attest.example.com" },
  out: { type: 'string', required: true, valueName: 'file.jsonl', description: 'where to write the records' },
  since: { type: 'string', valueName: 'iso-date', description: 'decisions that occurred at or after this time' },
  until: { type: 'string', valueName: 'iso-date', description: 'decisions that occurred before this time' },
} satisfies OptionSpecs;

export const policyDecisionsCommand = defineCommand({
  name: 'policy decisions',
  summary: 'Export recorded decisions (the facts the policies judged) as .jsonl, to replay with `attest policy diff --decisions`',
  description:
    'Reads the decisions of a running Attest over its API (ATTEST_API_KEY; a read-only role such as auditor is enough), 100 ' +
    'per request, and writes one JSON record per line: first the lifecycle gates (each model and automation version in ' +
    'review, approved or deployed, with the facts of the move into its status: "kind": "gate"), then the decisions, newest ' +
    'first: id, automationKey, recordedAt, what the pack decided then, and the facts it judged (redacted as stored; null when ' +
    'no pack was active; facts the key\'s role may not read are null and listed in "withheld").',
  options: policyDecisionsOptions,
  load: () => import('./policy-decisions.run'),
});
