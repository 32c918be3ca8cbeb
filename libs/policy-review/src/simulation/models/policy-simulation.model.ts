import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType, GraphQLJSON } from '@attest/core';

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

@ObjectType('PolicyOutcomeChange', {
  description: 'How many replayed decisions go from one effect to another (the same effect: other policies matched)',
})
export class PolicyOutcomeChangeModel {
  @Field({ description: 'The effect under the active pack' }) from: string;
  @Field({ description: 'The effect under the candidate pack' }) to: string;
  @Field(() => Int, { description: 'Decisions that go from one to the other' }) count: number;
}

@ObjectType('PolicySimulationSummary', { description: 'The counts of a completed simulation; the report has the details' })
export class PolicySimulationSummaryModel {
  @Field(() => Int, { description: 'Decisions read' }) decisions: number;
  @Field(() => Int, { description: 'Decisions replayed under both packs' }) replayed: number;
  @Field(() => Int, { description: 'Recorded without an active pack: no facts to replay' }) withoutFacts: number;
  @Field(() => Int, { description: 'Decisions and gates whose facts the candidate cannot evaluate' }) failed: number;
  @Field(() => Int, { description: 'Decisions whose outcome (effect or matched policies) changes' }) changed: number;
  @Field(() => [PolicyOutcomeChangeModel], { description: 'The replayed decisions by effect before and after' })
  byEffect: PolicyOutcomeChangeModel[];
  @Field(() => Int, { description: 'Model and automation versions whose lifecycle gate was replayed' }) gatesChecked: number;
  @Field(() => Int, { description: 'Model and automation versions whose gate would judge the move into their status differently' })
  gatesChanged: number;
  @Field(() => Int, { description: 'Of those, the ones the candidate would now refuse' }) gatesNowFailing: number;
}

@ObjectType('PolicySimulationProgress', { description: 'How far a running simulation has got' })
export class PolicySimulationProgressModel {
  @Field(() => Int, { description: 'Decisions replayed so far' }) processed: number;
  @Field(() => Int, { nullable: true, description: 'Decisions to replay; null until the job has counted them' }) total: number | null;
}

@ObjectType('PolicySimulation', {
  description: 'A candidate pack replayed against the recorded decisions and lifecycle gates, as a background job',
})
export class PolicySimulationModel {
  @Field(() => ID, { description: "The simulation's id (UUID): ask policySimulation with it" }) id: string;
  @Field(() => PolicySimulationStatus, { description: 'Where the job is, and how it ended' }) status: PolicySimulationStatus;
  @Field(() => String, { nullable: true, description: 'The label given with the candidate (e.g. its pull request); null when none' })
  label: string | null;
  @Field({ description: 'Digest of the candidate pack' }) headDigest: string;
  @Field(() => String, {
    nullable: true,
    description: 'Digest of the active pack it is compared with; null when the tenant had none (every decision was allowed)',
  })
  baseDigest: string | null;
  @Field(() => GraphQLJSON, { description: 'The decision filter it was asked with, as JSON' }) filter: Record<string, unknown>;
  @Field(() => PolicySimulationProgressModel, { description: 'Decisions replayed so far, out of how many' })
  progress: PolicySimulationProgressModel;
  @Field(() => PolicySimulationSummaryModel, { nullable: true, description: 'Once completed' })
  summary: PolicySimulationSummaryModel | null;
  @Field(() => GraphQLJSON, { nullable: true, description: 'Once completed: the whole report (as attest policy diff --format json)' })
  report: Record<string, unknown> | null;
  @Field(() => String, { nullable: true, description: 'Once completed: the report as Markdown (as attest policy diff --format markdown)' })
  markdown: string | null;
  @Field(() => String, { nullable: true, description: 'Why it failed' }) error: string | null;
  @Field(() => ID, { description: 'The principal that started it' }) requestedBy: string;
  @Field({ description: 'When it was requested, ISO 8601 (UTC)' }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When a worker took it up; null while queued' }) startedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it completed or failed; null until then' }) finishedAt: Date | null;
}

@ObjectType('PolicySimulationConnection', { description: 'A page of policy simulations, newest first' })
export class PolicySimulationConnection extends ConnectionType(PolicySimulationModel) {}
