import { type DynamicModule, Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown, type Type } from '@nestjs/common';
import { DataSource, type MigrationInterface } from 'typeorm';
import type { AttestConfig } from '../config/attest-config';
import { ATTEST_CONFIG } from '../config/config.tokens';
import { provisionAppConnection } from './app-role';
import { openDatabaseServer, type DatabaseServer } from './database-server';
import { runMigrations } from './migrate';
import { QueryCounter } from './query-counter';
import { TenantDb } from './tenant-db.service';

export interface DatabaseModuleOptions {
  entities: Type[];
  migrations: (new () => MigrationInterface)[];
}

export const DATABASE_SERVER = Symbol('DATABASE_SERVER');

/** Closes the pool first, then stops the embedded server (when Attest started one). */
@Injectable()
class DatabaseShutdown implements OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(DATABASE_SERVER) private readonly server: DatabaseServer,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.server.stop();
  }
}

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    const logger = new Logger('Database');
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: DATABASE_SERVER,
          inject: [ATTEST_CONFIG],
          useFactory: async (config: AttestConfig): Promise<DatabaseServer> => {
            const server = await openDatabaseServer(config, logger);
            if (server.embedded) logger.log(`Embedded PostgreSQL running with data in ${config.dataDir}`);
            const applied = await runMigrations(server.url, options.migrations);
            if (applied.length > 0) logger.log(`Applied migrations: ${applied.join(', ')}`);
            return server;
          },
        },
        { provide: QueryCounter, inject: [ATTEST_CONFIG], useFactory: (c: AttestConfig) => new QueryCounter(c.logLevel === 'debug') },
        {
          provide: DataSource,
          inject: [ATTEST_CONFIG, DATABASE_SERVER, QueryCounter],
          useFactory: async (config: AttestConfig, server: DatabaseServer, counter: QueryCounter) => {
            const url = await provisionAppConnection(server.url, config);
            const dataSource = new DataSource({
              type: 'postgres',
              url,
              entities: options.entities,
              synchronize: false,
              migrationsRun: false,
              logging: ['query', 'error'],
              logger: counter,
              extra: { max: 10 },
            });
            return dataSource.initialize();
          },
        },
        TenantDb,
        DatabaseShutdown,
      ],
      exports: [DataSource, TenantDb, QueryCounter, DATABASE_SERVER],
    };
  }
}
