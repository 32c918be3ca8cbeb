import { Client } from 'pg';
import { StartupError } from '../startup/startup-error';

const CONNECT_TIMEOUT_MS = 20_000;

/**
 * Connects once to the database of `setting` (DATABASE_URL, ATTEST_APP_DATABASE_URL) and, if that
 * fails, says why in one line naming the setting: the first thing done with a server, so that a
 * wrong password or host is not reported by the migrations runner as a driver's dump.
 */
export async function checkConnection(url: string, setting: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  try {
    await client.connect();
  } catch (error) {
    throw connectionFailure(error, url, setting);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The failure as one line; never the password. */
export function connectionFailure(error: unknown, url: string, setting: string): StartupError {
  const { code, message = String(error) } = error as { code?: string; message?: string };
  const target = new URL(url);
  const host = decodeURIComponent(target.hostname) || 'localhost';
  const where = `${host}:${target.port || '5432'}`;
  const user = decodeURIComponent(target.username) || '(default user)';
  const database = decodeURIComponent(target.pathname.slice(1)) || user;
  const line = (text: string) => new StartupError(setting, `${setting}: ${text}`);
  switch (code) {
    case '28P01':
      return line(`password authentication failed for user "${user}" on ${where} (28P01): check the user and password in ${setting}`);
    case '28000':
      return line(`${where} refused user "${user}" (28000: ${message}): check the user in ${setting} and the server's pg_hba.conf`);
    case '3D000':
      return line(`database "${database}" does not exist on ${where} (3D000): create it, or fix the database name in ${setting}`);
    case 'ECONNREFUSED':
      return line(
        `nothing accepts connections on ${where} (ECONNREFUSED): check the host and port in ${setting} and that PostgreSQL runs there`,
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return line(`host "${host}" not found (${code}): check the host in ${setting}`);
    default:
      if (/timeout/i.test(message)) {
        return line(
          `no answer from ${where} within ${CONNECT_TIMEOUT_MS / 1000} s: check the host and port in ${setting} and the network to it`,
        );
      }
      return line(`cannot connect to ${where} (${code ?? 'error'}: ${message.split('\n')[0]})`);
  }
}
