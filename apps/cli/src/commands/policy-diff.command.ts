import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  COMMENT_MARKER,
  DecisionRecordError,
  decisionsFromFile,
  diffCheckReport,
  diffMarkdown,
  diffText,
  FAIL_ON_HELP,
  FailOnError,
  parseFailOn,
  policyDiff,
  type ReplayRecord,
} from '@attest/policy-review';
import { CliError, defineCommand, type CliIo } from '../command';
import { HttpGraphQLClient, sayWaits } from '../ledger/graphql-client';
import { recordsFromApi } from '../policy/decisions-from-api';
import { FORMAT_OPTION, invalidInputRenderings, parseFormat, render, type OutputFormat } from '../policy/output-format';
import { attestVersion } from '../repo-root';
import { PoliciesDoNotLoad, refSide, workTreeSide } from '../policy/policy-sides';

export const policyDiffCommand = defineCommand({
  name: 'policy diff',
  summary: 'What a change to policies/ does: risk packs and access rules compared, recorded decisions replayed',
  description:
    'Compares the policies folder at --base (a git ref) with the work tree (or --head, a folder): risk policies added, ' +
    'removed and changed condition by condition; access rules as who-can-do-what (which role gains or loses which action on ' +
    'which subject); and, with --decisions (a .jsonl export, see `attest policy decisions`) or --from-api, every recorded ' +
    'decision re-evaluated under the base and head of each changed pack, with the outcomes that change. --fail-on turns ' +
    `findings into failures: ${FAIL_ON_HELP}. Exit 0, 1 when a --fail-on check fails, 2 on invalid input or an unknown ref.`,
  options: {
    base: { type: 'string', required: true, valueName: 'git-ref', description: 'the policies as they were at this ref (e.g. origin/main)' },
    head: { type: 'string', valueName: 'folder', description: 'the policies folder to compare (default: policies, as in the work tree)' },
    decisions: { type: 'string', valueName: 'file.jsonl', description: 'recorded decisions to replay, one JSON record per line' },
    'from-api': {
      type: 'string',
      valueName: 'url',
      description: "replay the decisions of a running Attest (ATTEST_API_KEY: a read-only key, e.g. an auditor's)",
    },
    since: { type: 'string', valueName: 'iso-date', description: 'with --from-api: decisions that occurred at or after this time' },
    'fail-on': {
      type: 'string',
      valueName: 'rules',
      description: 'comma-separated: new-deny, lost-review, flips>N, access-gained, access-changed, policy-changed',
    },
    examples: { type: 'integer', min: 0, max: 100, valueName: 'n', description: 'changed decisions shown per pack (default 5)' },
    format: FORMAT_OPTION,
  },
  async run(options, io) {
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
  },
});

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
