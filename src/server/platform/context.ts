/** Wires the store, metadata and services together; the HTTP app and the CLI both start here. */
import type { ServerModule } from './registry.js';
import { MODULES } from '../modules/index.js';
import { migrateToLatest } from '../migrations/index.js';
import { AuditService } from './audit/audit.service.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { BackupService } from './db/backup.service.js';
import { openDatabase } from './db/database.js';
import { Store } from './db/store.js';
import { InitService } from './init/init.service.js';
import { JobRunner } from './jobs/job-runner.js';
import { NotificationService } from './notifications/notification.service.js';
import { MetadataService } from './program/metadata.service.js';
import type { Services } from './registry.js';

export type { Services } from './registry.js';

export interface AppContext {
  config: Config;
  store: Store;
  clock: Clock;
  metadata: MetadataService;
  /** The analytics engine (the indicators module's), for start-up and tests. */
  engine: Services['engine'];
  services: Services;
  close(): Promise<void>;
}

export async function createContext(config: Config, opts: { clock?: Clock; log?: (line: string) => void } = {}): Promise<AppContext> {
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
  const services = {} as Services;
  const moduleDemos = () => MODULES.flatMap((m) => (m.demo ? [(o: Parameters<NonNullable<ServerModule['demo']>>[1]) => m.demo!({ services, store, clock }, o)] : []));
  Object.assign(services, {
    audit,
    init: new InitService(store, audit, clock, moduleDemos),
    backup: new BackupService(config, store),
    notifications: new NotificationService(store, clock, config.supervision.webhook),
    jobs: new JobRunner(store, clock, opts.log),
  });
  for (const m of MODULES) Object.assign(services, m.services({ config, store, clock, metadata, services }));
  return {
    config,
    store,
    clock,
    metadata,
    engine: services.engine,
    services,
    close: async () => {
      await services.jobs.stop();
      for (const m of MODULES) await m.close?.(services);
      await store.close();
    },
  };
}
