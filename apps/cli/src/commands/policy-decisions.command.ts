import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { CliError, defineCommand } from '../command';
import { HttpGraphQLClient, sayWaits } from '../ledger/graphql-client';
import { recordsFromApi } from '../policy/decisions-from-api';

export const policyDecisionsCommand = defineCommand({
  name: 'policy decisions',
  summary: 'Export recorded decisions (the facts the policies judged) as .jsonl, to replay with `attest policy diff --decisions`',
  description:
    'Reads the decisions of a running Attest over its API (ATTEST_API_KEY; a read-only role such as auditor is enough), 100 ' +
    'per request, and writes one JSON record per line: first the lifecycle gates (each model and automation version in ' +
    'review, approved or deployed, with the facts of the move into its status: "kind": "gate"), then the decisions, newest ' +
    'first: id, automationKey, recordedAt, what the pack decided then, and the facts it judged (redacted as stored; null when ' +
    'no pack was active; facts the key\'s role may not read are null and listed in "withheld").',
  options: {
    url: { type: 'string', required: true, valueName: 'url', description: "the API's base URL, e.g. https://attest.example.com" },
    out: { type: 'string', required: true, valueName: 'file.jsonl', description: 'where to write the records' },
    since: { type: 'string', valueName: 'iso-date', description: 'decisions that occurred at or after this time' },
    until: { type: 'string', valueName: 'iso-date', description: 'decisions that occurred before this time' },
  },
  async run(options, io) {
    const key = process.env.ATTEST_API_KEY;
    if (!key) throw new CliError('ATTEST_API_KEY must be set (a read-only key is enough)', 2);
    for (const name of ['since', 'until'] as const) {
      if (options[name] && Number.isNaN(Date.parse(options[name])))
        throw new CliError(`--${name} must be an ISO 8601 date, got "${options[name]}"`, 2);
    }
    // Written aside and renamed at the end: a failed export leaves no file that a replay would read as "no decisions".
    const partial = `${options.out}.partial`;
    const out = createWriteStream(partial, 'utf8');
    let written = 0;
    try {
      for await (const record of recordsFromApi(new HttpGraphQLClient(options.url, key, { onWait: sayWaits(io) }), {
        from: options.since,
        to: options.until,
      })) {
        if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain');
        written += 1;
      }
      out.end();
      await once(out, 'finish');
      renameSync(partial, options.out);
    } catch (error) {
      out.destroy();
      rmSync(partial, { force: true });
      throw error;
    }
    io.err(`wrote ${written} record${written === 1 ? '' : 's'} to ${options.out}\n`);
  },
});
