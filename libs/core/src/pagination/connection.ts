import { type Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, Max, Min } from 'class-validator';

/** Relay's PageInfo (relay.dev/graphql/connections.htm): paging here is forward only, with `first` and `after`. */
@ObjectType({ description: 'Where a page sits in its list (Relay cursor connections)' })
export class PageInfo {
  @Field({ description: 'More rows follow: ask again with after: endCursor' }) hasNextPage: boolean;
  @Field({ description: 'Always false: lists are paged forward only, which the Relay specification allows' }) hasPreviousPage: boolean;
  @Field(() => String, { nullable: true, description: 'Cursor of the first edge; null on an empty page' }) startCursor: string | null;
  @Field(() => String, { nullable: true, description: 'Cursor of the last edge, for the next page; null on an empty page' }) endCursor: string | null;
}

/** The PageInfo of a forward page. */
export function pageInfoOf(edges: readonly { cursor: string }[], hasNextPage: boolean): PageInfo {
  return { hasNextPage, hasPreviousPage: false, startCursor: edges.at(0)?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null };
}

/** Forward pagination, newest first: `first` (1–100, default 20) rows after the `after` cursor. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: 'How many rows, 1 to 100' })
  @Min(1)
  @Max(100)
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'Rows after this cursor (pageInfo.endCursor of the previous page); none: from the start' })
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
    @Field({ description: 'Opaque position of this node, for `after`' }) cursor: string;
    @Field(() => node, { description: 'The row' }) node: T;
  }

  @ObjectType({ isAbstract: true })
  class ConnectionClass {
    @Field(() => [EdgeType], { description: 'The rows of this page, in list order' }) edges: Edge<T>[];
    @Field(() => PageInfo, { description: 'Whether more rows follow, and the cursor to ask for them' }) pageInfo: PageInfo;
  }
  return ConnectionClass as Type<Connection<T>>;
}

/** Query-cost estimator for connection fields: a page weighs `first` times its nodes. */
export const pageCost = ({ args, childComplexity }: { args: Record<string, unknown>; childComplexity: number }): number =>
  (typeof args.first === 'number' ? args.first : 20) * childComplexity;
