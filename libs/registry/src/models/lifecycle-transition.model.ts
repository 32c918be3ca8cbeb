import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { LifecycleTransitionEntity } from '../entities/lifecycle-transition.entity';
import { LifecycleStatus } from '../registry.enums';

@ObjectType('LifecycleTransition')
export class LifecycleTransitionModel {
  @Field(() => ID) id: string;
  @Field(() => LifecycleStatus) from: LifecycleStatus;
  @Field(() => LifecycleStatus) to: LifecycleStatus;
  @Field(() => ID) actorId: string;
  @Field() rationale: string;
  @Field() at: Date;
}

export function toTransitionModel(t: LifecycleTransitionEntity): LifecycleTransitionModel {
  return { id: t.id, from: t.fromStatus, to: t.toStatus, actorId: t.actorId, rationale: t.rationale, at: t.at };
}
