import { Injectable } from '@nestjs/common';
import { attestMeter } from '@attest/observability';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';

/**
 * The connection pool as Prometheus sees it, read from pg's Pool at scrape time (no query): in use,
 * idle, and requests waiting for a connection (a pool too small, or transactions held too long).
 */
@Injectable()
export class PoolMetrics {
  constructor(dataSource: DataSource) {
    const pool = () => (dataSource.driver as unknown as { master?: Pool }).master;
    attestMeter('platform')
      .createObservableGauge('attest.db.pool.connections', {
        description: 'Connections of this process to PostgreSQL, by state: in_use, idle, waiting (requests queued for a connection)',
      })
      .addCallback((result) => {
        const p = pool();
        if (!p) return;
        result.observe(p.totalCount - p.idleCount, { state: 'in_use' });
        result.observe(p.idleCount, { state: 'idle' });
        result.observe(p.waitingCount, { state: 'waiting' });
      });
  }
}
