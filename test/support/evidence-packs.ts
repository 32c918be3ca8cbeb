import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { unzipSync, zipSync } from 'fflate';
import request from 'supertest';
import { ok, type TestApp } from './test-app';

export const DECISION_EVIDENCE = `mutation($id: ID!) { decisionEvidence(decisionId: $id) { fileName mediaType sha256 byteSize contentBase64 } }`;

/** The pack of a decision as `key` exports it through GraphQL, checked against its own digest. */
export async function exportPack(t: TestApp, key: string, decisionId: string): Promise<Buffer> {
  const file = ok(await t.gql(key, DECISION_EVIDENCE, { id: decisionId })).decisionEvidence;
  const bytes = Buffer.from(file.contentBase64, 'base64');
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
  return bytes;
}

/** The log's public key as the server publishes it (a test stands in for the copy held out of band). */
export async function publishedKey(t: TestApp): Promise<{ key: KeyObject; pem: string }> {
  const { publicKeyPem } = (await request(t.app.getHttpServer()).get('/.well-known/attest/ledger-key').expect(200)).body as {
    publicKeyPem: string;
  };
  return { key: createPublicKey(publicKeyPem), pem: publicKeyPem };
}

export function packFiles(zip: Buffer): Map<string, Buffer> {
  return new Map(Object.entries(unzipSync(new Uint8Array(zip))).map(([path, bytes]) => [path, Buffer.from(bytes)]));
}

export function packJson<T = any>(zip: Buffer, path: string): T {
  return JSON.parse(packFiles(zip).get(path)!.toString('utf8')) as T;
}

/**
 * The pack with one JSON file edited and its manifest entry updated to match, as a forger who knows
 * the layout would do: the file check passes, and the check that should catch the edit must.
 */
export function tamper(zip: Buffer, path: string, edit: (value: any) => any): Buffer {
  const files = packFiles(zip);
  const edited = Buffer.from(JSON.stringify(edit(JSON.parse(files.get(path)!.toString('utf8'))), null, 2), 'utf8');
  files.set(path, edited);
  if (path !== 'manifest.json') {
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    manifest.files[path] = createHash('sha256').update(edited).digest('hex');
    files.set('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2), 'utf8'));
  }
  return rezip(files);
}

export function rezip(files: ReadonlyMap<string, Buffer>): Buffer {
  return Buffer.from(zipSync(Object.fromEntries([...files].map(([p, b]) => [p, new Uint8Array(b)]))));
}

/** The pack with one file's text edited (a CSV row, a leaf) and its manifest entry updated to match, like tamper. */
export function tamperText(zip: Buffer, path: string, edit: (text: string) => string): Buffer {
  const files = packFiles(zip);
  const edited = Buffer.from(edit(files.get(path)!.toString('utf8')), 'utf8');
  files.set(path, edited);
  const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
  manifest.files[path] = createHash('sha256').update(edited).digest('hex');
  files.set('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2), 'utf8'));
  return rezip(files);
}

export const MODEL_VERSION_EVIDENCE = `mutation($id: ID!) { modelVersionEvidence(modelVersionId: $id) { fileName mediaType sha256 byteSize contentBase64 } }`;
export const AUDIT_PERIOD_EVIDENCE = `mutation($from: DateTime!, $to: DateTime!, $automationId: ID) {
  auditPeriodEvidence(from: $from, to: $to, automationId: $automationId) { fileName mediaType sha256 byteSize contentBase64 } }`;

/** A model version's or an audit period's pack as `key` exports it through GraphQL, checked against its own digest. */
export async function exportOtherPack(t: TestApp, key: string, query: string, variables: Record<string, unknown>): Promise<Buffer> {
  const data = ok(await t.gql(key, query, variables));
  const file = Object.values(data)[0] as { contentBase64: string; sha256: string };
  const bytes = Buffer.from(file.contentBase64, 'base64');
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
  return bytes;
}
