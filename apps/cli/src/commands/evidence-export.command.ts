import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { apiKeyFrom, baseUrl } from '../api-access';
import { UsageError } from '../args';
import { CliError, defineCommand } from '../command';
import { HttpGraphQLClient, sayWaits } from '../ledger/graphql-client';

const DECISION_EVIDENCE = `mutation($id: ID!) { decisionEvidence(decisionId: $id) { fileName sha256 byteSize contentBase64 } }`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface EvidenceFile {
  fileName: string;
  sha256: string;
  byteSize: number;
  contentBase64: string;
}

export const evidenceExportCommand = defineCommand({
  name: 'evidence export',
  summary: "Download a decision's evidence pack (a zip that `attest evidence verify` checks offline)",
  description:
    'Asks the API over HTTP, with the API key in ATTEST_API_KEY (never on the command line), for the evidence pack of ' +
    'one decision: the decision as stored (withheld parts left out for roles that may not read them), its trace, the ' +
    "policy evaluation and the pack's content, reviews, lineage, audit events, and every fact's ledger leaf with its " +
    'inclusion proof against the latest signed checkpoint. Layout: docs/evidence.md. The export is on the audit trail. ' +
    'Exit 0 when written, 1 when the server refuses it (the reason and code printed), 2 on bad input or an unreachable server.',
  options: {
    url: { type: 'string', required: true, valueName: 'url', description: "the API's base URL, e.g. http://localhost:3000" },
    decision: { type: 'string', required: true, valueName: 'id', description: 'the decision whose evidence to export' },
    out: { type: 'string', valueName: 'file', description: 'where to write the pack (default: the name the server gives, here)' },
  },
  async run(options, io) {
    if (!UUID.test(options.decision)) throw new UsageError(`--decision "${options.decision}" is not a decision id (a UUID)`);
    const client = new HttpGraphQLClient(baseUrl(options.url), apiKeyFrom(process.env), { onWait: sayWaits(io) });
    const { data, errors } = await client.request<{ decisionEvidence: EvidenceFile }>(DECISION_EVIDENCE, { id: options.decision });
    if (!data?.decisionEvidence) {
      const error = errors[0];
      throw new CliError(`the server refused the export: ${error?.message ?? 'no answer'} (${error?.extensions?.code ?? 'UNKNOWN'})`, 1);
    }
    const file = data.decisionEvidence;
    const bytes = Buffer.from(file.contentBase64, 'base64');
    if (createHash('sha256').update(bytes).digest('hex') !== file.sha256) {
      throw new CliError('the pack received does not match the digest the server gave: nothing written', 2);
    }
    const out = options.out ?? file.fileName;
    if (existsSync(out)) throw new CliError(`${out} exists: give another --out`, 2);
    writeFileSync(out, bytes, { flag: 'wx' });
    io.out(`${out}\n`);
    io.err(`wrote ${bytes.length} bytes, sha256 ${file.sha256}\n`);
  },
});
