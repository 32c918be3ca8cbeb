import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType, GraphQLSafeInt } from '@attest/core';
import { LedgerVerificationModel } from '../../api/models/ledger-verification.model';
import { LedgerVerificationStatus } from './ledger-verification-status.enum';

@ObjectType('LedgerVerificationJob', {
  description: 'A range of the log verified as a background job, a slice at a time (startLedgerVerification)',
})
export class LedgerVerificationJobModel {
  @Field(() => ID, { description: "The job's id (UUID): ask ledgerVerification with it" }) id: string;
  @Field(() => LedgerVerificationStatus, { description: 'Where the job is, and how it ended' }) status: LedgerVerificationStatus;
  @Field(() => GraphQLSafeInt, { description: 'The first leaf index to verify' }) fromIndex: number;
  @Field(() => GraphQLSafeInt, { description: 'Inclusive' }) toIndex: number;
  @Field(() => GraphQLSafeInt, { description: 'Leaves recomputed so far' }) leavesChecked: number;
  @Field(() => GraphQLSafeInt, { description: 'Signed checkpoints checked so far' }) checkpointsChecked: number;
  @Field(() => Float, { description: 'leavesChecked over the range, 0 to 1' }) progress: number;
  @Field(() => LedgerVerificationModel, {
    nullable: true,
    description: 'Once finished: what verifyLedger would have answered over the range',
  })
  result: LedgerVerificationModel | null;
  @Field(() => String, { nullable: true, description: 'Why it could not finish (no result then)' }) error: string | null;
  @Field(() => ID, { description: 'The principal that started it' }) requestedBy: string;
  @Field({ description: 'When it was requested, ISO 8601 (UTC)' }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When a worker first took it up; null while queued' }) startedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it succeeded or failed; null until then' }) finishedAt: Date | null;
}

@ObjectType('LedgerVerificationJobConnection', { description: 'A page of verification jobs, newest first' })
export class LedgerVerificationJobConnection extends ConnectionType(LedgerVerificationJobModel) {}
