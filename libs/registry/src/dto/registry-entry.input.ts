import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID, Length, Matches } from 'class-validator';

export const NAME_PATTERN = /^\S(.*\S)?$/;

/** What every registry entry (model, dataset, automation) is registered with. */
@InputType({ isAbstract: true })
export abstract class RegistryEntryInput {
  @Field({ description: 'Display name; unique in the tenant for models and datasets (automations are unique by key)' })
  @Length(1, 200)
  @Matches(NAME_PATTERN, { message: 'name must not start or end with spaces' })
  name: string;

  @Field({ nullable: true, description: 'What it is, in words, at most 5000 characters' })
  @IsOptional()
  @Length(0, 5000)
  description?: string;

  @Field(() => ID, { nullable: true, description: 'Defaults to the caller' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;
}

/** The filters every registry list shares. */
@InputType({ isAbstract: true })
export abstract class RegistryEntryFilter {
  @Field(() => ID, { nullable: true, description: 'Only entries owned by this principal' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @Field({ nullable: true, description: 'Case-insensitive match on the name' })
  @IsOptional()
  @Length(1, 200)
  search?: string;
}
