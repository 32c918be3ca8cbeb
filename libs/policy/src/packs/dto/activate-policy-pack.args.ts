import { ArgsType, Field } from '@nestjs/graphql';
import { Length, Matches } from 'class-validator';

@ArgsType()
export class ActivatePolicyPackArgs {
  @Field({ description: 'A pack folder under the server\'s policies directory, e.g. "default"' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'name must be a pack folder name: lowercase letters, digits and dashes' })
  name: string;

  @Field({ description: 'Why this pack now: kept with the activation and in the audit trail' })
  @Length(3, 2000)
  rationale: string;
}
