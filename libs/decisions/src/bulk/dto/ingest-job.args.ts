import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class IngestJobArgs {
  @Field(() => ID, { description: "The ingest job's id, as ingestDecisions returned it" }) @IsUUID() id: string;
}
