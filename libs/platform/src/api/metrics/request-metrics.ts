import { Injectable } from '@nestjs/common';
import { attestMeter, SECONDS_BUCKETS } from '@attest/observability';

/** Operation names are the client's choice: past this many distinct ones, a process reports the rest as "other". */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * Request metrics of the API (docs/monitoring.md "Metrics"): durations by GraphQL operation and by
 * REST route template, and errors by their stable code. Labels are bounded: route templates, not
 * paths; operation names capped per process.
 */
@Injectable()
export class RequestMetrics {
  private readonly meter = attestMeter('api');
  private readonly operations = this.meter.createHistogram('attest.graphql.operation.duration', {
    unit: 's',
    description: 'GraphQL operations, by operation name and type (query, mutation), from request to response',
    advice: { explicitBucketBoundaries: SECONDS_BUCKETS },
  });
  private readonly routes = this.meter.createHistogram('attest.http.route.duration', {
    unit: 's',
    description: 'REST requests (every route but /graphql), by method, route template and status code',
    advice: { explicitBucketBoundaries: SECONDS_BUCKETS },
  });
  private readonly errors = this.meter.createCounter('attest.api.errors', {
    description:
      'Errors answered, by surface (graphql, rest) and stable code (VALIDATION_FAILED, …; HTTP_<status> for a REST error without one, e.g. a 404 of no route)',
  });
  private readonly names = new Set<string>();

  graphqlOperation(name: string | null | undefined, type: string | undefined, seconds: number, errorCodes: string[]): void {
    const operation = this.operationLabel(name);
    this.operations.record(seconds, { operation, type: type ?? 'unknown' });
    for (const code of errorCodes) this.errors.add(1, { surface: 'graphql', code });
  }

  /** `code`: the stable code an error answered with (VALIDATION_FAILED, …), or HTTP_<status> when it carried none. */
  restRequest(method: string, route: string, status: number, seconds: number, code: string): void {
    this.routes.record(seconds, { method, route, status: String(status) });
    if (status >= 400) this.errors.add(1, { surface: 'rest', code });
  }

  private operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.names.has(name)) return name;
    if (this.names.size >= MAX_OPERATION_NAMES) return 'other';
    this.names.add(name);
    return name;
  }
}
