import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { apiKeyFrom, baseUrl } from '../api-access';
import { requireUuid, UsageError } from '../args';
import { CliError, type CommandRun } from '../command';
import { HttpGraphQLClient, sayWaits } from '../ledger/graphql-client';
import type { evidenceExportOptions } from './evidence-export.command';

const FILE = '{ fileName sha256 byteSize contentBase64 }';
const DECISION_EVIDENCE = `mutation($id: ID!) { pack: decisionEvidence(decisionId: $id) ${FILE} }`;
const MODEL_VERSION_EVIDENCE = `mutation($id: ID!) { pack: modelVersionEvidence(modelVersionId: $id) ${FILE} }`;
const AUDIT_PERIOD_EVIDENCE = `mutation($from: DateTime!, $to: DateTime!, $automationId: ID) {
  pack: auditPeriodEvidence(from: $from, to: $to, automationId: $automationId) ${FILE} }`;

/** The pack the options ask for, as the mutation and its variables: exactly one of a decision, a model version, or a period. */
function packRequest(o: { decision?: string; modelVersion?: string; from?: string; to?: string; automation?: string }) {
  const uuid = (name: string, value: string) => {
    requireUuid(name, value);
    return value;
  };
  const asked = [o.decision, o.modelVersion, o.from ?? o.to].filter((v) => v !== undefined).length;
  if (asked !== 1) throw new UsageError('give exactly one of --decision, --model-version, or --from with --to');
  if (o.automation !== undefined && o.from === undefined)
    throw new UsageError('--automation narrows a period: give it with --from and --to');
  if (o.decision !== undefined) return { query: DECISION_EVIDENCE, variables: { id: uuid('decision', o.decision) } };
  if (o.modelVersion !== undefined) return { query: MODEL_VERSION_EVIDENCE, variables: { id: uuid('model-version', o.modelVersion) } };
  if (o.from === undefined || o.to === undefined) throw new UsageError('a period needs both --from and --to');
  return {
    query: AUDIT_PERIOD_EVIDENCE,
    variables: { from: o.from, to: o.to, automationId: o.automation === undefined ? null : uuid('automation', o.automation) },
  };
}

interface EvidenceFile {
  fileName: string;
  sha256: string;
  byteSize: number;
  contentBase64: string;
}

export const run: CommandRun<typeof evidenceExportOptions> = async (options, io) => {
  const { query, variables } = packRequest({ ...options, modelVersion: options['model-version'] });
  const client = new HttpGraphQLClient(baseUrl(options.url), apiKeyFrom(process.env), { onWait: sayWaits(io) });
  const { data, errors } = await client.request<{ pack: EvidenceFile }>(query, variables);
  if (!data?.pack) {
    const error = errors[0];
    throw new CliError(`the server refused the export: ${error?.message ?? 'no answer'} (${error?.extensions?.code ?? 'UNKNOWN'})`, 1);
  }
  const file = data.pack;
  const bytes = Buffer.from(file.contentBase64, 'base64');
  if (createHash('sha256').update(bytes).digest('hex') !== file.sha256) {
    throw new CliError('the pack received does not match the digest the server gave: nothing written', 2);
  }
  const out = options.out ?? file.fileName;
  if (existsSync(out)) throw new CliError(`${out} exists: give another --out`, 2);
  writeFileSync(out, bytes, { flag: 'wx' });
  io.out(`${out}\n`);
  io.err(`wrote ${bytes.length} bytes, sha256 ${file.sha256}\n`);
};
