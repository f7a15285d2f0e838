/** Wires the store, metadata and services together; the HTTP app and the CLI both start here. */
import type { Config } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from '../migrations/index.js';
import { AnalyticsEngine } from '../modules/indicators/engine/analytics-engine.js';
import { DEFAULT_POOL } from '../modules/indicators/engine/columnar-store.js';
import { AnalyticsService } from '../modules/indicators/analytics.service.js';
import { ApprovalService } from '../modules/approval/approval.service.js';
import { AuditService } from './audit/audit.service.js';
import { AuthService } from '../modules/identity/auth.service.js';
import { systemClock, type Clock } from './clock.js';
import { CompletenessService } from '../modules/approval/completeness.service.js';
import { DivisionService } from '../modules/org-units/division.service.js';
import { FacilityService } from '../modules/org-units/facility.service.js';
import { ImportService } from '../modules/import-export/import.service.js';
import { FavouriteService } from '../modules/favourites/favourite.service.js';
import { IndicatorExportService } from '../modules/indicators/indicator-export.service.js';
import { InitService } from './init/init.service.js';
import { MapService } from '../modules/maps/map.service.js';
import { MetadataService } from './program/metadata.service.js';
import { ReportService } from '../modules/data-entry/report.service.js';
import { UserService } from '../modules/identity/user.service.js';
import { Store } from './db/store.js';

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
