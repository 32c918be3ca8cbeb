import { Injectable } from '@nestjs/common';
import { auditedCsvExport, byKeys, keysetBatches, TenantDb, type CsvOutcome, type CsvValue } from '@attest/core';
import type { AuthenticatedPrincipal } from '@attest/identity';
import { LedgerSeals } from '@attest/ledger';
import { AutomationsService } from '@attest/registry';
import type { Response } from 'express';
import { DecisionFieldAccess } from '../access/decision-field-access';
import type { DecisionFilter } from '../dto/decisions.args';
import { DecisionsService } from '../queries/decisions.service';
import { DECISION_CSV_HEADER, decisionCsvRecord } from './decision-csv';

/** Rows read per keyset page: large enough to amortise the round trips, small enough to stream. */
const BATCH = 500;

/**
 * GET /api/v1/decisions.csv: the rows of the `decisions` query with the same filter, read through
 * the same service (same access rules, same order), withheld fields as GraphQL withholds them.
 */
@Injectable()
export class DecisionsExport {
  constructor(
    private readonly db: TenantDb,
    private readonly decisions: DecisionsService,
    private readonly automations: AutomationsService,
    private readonly seals: LedgerSeals,
  ) {}

  toCsv(actor: AuthenticatedPrincipal, filter: DecisionFilter, res: Response): Promise<CsvOutcome> {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    return auditedCsvExport(
      this.db,
      actor,
      res,
      { of: 'decisions', filters: filter },
      { filename: `decisions-${stamp}.csv`, header: DECISION_CSV_HEADER, rows: this.rows(actor, filter) },
    );
  }

  private async *rows(actor: AuthenticatedPrincipal, filter: DecisionFilter): AsyncGenerator<CsvValue[][]> {
    const access = this.fieldAccess(actor);
    for await (const batch of keysetBatches((after) => this.decisions.list(actor, { first: BATCH, after, filter }))) {
      const ids = batch.map((d) => d.id);
      const [reviews, seals] = await Promise.all([
        this.decisions.reviewsOf(actor, ids),
        this.seals.sealsOf(actor.tenantId, 'decision', ids),
      ]);
      const reviewOf = byKeys(ids, reviews, (r) => r.decisionId);
      const sealOf = byKeys(ids, seals, (s) => s.factId);
      yield await Promise.all(batch.map((d, i) => decisionCsvRecord(d, reviewOf[i], sealOf[i], access)));
    }
  }

  /** As the GraphQL fields decide, with the automations' owners cached for the whole export. */
  private fieldAccess(actor: AuthenticatedPrincipal): DecisionFieldAccess {
    const owners = new Map<string, Promise<string | null>>();
    const ownerOf = (id: string) => {
      if (!owners.has(id))
        owners.set(
          id,
          this.automations.loadMany(actor, [id]).then(([a]) => a?.ownerId ?? null),
        );
      return owners.get(id)!;
    };
    return new DecisionFieldAccess(actor.ability, ownerOf);
  }
}
