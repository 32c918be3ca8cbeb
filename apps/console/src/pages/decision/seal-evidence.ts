import { graphql } from '../../gql';

/** The raw evidence only: the leaf, its audit path and the signed checkpoint. No verdict is asked of the server. */
export const SealEvidenceDocument = graphql(`
  query SealEvidence($factId: String!) {
    tenant {
      id
    }
    ledgerInclusionProof(factId: $factId) {
      leaf
      leafIndex
      treeSize
      hashes
      checkpoint {
        note
      }
    }
  }
`);

/**
 * The log's published key: `GET /.well-known/attest/ledger-key` (public, the same key that
 * `attest ledger verify --key` takes). This is the console's one REST read outside GraphQL: the
 * key is published there for every verifier, and a verifier should not take the key from the same
 * channel as the proof. `verifierKey` is `<name>+<key id>+<base64 key>`; its id is recomputed when parsed.
 */
export async function fetchVerifierKey(): Promise<string> {
  const response = await fetch('/.well-known/attest/ledger-key', { credentials: 'omit', headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`the published key could not be read (HTTP ${response.status})`);
  const body = (await response.json()) as { verifierKey?: unknown };
  if (typeof body.verifierKey !== 'string') throw new Error('the published key has no verifierKey');
  return body.verifierKey;
}
