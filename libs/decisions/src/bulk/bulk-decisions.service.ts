import { ATTEST_CONFIG, mapInSlices, type AttestConfig } from '@attest/core';
import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedPrincipal } from '@attest/identity';
import { DecisionRecorder } from '../recording/decision-recorder.service';
import { countsOf } from './batch-counts';
import { assertBatchSize, MAX_SYNC_BATCH, type DecisionBatch } from './decision-batch';
import { itemErrorOf } from './models/item-error.model';
import type { RecordDecisionsPayload } from './models/record-decisions.payload';
import { decisionItemOf } from './decision-item.validator';
import { recordIsolatingDataErrors } from './record-isolating-data-errors';

/** recordDecisions: up to a thousand decisions in one transaction, each refused or recorded on its own. */
@Injectable()
export class BulkDecisionsService {
  constructor(
    private readonly recorder: DecisionRecorder,
    @Inject(ATTEST_CONFIG) private readonly config: AttestConfig,
  ) {}

  async record(actor: AuthenticatedPrincipal, input: DecisionBatch): Promise<RecordDecisionsPayload> {
    assertBatchSize(input, MAX_SYNC_BATCH);
    const items = await mapInSlices(input.decisions, (item, i) => decisionItemOf(item, i, this.config.maxJsonDepth));
    // A database error caused by one item's data refuses that item only, as in an ingest chunk.
    const outcomes = await this.recorder.recordBatch(actor, items, recordIsolatingDataErrors);
    return {
      results: outcomes.map((outcome, index) =>
        outcome.ok
          ? { index, decision: outcome.decision, replayed: outcome.replayed, error: null }
          : { index, decision: null, replayed: false, error: itemErrorOf(outcome.error) },
      ),
      counts: countsOf(outcomes),
    };
  }
}
