import { rm } from 'node:fs/promises';
import type { DatabaseServer } from '../../libs/core/src/database/database-server';

export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as { __attestEmbedded?: { server: DatabaseServer; dataDir: string } }).__attestEmbedded;
  if (!embedded) return;
  await embedded.server.stop();
  await rm(embedded.dataDir, { recursive: true, force: true });
}
