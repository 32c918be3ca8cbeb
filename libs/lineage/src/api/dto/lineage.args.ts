import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, Max, Min, ValidateNested } from 'class-validator';
import { LineageDirection } from '../../graph/lineage-vocabulary';
import { LineageNodeInput } from './lineage-node.input';

export const MAX_DEPTH = 10;
export const MAX_EDGES = 5000;

@ArgsType()
export class LineageArgs {
  @Field(() => LineageNodeInput, { description: 'The node to start from' })
  @ValidateNested()
  @Type(() => LineageNodeInput)
  node: LineageNodeInput;

  @Field(() => LineageDirection, {
    defaultValue: LineageDirection.UPSTREAM,
    description: 'Upstream (where it came from), downstream (what it reached), or both',
  })
  @IsEnum(LineageDirection)
  direction: LineageDirection = LineageDirection.UPSTREAM;

  @Field(() => Int, { defaultValue: 5, description: `Hops to follow, 1 to ${MAX_DEPTH}` })
  @IsInt()
  @Min(1)
  @Max(MAX_DEPTH)
  depth: number = 5;

  @Field(() => Int, { defaultValue: 1000, description: `Edges to return at most, 1 to ${MAX_EDGES} (truncated says when reached)` })
  @IsInt()
  @Min(1)
  @Max(MAX_EDGES)
  maxEdges: number = 1000;
}
