export * from './database/database-options';
export * from './api/api.module';
export * from './api/create-app';
export * from './api/api-schema';
export { PoolMetrics } from './database/pool-metrics';
