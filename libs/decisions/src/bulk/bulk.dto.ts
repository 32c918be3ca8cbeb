import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AttestError } from '@attest/core';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { RecordDecisionInput } from '../dto/record-decision.input';
import type { DecisionEntity } from '../entities/decision.entity';
import { DecisionModel } from '../models/decision.model';

/** Decisions per recordDecisions call (one transaction, answered at once). */
export const MAX_SYNC_BATCH = 1_000;
/** Decisions per ingestDecisions call (staged, recorded by the workers in chunks). */
export const MAX_INGEST_BATCH = 10_000;

// A batch is typed by GraphQL, but the resolvers receive it as `DecisionBatch` (an interface): the
// global ValidationPipe then leaves it alone rather than copying and walking up to 10,000 items,
// and each item is validated on its own (decision-item.validator.ts), so that one bad item is
// refused alone and the rest are recorded. The batch's size is checked by `assertBatchSize`.

@InputType()
export class RecordDecisionsInput {
  @Field(() => [RecordDecisionInput], { description: `1 to ${MAX_SYNC_BATCH} decisions, each as for recordDecision` })
  decisions: unknown[];
}

@InputType()
export class IngestDecisionsInput {
  @Field(() => [RecordDecisionInput], { description: `1 to ${MAX_INGEST_BATCH} decisions, each as for recordDecision` })
  decisions: unknown[];
}

export interface DecisionBatch {
  decisions: unknown[];
}

export function assertBatchSize(batch: DecisionBatch, max: number): void {
  const n = batch.decisions.length;
  if (n < 1 || n > max) throw AttestError.validation(`decisions: give 1 to ${max} decisions (got ${n})`, { field: 'decisions' });
}

@ObjectType('ItemError', { description: 'Why one item of a batch was not recorded (the others are not affected)' })
export class ItemErrorModel {
  @Field({ description: 'A stable error code: VALIDATION_FAILED, NOT_FOUND, FORBIDDEN, CONFLICT, …' }) code: string;
  @Field() message: string;
  @Field(() => String, { nullable: true, description: 'The input field at fault, when one is' }) field: string | null;
  @Field(() => ID, { nullable: true, description: 'CONFLICT: the decision already recorded under this idempotency key' }) decisionId: string | null;
}

/** An item's refusal as the API reports it. */
export function itemErrorOf(error: AttestError): ItemErrorModel {
  const { field, decisionId } = error.details ?? {};
  return {
    code: error.code,
    message: error.message,
    field: typeof field === 'string' ? field : null,
    decisionId: typeof decisionId === 'string' ? decisionId : null,
  };
}

@ObjectType('RecordDecisionResult')
export class RecordDecisionResultModel {
  @Field(() => Int, { description: 'Position of the item in the batch, from 0' }) index: number;
  // The stored row: DecisionModel's computed fields resolve from it (decision-fields.resolver.ts).
  @Field(() => DecisionModel, { nullable: true, description: 'Null when the item was refused (see error)' }) decision: DecisionEntity | null;
  @Field({ description: 'The idempotency key was already recorded with the same payload: nothing new was written' }) replayed: boolean;
  @Field(() => ItemErrorModel, { nullable: true }) error: ItemErrorModel | null;
}

@ObjectType('BatchCounts', { description: 'How the items of a batch came out; they add up to the items processed' })
export class BatchCountsModel {
  @Field(() => Int, { description: 'Newly recorded and allowed' }) recorded: number;
  @Field(() => Int, { description: 'Newly recorded, awaiting human review' }) pendingReview: number;
  @Field(() => Int, { description: 'Newly recorded as blocked by a policy' }) blocked: number;
  @Field(() => Int, { description: 'Already recorded with the same key and payload' }) replayed: number;
  @Field(() => Int, { description: 'Refused: see the item errors' }) failed: number;
}

@ObjectType('RecordDecisionsPayload')
export class RecordDecisionsPayload {
  @Field(() => [RecordDecisionResultModel], { description: 'One per item, in input order' }) results: RecordDecisionResultModel[];
  @Field(() => BatchCountsModel) counts: BatchCountsModel;
}

export enum IngestJobStatus {
  QUEUED = 'queued',
  RUNNING = 'running',
  COMPLETED = 'completed',
}
registerEnumType(IngestJobStatus, {
  name: 'IngestJobStatus',
  description: 'Where an asynchronous ingest of decisions is',
  valuesMap: {
    QUEUED: { description: 'No chunk done yet' },
    RUNNING: { description: 'Some chunks done' },
    COMPLETED: { description: 'Every item recorded or refused' },
  },
});

@ObjectType('IngestItemError', { description: 'A dead letter: an item of an ingest that was not recorded, and why (never its values)' })
export class IngestItemErrorModel extends ItemErrorModel {
  @Field(() => Int, { description: 'Position of the item in the submitted list, from 0' }) index: number;
  @Field(() => String, { nullable: true }) idempotencyKey: string | null;
}

@ObjectType('IngestJob', { description: 'An asynchronous ingest of decisions, recorded by the workers in chunks' })
export class IngestJobModel {
  @Field(() => ID) id: string;
  @Field(() => IngestJobStatus) status: IngestJobStatus;
  @Field(() => Int) itemCount: number;
  @Field(() => Int, { description: 'Items recorded or refused so far' }) processed: number;
  @Field(() => BatchCountsModel) counts: BatchCountsModel;
  @Field(() => Int) chunkCount: number;
  @Field(() => Int) chunksDone: number;
  @Field(() => ID) submittedBy: string;
  @Field(() => String, { nullable: true }) correlationId: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When the last chunk was done' }) completedAt: Date | null;
}

@ArgsType()
export class IngestJobErrorsArgs {
  @Field(() => Int, { defaultValue: 100, description: '1 to 1000' }) @IsInt() @Min(1) @Max(1000) first: number = 100;
  @Field(() => Int, { nullable: true, description: 'Errors of items after this index (the last index of the previous page)' })
  @IsOptional() @IsInt() @Min(-1)
  afterIndex?: number;
}

@ArgsType()
export class IngestJobArgs {
  @Field(() => ID) @IsUUID() id: string;
}
