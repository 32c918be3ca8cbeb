import { recordAudit, type AuditActor } from '@attest/core';
import type { EntityManager } from 'typeorm';

/**
 * Who asked about which person (docs/evidence.md "For the person decided about"): one audit event per
 * lookup (`subject.looked_up`: decisionsForSubject) or explanation (`subject.explained`:
 * subjectExplanation), on the subject type `Subject`, whose id is the keyed hash of the reference
 * (the same hash decisions store), never the reference itself. `after` names the decisions the answer held.
 */
export async function recordSubjectLookup(
  m: EntityManager,
  actor: AuditActor,
  action: 'subject.looked_up' | 'subject.explained',
  subjectHash: string,
  after: { decisionIds: string[] } & Record<string, unknown>,
): Promise<void> {
  await recordAudit(m, actor, { action, subjectType: 'Subject', subjectId: subjectHash, before: null, after });
}
