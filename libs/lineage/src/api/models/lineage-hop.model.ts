import { Field, ObjectType } from '@nestjs/graphql';
import { LineageEvidenceModel } from './lineage-evidence.model';
import { LineageNodeModel } from './lineage-node.model';

@ObjectType('LineageHop', { description: "A node of a decision's upstream chain, with its evidence" })
export class LineageHopModel {
  @Field(() => LineageNodeModel, { description: 'The node' }) node: LineageNodeModel;
  @Field(() => LineageEvidenceModel, {
    nullable: true,
    description: "null for external datasets (named by events and decisions, never registered); a run's is who reported it",
  })
  evidence: LineageEvidenceModel | null;
}
