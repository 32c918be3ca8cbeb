import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IngestJobStatus } from '../bulk.dto';
import { BatchCountsModel } from './batch-counts.model';

@ObjectType('IngestJob', { description: 'An asynchronous ingest of decisions, recorded by the workers in chunks' })
export class IngestJobModel {
  @Field(() => ID, { description: "The job's id (UUID): ask ingestJob with it" }) id: string;
  @Field(() => IngestJobStatus, { description: 'Where the job is: nothing done yet, under way, or every item recorded or refused' })
  status: IngestJobStatus;
  @Field(() => Int, { description: 'Decisions submitted' }) itemCount: number;
  @Field(() => Int, { description: 'Items recorded or refused so far' }) processed: number;
  @Field(() => BatchCountsModel, { description: 'How the items processed so far came out' }) counts: BatchCountsModel;
  @Field(() => Int, { description: 'Chunks the items were split into (each recorded in one transaction)' }) chunkCount: number;
  @Field(() => Int, { description: 'Chunks recorded so far' }) chunksDone: number;
  @Field(() => ID, { description: 'The principal that called ingestDecisions' }) submittedBy: string;
  @Field(() => String, {
    nullable: true,
    description: 'The correlation id of the submitting request: the audit events of its items carry it',
  })
  correlationId: string | null;
  @Field({ description: 'When it was submitted, ISO 8601 (UTC)' }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When the last chunk was done' }) completedAt: Date | null;
}
