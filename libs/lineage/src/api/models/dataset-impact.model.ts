import { Field, ID, ObjectType } from '@nestjs/graphql';
import { LineageNodeModel } from './lineage-node.model';
import { DecisionImpactModel } from './decision-impact.model';

@ObjectType('DatasetImpact', {
  description:
    'What a dataset version reaches downstream: the model versions trained or evaluated on it (through derived data too), the automation versions using them, their decisions',
})
export class DatasetImpactModel {
  @Field(() => ID, { description: 'The dataset version asked about' }) datasetVersionId: string;
  @Field(() => [LineageNodeModel], { description: 'Model versions trained or evaluated on it, directly or through derived datasets' })
  modelVersions: LineageNodeModel[];
  @Field(() => [LineageNodeModel], { description: 'Automation versions using those model versions' })
  automationVersions: LineageNodeModel[];
  @Field(() => DecisionImpactModel, { description: 'The decisions those model versions made, counted' }) decisions: DecisionImpactModel;
}
