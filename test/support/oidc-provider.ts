import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** A person at the provider: the subject and the claims its ID token and userinfo carry. */
export interface OidcAccount {
  sub: string;
  name?: string;
  email?: string;
  /** The roles claim (ATTEST_OIDC_ROLES_CLAIM, default attest_roles): role names, or anything to test refusals. */
  attest_roles?: unknown;
  [claim: string]: unknown;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who signs in at the next interaction (there is no login page: the interaction completes at once). */
  signInAs(account: OidcAccount): void;
  /** The settings that point Attest at this provider. */
  env(publicUrl: string): Record<string, string>;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (oidc-provider) on a free port of 127.0.0.1, with one confidential
 * client whose redirect URI is Attest's callback. Its login is programmatic: the interaction
 * endpoint signs in the account given to signInAs and grants the requested scopes, so a client
 * that follows redirects with a cookie jar (a test's fetch, or a real browser) completes the
 * authorization code flow without a form. attest_roles is released with the profile scope.
 */
export async function startOidcProvider(options: { redirectUris: string[]; account?: OidcAccount }): Promise<TestOidcProvider> {
  let account: OidcAccount = options.account ?? { sub: 'nobody' };
  const clientId = 'attest-console';
  const clientSecret = randomBytes(24).toString('hex');
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const jwk = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [{ ...jwk, kid: 'test', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    claims: { openid: ['sub'], profile: ['name', 'attest_roles'], email: ['email'] },
    features: { devInteractions: { enabled: false } },
    adapter: MemoryAdapter,
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: () => ({ ...account, sub: id }),
    }),
  });
  const handle = provider.callback();
  server.on('request', (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return handle(req, res);
    completeInteraction(provider, req, res, account.sub).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  return {
    issuer,
    clientId,
    clientSecret,
    signInAs(next) {
      account = next;
    },
    env(publicUrl) {
      return {
        ATTEST_PUBLIC_URL: publicUrl,
        ATTEST_OIDC_ISSUER: issuer,
        ATTEST_OIDC_CLIENT_ID: clientId,
        ATTEST_OIDC_CLIENT_SECRET: clientSecret,
        ATTEST_OIDC_LABEL: 'Test IdP',
      };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Logs the account in and consents to what the client asked, in one interaction result. */
async function completeInteraction(
  provider: Provider,
  req: Parameters<Provider['interactionDetails']>[0],
  res: Parameters<Provider['interactionDetails']>[1],
  accountId: string,
) {
  const { params } = await provider.interactionDetails(req, res);
  const grant = new provider.Grant({ accountId, clientId: params.client_id ?? '' });
  grant.addOIDCScope(params.scope ?? 'openid');
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
}

/** The provider's state in this process (what its own default does, said explicitly: no warning). */
class MemoryAdapter {
  private static readonly store = new Map<string, Record<string, unknown>>();

  constructor(private readonly model: string) {}

  private key(id: string): string {
    return `${this.model}:${id}`;
  }

  async upsert(id: string, payload: Record<string, unknown>): Promise<void> {
    MemoryAdapter.store.set(this.key(id), payload);
    if (typeof payload.uid === 'string') MemoryAdapter.store.set(`uid:${this.model}:${payload.uid}`, { id });
    if (typeof payload.userCode === 'string') MemoryAdapter.store.set(`userCode:${this.model}:${payload.userCode}`, { id });
  }

  async find(id: string): Promise<Record<string, unknown> | undefined> {
    return MemoryAdapter.store.get(this.key(id));
  }

  async findByUid(uid: string): Promise<Record<string, unknown> | undefined> {
    const ref = MemoryAdapter.store.get(`uid:${this.model}:${uid}`);
    return ref ? this.find(ref.id as string) : undefined;
  }

  async findByUserCode(userCode: string): Promise<Record<string, unknown> | undefined> {
    const ref = MemoryAdapter.store.get(`userCode:${this.model}:${userCode}`);
    return ref ? this.find(ref.id as string) : undefined;
  }

  async consume(id: string): Promise<void> {
    const payload = MemoryAdapter.store.get(this.key(id));
    if (payload) payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id: string): Promise<void> {
    MemoryAdapter.store.delete(this.key(id));
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    for (const [key, payload] of MemoryAdapter.store) if (payload.grantId === grantId) MemoryAdapter.store.delete(key);
  }
}
