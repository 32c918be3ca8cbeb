import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { loadConfig, type AttestConfig } from '@attest/core';
import { TenantsService } from '@attest/identity';
import { createApp } from '@attest/platform';
import { createTestDatabase, type TestDatabase } from './test-database';

export const REPO_ROOT = resolve(__dirname, '../..');

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data: T | null;
  errors?: { message: string; path?: string[]; extensions: { code: string; [k: string]: unknown } }[];
  headers: Record<string, string>;
}

/** What fixtures need: an admin key and a way to call the API (in this process, or a server over HTTP). */
export interface GraphQLCaller {
  /** API key of the bootstrap admin of the `default` tenant. */
  adminKey: string;
  gql<T = Record<string, any>>(
    key: string | undefined,
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
}

export interface TestApp extends GraphQLCaller {
  /** A request whose JSON body is sent as given (for bodies a client library would not build). */
  raw<T = Record<string, any>>(key: string | undefined, body: string): Promise<GraphQLResponse<T>>;
  app: INestApplication;
  config: AttestConfig;
  /** Owner URL of this test's own database. */
  databaseUrl: string;
  close(): Promise<void>;
}

/** The real API on a fresh database of the test server (or the one given, dropped on close), with the real migrations. */
export async function startTestApp(env: Record<string, string> = {}, given?: TestDatabase): Promise<TestApp> {
  const database = given ?? (await createTestDatabase());
  const adminKey = `test-admin-${randomBytes(24).toString('hex')}`;
  const config = loadConfig(
    {
      DATABASE_URL: database.url,
      REDIS_URL: process.env.REDIS_URL,
      ATTEST_QUEUE_PREFIX: process.env.ATTEST_QUEUE_PREFIX,
      ATTEST_BOOTSTRAP_API_KEY: adminKey,
      ATTEST_JWT_SECRET: randomBytes(32).toString('hex'),
      ATTEST_HASH_KEY: randomBytes(32).toString('hex'),
      ATTEST_LOG_LEVEL: 'error',
      ...env,
    },
    REPO_ROOT,
  );
  const app = await createApp(config);
  await app.init();
  const server = app.getHttpServer();
  return {
    app,
    config,
    databaseUrl: database.url,
    adminKey,
    async gql(key, query, variables, headers = {}) {
      const req = request(server).post('/graphql').set('content-type', 'application/json');
      if (key) req.set('authorization', `Bearer ${key}`);
      for (const [name, value] of Object.entries(headers)) req.set(name, value);
      const res = await req.send({ query, variables });
      return { status: res.status, data: res.body.data ?? null, errors: res.body.errors, headers: res.headers as Record<string, string> };
    },
    async raw(key, body) {
      const req = request(server).post('/graphql').set('content-type', 'application/json');
      if (key) req.set('authorization', `Bearer ${key}`);
      const res = await req.send(body);
      return { status: res.status, data: res.body.data ?? null, errors: res.body.errors, headers: res.headers as Record<string, string> };
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/** A principal with one role (as roles.yaml names it: `auditor`) and an API key, created through the API by the tenant admin. */
export async function principalWithRole(
  t: GraphQLCaller,
  role: string,
  options: { adminKey?: string; automationId?: string; name?: string } = {},
): Promise<{ id: string; key: string }> {
  const adminKey = options.adminKey ?? t.adminKey;
  // GraphQL enum values are the upper-case names of the stored ones (docs/api.md, "Enums").
  const kind = role === 'service' || role === 'lineage_producer' ? 'SERVICE' : 'HUMAN';
  const name = options.name ?? `${role}-${randomBytes(4).toString('hex')}`;
  const created = await t.gql(adminKey, 'mutation($i: CreatePrincipalInput!) { createPrincipal(input: $i) { id } }', {
    i: { kind, name },
  });
  const id = ok(created).createPrincipal.id as string;
  ok(
    await t.gql(adminKey, 'mutation($i: BindRoleInput!) { bindRole(input: $i) { id } }', {
      i: { principalId: id, role: role.toUpperCase(), automationId: options.automationId },
    }),
  );
  const issued = await t.gql(adminKey, 'mutation($i: IssueApiKeyInput!) { issueApiKey(input: $i) { secret } }', {
    i: { principalId: id, name: `${name} key` },
  });
  return { id, key: ok(issued).issueApiKey.secret as string };
}

/** A second tenant with its own admin key (created as the operator would). */
export async function createTenant(t: TestApp, slug: string): Promise<{ tenantId: string; adminKey: string }> {
  const created = await t.app.get(TenantsService).createTenant({ name: slug, slug });
  return { tenantId: created.tenant.id, adminKey: created.apiKey };
}

/** The data of a response that must have succeeded; fails the test with the errors otherwise. */
export function ok<T = Record<string, any>>(response: GraphQLResponse<T>): T {
  if (response.errors?.length || !response.data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  }
  return response.data;
}

/** The code of the first error of a response that must have failed. */
export function errorCode(response: GraphQLResponse): string | undefined {
  return response.errors?.[0]?.extensions.code;
}

/** The test app's HTTP server, listening on a free port, for a plain fetch or a WebSocket. */
export async function listeningPort(t: TestApp): Promise<number> {
  const server = t.app.getHttpServer() as Server;
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}
