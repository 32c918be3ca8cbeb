import { IngestChunkEntity } from './ingest-chunk.entity';
import { IngestItemErrorEntity } from './ingest-item-error.entity';
import { IngestJobEntity } from './ingest-job.entity';

export const INGEST_ENTITIES = [IngestJobEntity, IngestChunkEntity, IngestItemErrorEntity];
