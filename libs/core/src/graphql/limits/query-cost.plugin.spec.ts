import type { GraphQLRequestContextDidResolveOperation, GraphQLRequestListener } from '@apollo/server';
import { buildSchema, getOperationAST, parse, type GraphQLError } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { ErrorCode } from '../../errors/error-code';
import { queryCostPlugin, type QueryCostContext } from './query-cost.plugin';

const schema = buildSchema('type Item { id: ID! name: String } type Query { items(first: Int!): [Item!]! item(id: ID!): Item }');

/** Runs the plugin's hook as Apollo does, and returns its refusal (undefined: let through). */
async function refusalOf(
  query: string,
  options: { max?: number; variables?: Record<string, unknown>; estimators?: ComplexityEstimator[]; context?: QueryCostContext } = {},
): Promise<GraphQLError | undefined> {
  const plugin = queryCostPlugin(options.max ?? 100, options.estimators);
  const listener = (await plugin.requestDidStart!({} as never)) as GraphQLRequestListener<object>;
  const document = parse(query);
  const request = {
    schema,
    document,
    operation: getOperationAST(document),
    request: { variables: options.variables },
    contextValue: options.context ?? {},
  };
  try {
    await listener.didResolveOperation!(request as unknown as GraphQLRequestContextDidResolveOperation<object>);
    return undefined;
  } catch (error) {
    return error as GraphQLError;
  }
}

describe('queryCostPlugin', () => {
  it('lets a query under the limit through', async () => {
    expect(await refusalOf('{ items(first: 5) { id name } }')).toBeUndefined();
  });

  it('keeps the estimate on the context, for the rate limits to count once the principal is known', async () => {
    const context: QueryCostContext = {};
    expect(await refusalOf('{ items(first: 5) { id name } }', { context })).toBeUndefined();
    expect(context.queryCost).toBe(3); // this schema declares no page weights: 1 per field
  });

  it('refuses a query over the limit with QUERY_TOO_COMPLEX and HTTP 400', async () => {
    const refusal = await refusalOf('{ a: items(first: 5) { id } b: items(first: 5) { id } }', { max: 3 });
    expect(refusal?.extensions).toMatchObject({ code: ErrorCode.QUERY_TOO_COMPLEX, maxComplexity: 3, http: { status: 400 } });
  });

  it('fails closed: an estimator that throws is a refusal, not a pass', async () => {
    const throwing: ComplexityEstimator = () => {
      throw new Error('Query exceeds the maximum allowed number of nodes.');
    };
    const refusal = await refusalOf('{ items(first: 1) { id } }', { estimators: [throwing] });
    expect(refusal?.extensions.code).toBe(ErrorCode.QUERY_TOO_COMPLEX);
    expect(refusal?.message).toMatch(/could not be estimated.*refused/);
  });

  it('fails closed: an estimate that is not a number is a refusal', async () => {
    const refusal = await refusalOf('{ items(first: 1) { id } }', { estimators: [() => Number.NaN, () => Number.NaN] });
    expect(refusal?.extensions.code).toBe(ErrorCode.QUERY_TOO_COMPLEX);
  });

  it('leaves variables that do not fit their types to execution, which refuses them before any resolver', async () => {
    expect(await refusalOf('query($n: Int!) { items(first: $n) { id } }', { variables: { n: 'many' } })).toBeUndefined();
  });
});
