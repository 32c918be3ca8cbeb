import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';

/** The exporter's default port (OTEL_EXPORTER_PROMETHEUS_PORT). */
const DEFAULT_PORT = 9464;
const PATH = '/metrics';

/**
 * The Prometheus endpoint behind a bearer token (ATTEST_METRICS_TOKEN). The OpenTelemetry exporter
 * has no authentication, so with a token it is moved to the loopback interface, on
 * ATTEST_METRICS_INTERNAL_PORT (default: the public port + 1), and the public host, port and path
 * are answered by a server that checks `Authorization: Bearer <token>` and then relays the
 * exporter's answer. Runs before the SDK reads the OTEL_* variables; `env` must be the process's.
 */
export function protectMetricsEndpoint(env: Record<string, string | undefined>): void {
  const token = env.ATTEST_METRICS_TOKEN;
  if (!token) return;
  if (env.OTEL_METRICS_EXPORTER !== 'prometheus') {
    throw new Error('ATTEST_METRICS_TOKEN protects the Prometheus endpoint: set OTEL_METRICS_EXPORTER=prometheus (and no other exporter)');
  }
  if (token.length < 16) throw new Error('ATTEST_METRICS_TOKEN must be at least 16 characters');
  const port = env.OTEL_EXPORTER_PROMETHEUS_PORT ? Number(env.OTEL_EXPORTER_PROMETHEUS_PORT) : DEFAULT_PORT;
  const internal = env.ATTEST_METRICS_INTERNAL_PORT ? Number(env.ATTEST_METRICS_INTERNAL_PORT) : port + 1;
  const host = env.OTEL_EXPORTER_PROMETHEUS_HOST || undefined;
  env.OTEL_EXPORTER_PROMETHEUS_HOST = '127.0.0.1';
  env.OTEL_EXPORTER_PROMETHEUS_PORT = String(internal);
  const expected = digest(token);
  createServer((req, res) => answer(req, res, expected, internal))
    .unref()
    .listen({ host, port });
}

function answer(req: IncomingMessage, res: ServerResponse, expected: Buffer, internal: number): void {
  // One scrape per connection: an idle kept-alive socket would hold the process (the server itself is unref'd).
  res.shouldKeepAlive = false;
  const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (!given || !timingSafeEqual(digest(given), expected)) {
    res.writeHead(401, { 'www-authenticate': 'Bearer realm="attest-metrics"' }).end('A bearer token is required\n');
    return;
  }
  if (req.method !== 'GET' || new URL(req.url ?? '/', 'http://metrics').pathname !== PATH) {
    res.writeHead(404).end();
    return;
  }
  request({ host: '127.0.0.1', port: internal, path: PATH }, (upstream) => {
    res.writeHead(upstream.statusCode ?? 502, { ...upstream.headers, connection: 'close' });
    upstream.pipe(res);
  })
    .on('error', () => res.writeHead(502).end('The metrics exporter did not answer\n'))
    .end();
}

/** Compared as digests: equal lengths for timingSafeEqual, whatever was sent. */
function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
