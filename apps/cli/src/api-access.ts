import { UsageError } from './args';
import { CliError } from './command';

export const API_KEY_ENV = 'ATTEST_API_KEY';

// The CLI's one secret, read here rather than through the server's config: a client has none of its settings.
export function apiKeyFrom(env: NodeJS.ProcessEnv): string {
  const key = env[API_KEY_ENV]?.trim();
  if (!key)
    throw new CliError(
      `set ${API_KEY_ENV} to an API key of the tenant (never given as an argument, which other users of the machine can read)`,
      2,
    );
  return key;
}

export function baseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--url "${text}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--url must be http or https, got ${url.protocol}`);
  return text;
}
