import { Field, InputType } from '@nestjs/graphql';
import { Length, Matches } from 'class-validator';

/** No control characters: the name is shown in lineage diagrams and sent to other lineage tools. */
const PRINTABLE = /^[^\p{Cc}]+$/u;

@InputType({
  description: 'A dataset outside the registry, named as OpenLineage names it (namespace + name), e.g. s3://data + claims/2025-11',
})
export class ExternalDatasetInput {
  @Field({ description: 'OpenLineage namespace: where the dataset lives, e.g. postgres://db.internal:5432 or s3://bucket' })
  @Length(1, 500)
  @Matches(PRINTABLE, { message: 'namespace must not contain control characters' })
  namespace: string;

  @Field({ description: 'OpenLineage name within the namespace, e.g. public.claims or claims/2025-11' })
  @Length(1, 1000)
  @Matches(PRINTABLE, { message: 'name must not contain control characters' })
  name: string;
}
