import { registerEnumType } from '@nestjs/graphql';

export enum IngestJobStatus {
  queued = 'queued',
  running = 'running',
  completed = 'completed',
}
registerEnumType(IngestJobStatus, { name: 'IngestJobStatus', description: 'queued: no chunk done yet; running: some chunks done; completed: every item recorded or refused' });
