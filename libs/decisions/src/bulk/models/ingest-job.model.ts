import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IngestJobStatus } from '../bulk.dto';
import { BatchCountsModel } from './batch-counts.model';

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
