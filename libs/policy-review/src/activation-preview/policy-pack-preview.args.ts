import { ArgsType, Field } from '@nestjs/graphql';
import { Matches } from 'class-validator';

@ArgsType()
export class PolicyPackPreviewArgs {
  @Field({ description: "A pack folder under the server's policies directory (one of availablePolicyPacks)" })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'name must be a pack folder name: lowercase letters, digits and dashes' })
  name: string;
}
