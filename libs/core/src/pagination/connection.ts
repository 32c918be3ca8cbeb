import { type Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, Max, Min } from 'class-validator';

@ObjectType()
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

/** Forward pagination, newest first: `first` (1–100, default 20) rows after the `after` cursor. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20 })
  @Min(1)
  @Max(100)
  first: number = 20;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  after?: string;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/** A Relay connection type for `node` (e.g. `ModelConnection` with `ModelEdge`). */
export function ConnectionType<T>(node: Type<T>): Type<Connection<T>> {
  @ObjectType(`${node.name.replace(/Model$/, '')}Edge`)
  class EdgeType {
    @Field() cursor: string;
    @Field(() => node) node: T;
  }

  @ObjectType({ isAbstract: true })
  class ConnectionClass {
    @Field(() => [EdgeType]) edges: Edge<T>[];
    @Field(() => PageInfo) pageInfo: PageInfo;
  }
  return ConnectionClass;
}

/** Query-cost estimator for connection fields: a page weighs `first` times its nodes. */
export const pageCost = ({ args, childComplexity }: { args: Record<string, unknown>; childComplexity: number }): number =>
  (typeof args.first === 'number' ? args.first : 20) * childComplexity;
