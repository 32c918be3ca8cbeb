import { registerEnumType } from '@nestjs/graphql';

export enum IngestJobStatus {
  QUEUED = 'queued',
  RUNNING = 'running',
  COMPLETED = 'completed',
}
registerEnumType(IngestJobStatus, {
  name: 'IngestJobStatus',
  description: 'Where an asynchronous ingest of decisions is',
  valuesMap: {
    QUEUED: { description: 'No chunk done yet' },
    RUNNING: { description: 'Some chunks done' },
    COMPLETED: { description: 'Every item recorded or refused' },
  },
});
