import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { CliError, type CommandRun } from '../command';
import { HttpGraphQLClient, sayWaits } from '../ledger/graphql-client';
import { recordsFromApi } from '../policy/decisions-from-api';
import type { policyDecisionsOptions } from './policy-decisions.command';

export const run: CommandRun<typeof policyDecisionsOptions> = async (options, io) => {
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
};
