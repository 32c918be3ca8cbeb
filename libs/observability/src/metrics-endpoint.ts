import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';

/** The exporter's defaults (OTEL_EXPORTER_PROMETHEUS_*), kept when a token protects the endpoint. */
const DEFAULT_PORT = 9464;
const PATH = '/metrics';

/**
 * The Prometheus endpoint behind a bearer token (ATTEST_METRICS_TOKEN): the standard exporter
 * without its own server, answered by one that checks `Authorization: Bearer <token>` first. Same
 * host, port and path as the unprotected endpoint (OTEL_EXPORTER_PROMETHEUS_HOST/PORT, /metrics).
 */
class BearerPrometheusExporter extends PrometheusExporter {
  private readonly server: Server;

  constructor(host: string | undefined, port: number, token: string) {
    super({ host, port, preventServerStart: true });
    const expected = digest(token);
    this.server = createServer((req, res) => this.answer(req, res, expected)).unref();
    this.server.listen({ host, port });
  }

  override async onShutdown(): Promise<void> {
    await super.onShutdown();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(req: IncomingMessage, res: ServerResponse, expected: Buffer): void {
    const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!given || !timingSafeEqual(digest(given), expected)) {
      res.writeHead(401, { 'www-authenticate': 'Bearer realm="attest-metrics"' }).end('A bearer token is required\n');
      return;
    }
    if (req.method !== 'GET' || new URL(req.url ?? '/', 'http://metrics').pathname !== PATH) {
      res.writeHead(404).end();
      return;
    }
    this.getMetricsRequestHandler(req, res);
  }
}

/** Compared as digests: equal lengths for timingSafeEqual, whatever was sent. */
function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/**
 * The metric readers to give the SDK instead of its own from OTEL_METRICS_EXPORTER, or undefined to
 * let it read that variable (no token: the exporter as OpenTelemetry documents it). A token with an
 * exporter list other than "prometheus" is refused: it would be ignored, or protect nothing.
 */
export function protectedMetricReaders(env: Record<string, string | undefined>): PrometheusExporter[] | undefined {
  const token = env.ATTEST_METRICS_TOKEN;
  if (!token) return undefined;
  if (env.OTEL_METRICS_EXPORTER !== 'prometheus') {
    throw new Error('ATTEST_METRICS_TOKEN protects the Prometheus endpoint: set OTEL_METRICS_EXPORTER=prometheus (and no other exporter)');
  }
  if (token.length < 16) throw new Error('ATTEST_METRICS_TOKEN must be at least 16 characters');
  const port = env.OTEL_EXPORTER_PROMETHEUS_PORT ? Number(env.OTEL_EXPORTER_PROMETHEUS_PORT) : DEFAULT_PORT;
  return [new BearerPrometheusExporter(env.OTEL_EXPORTER_PROMETHEUS_HOST || undefined, port, token)];
}
