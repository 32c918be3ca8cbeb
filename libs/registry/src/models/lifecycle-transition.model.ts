import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { LifecycleTransitionEntity } from '../entities/lifecycle-transition.entity';
import { LifecycleStatus } from '../registry.enums';

@ObjectType('LifecycleTransition', { description: 'One move of a version through its lifecycle, with who and why' })
export class LifecycleTransitionModel {
  @Field(() => ID, { description: "The transition's id (UUID)" }) id: string;
  @Field(() => LifecycleStatus, { description: 'The status it left' }) from: LifecycleStatus;
  @Field(() => LifecycleStatus, { description: 'The status it entered' }) to: LifecycleStatus;
  @Field(() => ID, { description: 'The principal that moved it' }) actorId: string;
  @Field({ description: "Why, in the actor's words" }) rationale: string;
  @Field({ description: 'When, ISO 8601 (UTC)' }) at: Date;
}

export function toTransitionModel(t: LifecycleTransitionEntity): LifecycleTransitionModel {
  return { id: t.id, from: t.fromStatus, to: t.toStatus, actorId: t.actorId, rationale: t.rationale, at: t.at };
}
