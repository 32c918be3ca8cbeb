import { Field, ID, ObjectType } from '@nestjs/graphql';
import { LineageNodeModel } from './lineage-node.model';
import { DecisionImpactModel } from './decision-impact.model';

@ObjectType('DatasetImpact', { description: 'What a dataset version reaches downstream: the model versions trained or evaluated on it (through derived data too), the automation versions using them, their decisions' })
export class DatasetImpactModel {
  @Field(() => ID) datasetVersionId: string;
  @Field(() => [LineageNodeModel]) modelVersions: LineageNodeModel[];
  @Field(() => [LineageNodeModel]) automationVersions: LineageNodeModel[];
  @Field(() => DecisionImpactModel) decisions: DecisionImpactModel;
}
