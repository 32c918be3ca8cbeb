export { PSI_EPSILON, populationStabilityIndex } from './drift/psi';
export { kolmogorovSmirnov, kolmogorovQ, type KsResult } from './drift/ks';
export { MonitoringModule, MONITORING_RESOLVERS } from './monitoring.module';
export { DailyStatisticsService } from './statistics/daily-statistics.service';
export { readDailyStatistics, CONFIDENCE_BUCKETS, type DailyStatistics } from './statistics/statistics-store';
export { MonitorsService, type MonitorTransition } from './monitors/monitors.service';
export { MonitorEvaluationSweeper } from './monitors/monitor-evaluation.sweeper';
export { MONITOR_EVALUATION_JOB } from './monitors/monitor-evaluation.job';
