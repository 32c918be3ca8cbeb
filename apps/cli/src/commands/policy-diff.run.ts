import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  COMMENT_MARKER,
  DecisionRecordError,
  decisionsFromFile,
  diffCheckReport,
  diffMarkdown,
  diffText,
  FailOnError,
  parseFailOn,
  policyDiff,
  type ReplayRecord,
} from '@attest/policy-review';
import { CliError, type CommandRun, type CliIo } from '../command';
import { HttpGraphQLClient, sayWaits } from '../ledger/graphql-client';
import { recordsFromApi } from '../policy/decisions-from-api';
import { parseFormat, type OutputFormat } from '../policy/format-option';
import { invalidInputRenderings, render } from '../policy/output-format';
import { attestVersion } from '../repo-root';
import { PoliciesDoNotLoad, refSide, workTreeSide } from '../policy/policy-sides';
import type { policyDiffOptions } from './policy-diff.command';

export const run: CommandRun<typeof policyDiffOptions> = async (options, io) => {
  const format = parseFormat(options.format);
  const head = options.head ?? 'policies';
  if (!existsSync(resolve(head))) throw new CliError(`${head}: no such folder`, 2);
  if (options.decisions && options['from-api']) throw new CliError('give --decisions or --from-api, not both', 2);
  let failOn;
  try {
    failOn = parseFailOn(options['fail-on'] ?? '');
  } catch (error) {
    if (error instanceof FailOnError) throw new CliError(error.message, 2);
    throw error;
  }
  const [baseSide, headSide] = loadSides(head, options.base, format, io);
  const report = await policyDiff(baseSide, headSide, {
    decisions: decisionSource(options, io),
    failOn,
    examples: options.examples,
    onProgress: progress(io),
  }).catch((error: unknown) => {
    if (error instanceof DecisionRecordError) throw new CliError(`${options.decisions}: ${error.message}`, 2);
    throw error;
  });
  if (process.stderr.isTTY) io.err('\n');
  const version = attestVersion();
  io.out(
    render(format, {
      text: () => diffText(report),
      markdown: () => diffMarkdown(report),
      json: () => report,
      checks: () => diffCheckReport(report, version),
    }),
  );
  return report.checks.some((c) => !c.passed) ? 1 : 0;
};

/** Both sides must load: a diff of a pack that does not parse would say nothing true (exit 2, with file and line, annotated in the machine formats). */
function loadSides(head: string, base: string, format: OutputFormat, io: CliIo) {
  try {
    return [refSide(head, base), workTreeSide(head)] as const;
  } catch (error) {
    if (error instanceof PoliciesDoNotLoad && format !== 'text')
      io.out(render(format, invalidInputRenderings('attest policy diff', 'Attest policy review', error.problems, `${COMMENT_MARKER}\n\n`)));
    throw error;
  }
}

function decisionSource(
  options: { decisions?: string; 'from-api'?: string; since?: string },
  io: CliIo,
): { source: string; records: AsyncIterable<ReplayRecord> } | undefined {
  if (options.decisions) {
    if (!existsSync(options.decisions)) throw new CliError(`${options.decisions}: no such file`, 2);
    return { source: options.decisions, records: decisionsFromFile(options.decisions) };
  }
  const url = options['from-api'];
  if (!url) return undefined;
  const key = process.env.ATTEST_API_KEY;
  if (!key) throw new CliError('--from-api needs ATTEST_API_KEY (a read-only key is enough)', 2);
  if (options.since && Number.isNaN(Date.parse(options.since)))
    throw new CliError(`--since must be an ISO 8601 date, got "${options.since}"`, 2);
  return { source: url, records: recordsFromApi(new HttpGraphQLClient(url, key, { onWait: sayWaits(io) }), { from: options.since }) };
}

/** A progress line on a terminal only (stderr), so piped output and CI logs stay clean. */
function progress(io: CliIo): ((read: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (read) => io.err(`\rreplaying: ${read.toLocaleString('en-US')} decisions read`);
}
