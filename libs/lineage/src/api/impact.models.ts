import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { LineageNodeModel } from './lineage.models';

@ObjectType('DecisionCount')
export class DecisionCountModel {
  @Field({ description: 'A status (recorded, pending_review, blocked), or a month (YYYY-MM, UTC)' }) key: string;
  @Field(() => Int) count: number;
}

@ObjectType('DecisionImpact', { description: 'The decisions made by the affected model versions, counted (never listed)' })
export class DecisionImpactModel {
  @Field(() => Int) total: number;
  @Field(() => [DecisionCountModel]) byStatus: DecisionCountModel[];
  @Field(() => [DecisionCountModel], { description: 'Oldest month first' }) byMonth: DecisionCountModel[];
}

@ObjectType('DatasetImpact', { description: 'What a dataset version reaches downstream: the model versions trained or evaluated on it (through derived data too), the automation versions using them, their decisions' })
export class DatasetImpactModel {
  @Field(() => ID) datasetVersionId: string;
  @Field(() => [LineageNodeModel]) modelVersions: LineageNodeModel[];
  @Field(() => [LineageNodeModel]) automationVersions: LineageNodeModel[];
  @Field(() => DecisionImpactModel) decisions: DecisionImpactModel;
}
