import { Injectable } from '@nestjs/common';
import { AttestError, decodeCursor, encodeCursor, pageInfoOf, recordAudit, TenantDb, type Connection, type PageArgs } from '@attest/core';
import type { AuthenticatedPrincipal } from '@attest/identity';
import { JobQueue } from '@attest/jobs';
import type { VerifyLedgerArgs } from '../api/dto/verify-ledger.args';
import { LedgerVerifier } from '../verify/ledger-verifier.service';
import { heldHeads } from '../verify/signed-heads';
import { resolveRange } from '../verify/verification-range';
import type { LedgerVerificationJobModel } from './models/ledger-verification-job.model';
import { LEDGER_VERIFICATION_JOB, VERIFICATION_JOB_OPTIONS, verificationJobId } from './ledger-verification.job';
import { toJobModel, type VerificationRow } from './verification-row';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * startLedgerVerification and its reads: the range is resolved and checked as verifyLedger would
 * (the held checkpoints opened with the log's key), stored with an audit event, and handed to the
 * `ledger.verification` job after the commit. At most one queued or running per tenant.
 */
@Injectable()
export class LedgerVerifications {
  constructor(
    private readonly db: TenantDb,
    private readonly jobs: JobQueue,
    private readonly verifier: LedgerVerifier,
  ) {}

  async start(actor: AuthenticatedPrincipal, args: VerifyLedgerArgs): Promise<LedgerVerificationJobModel> {
    const notes = args.checkpoints ?? [];
    const held = heldHeads(notes, this.verifier.trustFor(actor.tenantId));
    const row = await this.db.transaction(actor.tenantId, async (m) => {
      const range = await resolveRange(m, held, args.fromIndex, args.toIndex);
      if (!range) throw AttestError.validation('The log has no checkpoint yet: there is nothing to verify', { field: 'toIndex' });
      // The partial unique index admits one unfinished verification per tenant; a second inserts nothing.
      const [inserted]: VerificationRow[] = await m.query(
        `INSERT INTO ledger_verifications (tenant_id, requested_by, from_index, to_index, checkpoints) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (tenant_id) WHERE status IN ('queued', 'running') DO NOTHING RETURNING *`,
        [actor.tenantId, actor.principalId, range.fromIndex, range.toIndex, JSON.stringify(notes)],
      );
      if (!inserted)
        throw AttestError.conflict(
          "A verification of this tenant's ledger is queued or running: wait for it to finish (ledgerVerifications)",
        );
      await recordAudit(m, actor, {
        action: 'ledger_verification.requested',
        subjectType: 'LedgerVerification',
        subjectId: inserted.id,
        after: { fromIndex: range.fromIndex, toIndex: range.toIndex, checkpoints: notes.length },
      });
      return inserted;
    });
    // A failed enqueue is left to the recovery sweep: the verification is stored, its job will come.
    await this.jobs
      .enqueue(
        LEDGER_VERIFICATION_JOB,
        { tenantId: actor.tenantId, verificationId: row.id },
        { jobId: verificationJobId(row), ...VERIFICATION_JOB_OPTIONS },
      )
      .catch(() => undefined);
    return toJobModel(row);
  }

  get(actor: AuthenticatedPrincipal, id: string): Promise<LedgerVerificationJobModel> {
    return this.db.transaction(actor.tenantId, async (m) => {
      const [row]: VerificationRow[] = await m.query('SELECT * FROM ledger_verifications WHERE id = $1', [id]);
      if (!row) throw AttestError.notFound('LedgerVerification', id);
      return toJobModel(row);
    });
  }

  /** Newest first, keyset-paged on (created_at, id) as every list is. */
  list(actor: AuthenticatedPrincipal, page: PageArgs): Promise<Connection<LedgerVerificationJobModel>> {
    const after = page.after ? decodeCursor(page.after) : null;
    if (after && !UUID.test(after.id)) throw AttestError.validation('The cursor is not valid', { field: 'after' });
    return this.db.transaction(actor.tenantId, async (m) => {
      const rows: VerificationRow[] = await m.query(
        `SELECT * FROM ledger_verifications
          WHERE tenant_id = $1 AND ($2::timestamptz IS NULL OR (created_at, id) < ($2::timestamptz, $3::uuid))
          ORDER BY created_at DESC, id DESC LIMIT $4`,
        [actor.tenantId, after?.createdAt ?? null, after?.id ?? null, page.first + 1],
      );
      const edges = rows
        .slice(0, page.first)
        .map((row) => ({ cursor: encodeCursor({ createdAt: row.created_at, id: row.id }), node: toJobModel(row) }));
      return { edges, pageInfo: pageInfoOf(edges, rows.length > page.first) };
    });
  }
}
