import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ATTEST_CONFIG, type AttestConfig } from '@attest/core';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';

type Probe = 'up' | 'down' | 'not configured';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  database: Probe;
  redis: Probe;
}

@Injectable()
export class HealthService implements OnApplicationShutdown {
  private readonly redis?: Redis;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(ATTEST_CONFIG) config: AttestConfig,
  ) {
    if (config.redisUrl) {
      this.redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
      this.redis.on('error', () => undefined); // reported by the probe, not as an unhandled event
    }
  }

  async check(): Promise<HealthReport> {
    const [database, redis] = await Promise.all([this.probeDatabase(), this.probeRedis()]);
    return { status: database === 'up' && redis !== 'down' ? 'ok' : 'unavailable', database, redis };
  }

  private async probeDatabase(): Promise<Probe> {
    try {
      await this.dataSource.query('SELECT 1');
      return 'up';
    } catch {
      return 'down';
    }
  }

  private async probeRedis(): Promise<Probe> {
    if (!this.redis) return 'not configured';
    try {
      if (this.redis.status === 'wait' || this.redis.status === 'end') await this.redis.connect();
      return (await this.redis.ping()) === 'PONG' ? 'up' : 'down';
    } catch {
      return 'down';
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis?.disconnect();
  }
}
