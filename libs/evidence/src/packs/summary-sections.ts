import type { DocumentSection } from '../rendering';
import type { DecisionCountsRecord, PackFact } from './pack-layout';

export const text = (value: unknown) =>
  value === null || value === undefined ? '-' : typeof value === 'string' ? value : JSON.stringify(value);

const percent = (part: number, whole: number) => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)} %`);

/** Decision counts by status, reviewed and overridden, with what backs them: the server's count, not proofs. */
export function countsSection(heading: string, counts: DecisionCountsRecord): DocumentSection {
  return {
    heading,
    blocks: [
      {
        facts: [
          ['Decisions', String(counts.total)],
          ...Object.entries(counts.byStatus).map(([status, n]): [string, string] => [status.replace(/_/g, ' '), String(n)]),
          ['Reviewed by a person', `${counts.reviewed} (${percent(counts.reviewed, counts.total)})`],
          ['Overridden by a reviewer', `${counts.overridden} (${percent(counts.overridden, counts.reviewed)} of those reviewed)`],
        ],
      },
      {
        paragraph:
          "These counts are not proved one by one: the server counted them under the exporter's read rules. Each decision is a sealed fact of the ledger that a decision pack proves.",
      },
    ],
  };
}

/** The ledger facts a pack proves, at most `shown` of them listed. */
export function ledgerSection(origin: string, facts: PackFact[], treeSize: number, keyId: string, shown = 200): DocumentSection {
  return {
    heading: 'Ledger proofs',
    blocks: [
      {
        facts: [
          ['Log', origin],
          ['Checkpoint', `a tree of ${treeSize} leaves`],
          ['Signing key id', keyId],
          ['Facts proved', String(facts.length)],
        ],
      },
      { table: { columns: ['Leaf', 'Fact'], rows: facts.slice(0, shown).map((f) => [String(f.index), `${f.kind} ${f.factId}`]) } },
      ...(facts.length > shown ? [{ paragraph: `${facts.length - shown} more facts are listed in ledger/facts.json.` }] : []),
      { paragraph: 'Check it offline with the public key obtained out of band: attest evidence verify <pack.zip> --key pub.pem' },
    ],
  };
}
