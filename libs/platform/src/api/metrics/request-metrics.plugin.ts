import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { RequestMetrics } from './request-metrics';

/** Times every GraphQL operation and counts its errors by the code the client receives (after formatError). */
@Plugin()
export class RequestMetricsPlugin implements ApolloServerPlugin {
  constructor(private readonly metrics: RequestMetrics) {}

  async requestDidStart(): Promise<GraphQLRequestListener<Record<string, unknown>>> {
    const started = performance.now();
    return {
      willSendResponse: async ({ operationName, operation, request, response }) => {
        const body = response.body;
        const errors = body.kind === 'single' ? (body.singleResult.errors ?? []) : [];
        const codes = errors.map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : 'INTERNAL'));
        this.metrics.graphqlOperation(
          operationName ?? request.operationName,
          operation?.operation,
          (performance.now() - started) / 1000,
          codes,
        );
      },
    };
  }
}
