/** indicators: the live analytics engine (DuckDB), indicator values, trends, gap lists, exports. */
import type { ServerModule } from '../../platform/registry.js';
import { registerAnalyticsRoutes } from './analytics.routes.js';
import { AnalyticsService } from './analytics.service.js';
import { AnalyticsEngine } from './engine/analytics-engine.js';
import { DEFAULT_POOL } from './engine/columnar-store.js';
import { IndicatorExportService } from './indicator-export.service.js';

declare module '../../platform/registry.js' {
  interface Services {
    engine: AnalyticsEngine;
    analytics: AnalyticsService;
    indicatorExport: IndicatorExportService;
  }
}

export const indicators: ServerModule = {
  name: 'indicators',
  repositories: () => ({}),
  services: ({ store, metadata, services, config }) => {
    const engine = new AnalyticsEngine(store, metadata, { file: config.analyticsFile, pool: { ...DEFAULT_POOL, maxWaiting: config.limits.analyticsQueue } });
    const analytics = new AnalyticsService(store, metadata, engine, services.facilities, config.completenessEnough);
    return { engine, analytics, indicatorExport: new IndicatorExportService(analytics, metadata) };
  },
  routes: registerAnalyticsRoutes,
  close: (services) => services.engine.stop(),
};
