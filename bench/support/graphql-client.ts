import { Agent, request } from 'node:http';

/** A keep-alive HTTP client for POST /graphql on loopback; one socket per concurrent worker. */
export class GraphQLClient {
  private readonly agent: Agent;

  constructor(
    private readonly port: number,
    private readonly apiKey: string,
    sockets: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets });
  }

  /** The raw response body of a 200; anything else throws. */
  post(body: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          agent: this.agent,
          host: '127.0.0.1',
          port: this.port,
          method: 'POST',
          path: '/graphql',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            authorization: `Bearer ${this.apiKey}`,
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () =>
            res.statusCode === 200 ? resolve(text) : reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 300)}`)),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  /** A parsed GraphQL call for setup: throws on any error. */
  async gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const body = JSON.parse(await this.post(JSON.stringify({ query, variables }))) as { data?: T; errors?: unknown[] };
    if (body.errors || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data;
  }

  close(): void {
    this.agent.destroy();
  }
}
