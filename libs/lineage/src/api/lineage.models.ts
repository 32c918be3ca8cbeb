import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLSafeInt } from '@attest/core';
import { IsEnum, IsUUID } from 'class-validator';
import { LineageEdgeKind, LineageNodeType } from '../graph/lineage-vocabulary';

@InputType('LineageNodeInput', { description: 'A node of the lineage graph: its type and id' })
export class LineageNodeInput {
  @Field(() => LineageNodeType)
  @IsEnum(LineageNodeType)
  type: LineageNodeType;

  @Field(() => ID)
  @IsUUID()
  id: string;
}

@ObjectType('LineageNode')
export class LineageNodeModel {
  @Field(() => LineageNodeType) type: LineageNodeType;
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true, description: 'Name and version, or a decision\'s idempotency key' }) label: string | null;
  @Field(() => Int, { description: 'Hops from the node asked about (0 for itself)' }) depth: number;
}

@ObjectType('LineageNodeRef')
export class LineageNodeRefModel {
  @Field(() => LineageNodeType) type: LineageNodeType;
  @Field(() => ID) id: string;
}

@ObjectType('LineageEdge', { description: 'An edge, pointing downstream' })
export class LineageEdgeModel {
  @Field(() => LineageEdgeKind) kind: LineageEdgeKind;
  @Field(() => LineageNodeRefModel) upstream: LineageNodeRefModel;
  @Field(() => LineageNodeRefModel) downstream: LineageNodeRefModel;
  @Field({ description: 'When the downstream node came about (registered, recorded, reviewed, or the run\'s event time)' }) at: Date;
  @Field(() => ID, { nullable: true, description: 'The OpenLineage run that made the edge' }) runId: string | null;
}

@ObjectType('LineageGraph')
export class LineageGraphModel {
  @Field(() => [LineageNodeModel], { description: 'The node asked about first, then by distance' }) nodes: LineageNodeModel[];
  @Field(() => [LineageEdgeModel]) edges: LineageEdgeModel[];
  @Field({ description: 'true when maxEdges was reached before depth: ask with a smaller depth, or use impactOf for counts' }) truncated: boolean;
}

@ObjectType('LineageEvidence', { description: 'Who brought a node about, when, and where the audit trail and the ledger hold it' })
export class LineageEvidenceModel {
  @Field(() => ID, { description: 'The registrant, the principal that recorded the decision, the reviewer, or the producer that reported the run' }) actorId: string;
  @Field(() => String, { nullable: true }) actorName: string | null;
  @Field() at: Date;
  @Field(() => ID, { nullable: true, description: 'The audit event of its registration (or recording, or review)' }) auditEventId: string | null;
  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Index of the ledger leaf that seals it; null until sealed' }) ledgerIndex: number | null;
  @Field(() => Date, { nullable: true }) sealedAt: Date | null;
}

@ObjectType('LineageHop', { description: 'A node of a decision\'s upstream chain, with its evidence' })
export class LineageHopModel {
  @Field(() => LineageNodeModel) node: LineageNodeModel;
  @Field(() => LineageEvidenceModel, { nullable: true, description: 'null for external datasets (named by events and decisions, never registered); a run\'s is who reported it' }) evidence: LineageEvidenceModel | null;
}

@ObjectType('DecisionLineage', { description: 'A decision\'s full upstream chain to its source datasets, each hop with its evidence' })
export class DecisionLineageModel {
  @Field(() => [LineageHopModel], { description: 'The decision first, then by distance' }) hops: LineageHopModel[];
  @Field(() => [LineageEdgeModel]) edges: LineageEdgeModel[];
  @Field(() => [LineageNodeModel], { description: 'The dataset versions and external datasets with nothing further upstream' }) sources: LineageNodeModel[];
  @Field() truncated: boolean;
}
