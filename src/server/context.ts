/** Wires the store, metadata and services together; the HTTP app and the CLI both start here. */
import type { Config } from './config.js';
import { openDatabase } from './database.js';
import { migrateToLatest } from './migrations/index.js';
import { AnalyticsEngine } from './analytics/analytics-engine.js';
import { DEFAULT_POOL } from './analytics/columnar-store.js';
import { AnalyticsService } from './services/analytics.service.js';
import { ApprovalService } from './services/approval.service.js';
import { AuditService } from './services/audit.service.js';
import { AuthService } from './services/auth.service.js';
import { systemClock, type Clock } from './services/clock.js';
import { CompletenessService } from './services/completeness.service.js';
import { DivisionService } from './services/division.service.js';
import { FacilityService } from './services/facility.service.js';
import { ImportService } from './services/import.service.js';
import { FavouriteService } from './services/favourite.service.js';
import { IndicatorExportService } from './services/indicator-export.service.js';
import { InitService } from './services/init.service.js';
import { MapService } from './services/map.service.js';
import { MetadataService } from './services/metadata.service.js';
import { ReportService } from './services/report.service.js';
import { UserService } from './services/user.service.js';
import { Store } from './store.js';

export interface Services {
  analytics: AnalyticsService;
  approvals: ApprovalService;
  audit: AuditService;
  completeness: CompletenessService;
  auth: AuthService;
  divisions: DivisionService;
  maps: MapService;
  favourites: FavouriteService;
  indicatorExport: IndicatorExportService;
  facilities: FacilityService;
  imports: ImportService;
  reports: ReportService;
  users: UserService;
  init: InitService;
}

export interface AppContext {
  config: Config;
  store: Store;
  clock: Clock;
  metadata: MetadataService;
  engine: AnalyticsEngine;
  services: Services;
  close(): Promise<void>;
}

export async function createContext(config: Config, opts: { clock?: Clock } = {}): Promise<AppContext> {
  const clock = opts.clock ?? systemClock;
  const metadata = MetadataService.load(config.programsDir);
  const database = openDatabase(config);
  try {
    await migrateToLatest(database.db, database.dialect);
  } catch (e) {
    await database.close();
    throw e;
  }
  const store = new Store(database);
  const audit = new AuditService(store, clock);
  const facilities = new FacilityService(store, audit, clock);
  const reports = new ReportService(store, metadata, facilities, audit, clock);
  const engine = new AnalyticsEngine(store, metadata, { file: config.analyticsFile, pool: { ...DEFAULT_POOL, maxWaiting: config.limits.analyticsQueue } });
  const analytics = new AnalyticsService(store, metadata, engine, facilities);
  const services: Services = {
    analytics,
    indicatorExport: new IndicatorExportService(analytics, metadata),
    approvals: new ApprovalService(store, reports, facilities, audit, clock),
    audit,
    completeness: new CompletenessService(store, reports, facilities),
    auth: new AuthService(store, audit, clock, config.security),
    divisions: new DivisionService(store),
    maps: new MapService(store, config.mapDir),
    favourites: new FavouriteService(store, clock),
    facilities,
    imports: new ImportService(store, metadata, facilities, audit, clock),
    reports,
    users: new UserService(store, audit, clock),
    init: new InitService(store, audit, clock),
  };
  return {
    config,
    store,
    clock,
    metadata,
    engine,
    services,
    close: async () => {
      engine.stop();
      await store.close();
    },
  };
}
