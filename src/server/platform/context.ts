/** Wires the store, metadata and services together; the HTTP app and the CLI both start here. */
import type { ServerModule } from './registry.js';
import { MODULES } from '../modules/index.js';
import { migrateToLatest } from '../migrations/index.js';
import { AuditService } from './audit/audit.service.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { BackupService } from './db/backup.service.js';
import { openDatabase } from './db/database.js';
import { storeFailure, type DbLog } from './db/pg-pool.js';
import { AppError } from '../../domain/errors.js';
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

export interface ContextOptions {
  clock?: Clock;
  /** Log lines: the store's connection failures and recoveries, the start-up wait, jobs. */
  log?: (line: string) => void;
  /** A serving node: when the database cannot be reached, retry with backoff (GTCM_DB_START_WAIT_S) instead of failing at once. */
  waitForStore?: boolean;
}

export async function createContext(config: Config, opts: ContextOptions = {}): Promise<AppContext> {
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? (() => {});
  const dbLog: DbLog = (msg, detail) => log(detail ? `${msg} ${JSON.stringify(detail)}` : msg);
  const metadata = MetadataService.load(config.programsDir);
  if (opts.waitForStore && config.databaseUrl) await waitForStore(config, dbLog);
  await migrate(config, dbLog);
  const database = openDatabase({ ...config, log: dbLog });
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

/**
 * Brings the schema up to date on connections of its own: without a statement timeout (a
 * migration may rewrite a large table) and under the nodes' shared lock, so that nodes started
 * together on one database migrate once.
 */
async function migrate(config: Config, log: DbLog): Promise<void> {
  const maintenance = openDatabase({ ...config, db: { ...config.db, statementMs: 0, poolMax: 2 }, log });
  try {
    await maintenance.exclusive('migrate', () => migrateToLatest(maintenance.db, maintenance.dialect), () => log('另一节点正在迁移数据库，等待 another node is migrating the store: waiting'));
  } finally {
    await maintenance.close();
  }
}

/** A node started while PostgreSQL is down: retries with backoff (0.5 s doubling to 10 s) for up to `startWaitMs`, logging each attempt. */
async function waitForStore(config: Config, log: DbLog): Promise<void> {
  const probe = openDatabase({ ...config, db: { ...config.db, poolMax: 1 } });
  const until = Date.now() + config.db.startWaitMs;
  try {
    for (let attempt = 1, delay = 500; ; attempt++) {
      try {
        await probe.ping();
        if (attempt > 1) log('数据库已可连接 database reachable', { attempts: attempt });
        return;
      } catch (e) {
        if (!storeFailure(e)) throw e;
        if (Date.now() + delay > until) throw new AppError('E9001', {}, { zh: String((e as Error).message), en: String((e as Error).message) });
        log(`数据库无法连接，${delay / 1000} s 后重试 database unreachable: retrying in ${delay / 1000} s`, { attempt, err: String((e as Error).message) });
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(10_000, delay * 2);
      }
    }
  } finally {
    await probe.close();
  }
}
