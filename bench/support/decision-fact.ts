import type { Pool } from 'pg';

/**
 * The fact of a decision's leaf as the ledger's trigger writes it (migrations/…-Ledger.ts): the
 * jsonb text of the claim-triage decision of bench-target.ts, recorded by a service principal
 * under the default pack — PostgreSQL's key order (shorter keys first) and its ", " and ": "
 * separators, content as salted digests (ledger format 3). Ids, keys, hashes and times vary with `i` at fixed
 * widths, so every leaf differs and all have the same size. The sequencer bench checks it against
 * a real decision's leaf (same fields; PostgreSQL prints it unchanged).
 */
export function decisionFactText(i: number): string {
  const n = i.toString(16).padStart(12, '0');
  const at = new Date(1764583200000 + i).toISOString().replace('Z', '000Z');
  return (
    `{"id": "0d99d2da-b428-4d34-ad46-${n}", "kind": "decision", "input": "sha256-salted:c636a8506afac9007335aa77158235ef95721e53ade797483a9f${n}", ` +
    `"format": 3, "output": "sha256-salted:af8178638b8ae896dd2582d52b83c5a07d51bb7ca2ba4bab648e${n}", "status": "recorded", ` +
    `"context": "sha256-salted:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c0${n}", "traceId": null, ` +
    `"tenantId": "9a26acbd-6055-4c0d-b110-0364269517dc", "inputHash": "cd1e68dc8c31a1b4bc5dd9b6557e7d589a8819bc6fec954a3d70${n}", ` +
    `"confidence": 0.93, "occurredAt": "${at}", "recordedAt": "${at}", "recordedBy": "2ea6209b-1ec2-4132-bd9d-a2cf3dfede49", ` +
    `"redactions": [{"path": "$.input.claimId", "count": 1, "detector": "phone"}, {"path": "$.input.claimant.email", "count": 1, "detector": "email"}], ` +
    `"explanation": "sha256-salted:9dc95e65139058d9336c41ffc6ae22100a9cba3616813280ea2b${n}", ` +
    `"policyFacts": "sha256-salted:145049cf714dd3a7853825a7ab0105486068c1177b0cc0b1d724${n}", ` +
    `"requestHash": "49f46fc2ac9180053d33d278305e947793a7556db815ac2f77b0${n}", "subjectHash": null, ` +
    `"automationId": "ca79a813-286f-4c42-853b-8bece787a284", "policyEffect": "allow", "correlationId": null, "policyResults": [], ` +
    `"idempotencyKey": "sha256-salted:0c1f9e2b7d4a58c3e6f0b19a2d7c4e8f5a3b6d9c0e2f4a7b8c1d${n}", "modelVersionId": "b36f1c45-ad2a-4857-84f8-3ca0e97ae186", ` +
    `"policyPackDigest": "c7e02a0326a5d57d522a6ba383e1ab0c846542aa72debfaa491523022feab91c", ` +
    `"automationVersionId": "8cec7112-4f5a-4838-a8b7-3c8c69c62763"}`
  );
}

/**
 * Throws unless decisionFactText has the fields of the newest decision leaf in the database and is
 * PostgreSQL's own jsonb text of itself; returns the two sizes in bytes.
 */
export async function checkAgainstStoredDecisionLeaf(pool: Pool): Promise<{ synthetic: number; stored: number }> {
  const synthetic = decisionFactText(0);
  const { rows } = await pool.query<{ unchanged: boolean; same_fields: boolean; stored: number }>(
    `SELECT $1::text::jsonb::text = $1::text AS unchanged, octet_length(fact) AS stored,
            (SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(fact::jsonb) k) = (SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys($1::text::jsonb) k) AS same_fields
       FROM ledger_leaves WHERE kind = 'decision' ORDER BY id DESC LIMIT 1`,
    [synthetic],
  );
  if (!rows[0]?.unchanged || !rows[0].same_fields)
    throw new Error(`decisionFactText is not a decision leaf's fact any more: ${JSON.stringify(rows[0])}`);
  return { synthetic: Buffer.byteLength(synthetic), stored: rows[0].stored };
}
