import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON } from '@attest/core';

export enum PolicySimulationStatus {
  QUEUED = 'queued',
  RUNNING = 'running',
  COMPLETED = 'completed',
  FAILED = 'failed',
}
registerEnumType(PolicySimulationStatus, {
  name: 'PolicySimulationStatus',
  description: 'Where a policy simulation job is',
  valuesMap: {
    QUEUED: { description: 'Waiting for a worker' },
    RUNNING: { description: 'Replaying decisions; see progress' },
    COMPLETED: { description: 'Done: summary, report and markdown are set' },
    FAILED: { description: 'Stopped: see error' },
  },
});

@ObjectType('PolicyOutcomeChange', { description: 'How many replayed decisions go from one effect to another (the same effect: other policies matched)' })
export class PolicyOutcomeChangeModel {
  @Field() from: string;
  @Field() to: string;
  @Field(() => Int) count: number;
}

@ObjectType('PolicySimulationSummary')
export class PolicySimulationSummaryModel {
  @Field(() => Int, { description: 'Decisions read' }) decisions: number;
  @Field(() => Int) replayed: number;
  @Field(() => Int, { description: 'Recorded without an active pack: no facts to replay' }) withoutFacts: number;
  @Field(() => Int, { description: 'Decisions and gates whose facts the candidate cannot evaluate' }) failed: number;
  @Field(() => Int, { description: 'Decisions whose outcome (effect or matched policies) changes' }) changed: number;
  @Field(() => [PolicyOutcomeChangeModel]) byEffect: PolicyOutcomeChangeModel[];
  @Field(() => Int) gatesChecked: number;
  @Field(() => Int, { description: 'Model and automation versions whose gate would judge the move into their status differently' }) gatesChanged: number;
  @Field(() => Int, { description: 'Of those, the ones the candidate would now refuse' }) gatesNowFailing: number;
}

@ObjectType('PolicySimulationProgress')
export class PolicySimulationProgressModel {
  @Field(() => Int, { description: 'Decisions replayed so far' }) processed: number;
  @Field(() => Int, { nullable: true, description: 'Decisions to replay; null until the job has counted them' }) total: number | null;
}

@ObjectType('PolicySimulation', { description: 'A candidate pack replayed against the recorded decisions and lifecycle gates, as a background job' })
export class PolicySimulationModel {
  @Field(() => ID) id: string;
  @Field(() => PolicySimulationStatus) status: PolicySimulationStatus;
  @Field(() => String, { nullable: true }) label: string | null;
  @Field({ description: 'Digest of the candidate pack' }) headDigest: string;
  @Field(() => String, { nullable: true, description: 'Digest of the active pack it is compared with; null when the tenant had none (every decision was allowed)' }) baseDigest: string | null;
  @Field(() => GraphQLJSON) filter: Record<string, unknown>;
  @Field(() => PolicySimulationProgressModel) progress: PolicySimulationProgressModel;
  @Field(() => PolicySimulationSummaryModel, { nullable: true, description: 'Once completed' }) summary: PolicySimulationSummaryModel | null;
  @Field(() => GraphQLJSON, { nullable: true, description: 'Once completed: the whole report (as attest policy diff --format json)' }) report: Record<string, unknown> | null;
  @Field(() => String, { nullable: true, description: 'Once completed: the report as Markdown (as attest policy diff --format markdown)' }) markdown: string | null;
  @Field(() => String, { nullable: true, description: 'Why it failed' }) error: string | null;
  @Field(() => ID) requestedBy: string;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) startedAt: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
}
