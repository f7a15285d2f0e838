/**
 * What a domain module gives the platform: its repositories (over a connection or a
 * transaction), its services (built in module order, each seeing the services built before it)
 * and its routes. Each module adds its own entries to `Repositories` and `Services` by
 * declaration merging in its index.ts, so the platform's hub files name no module: they loop
 * over `MODULES` (src/server/modules/index.ts). A new module is one folder and one line there.
 */
import type { Kysely } from 'kysely';
import type { AuditRepository } from './audit/audit.repository.js';
import type { AuditService } from './audit/audit.service.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import type { DB } from './db/database.js';
import type { StateRepository } from './db/state.repository.js';
import type { ChangeSeqRepository } from './db/change-seq.repository.js';
import type { StoredFileRepository } from './files/stored-file.repository.js';
import type { NotificationRepository } from './notifications/notification.repository.js';
import type { JobRepository } from './jobs/job.repository.js';
import type { JobRunner } from './jobs/job-runner.js';
import type { NotificationService } from './notifications/notification.service.js';
import type { Store } from './db/store.js';
import type { App } from './http/request.js';
import type { InitService } from './init/init.service.js';
import type { BackupService } from './db/backup.service.js';
import type { MetadataService } from './program/metadata.service.js';
import type { Progress } from './progress.js';

/** The repositories of one connection or transaction: the platform's, and every module's (merged in). */
export interface Repositories {
  state: StateRepository;
  changes: ChangeSeqRepository;
  audit: AuditRepository;
  files: StoredFileRepository;
  notifications: NotificationRepository;
  jobs: JobRepository;
}

/** The services: the platform's, and every module's (merged in). */
export interface Services {
  audit: AuditService;
  notifications: NotificationService;
  jobs: JobRunner;
  init: InitService;
  backup: BackupService;
}

export interface ModuleDeps {
  config: Config;
  store: Store;
  clock: Clock;
  metadata: MetadataService;
  /** The services built so far: the platform's and those of the modules listed before this one. */
  services: Services;
}

export interface ServerModule {
  name: string;
  repositories(db: Kysely<DB>): Partial<Repositories>;
  services(deps: ModuleDeps): Partial<Services>;
  routes(app: App, ctx: AppContext): void;
  /** The module's part of the national demo, run after the demo's data are stored; idempotent. */
  demo?(deps: { services: Services; store: Store; clock: Clock }, opts: { seed: number; progress: Progress }): Promise<void>;
  /** Stops what the module runs in the background (the analytics engine's poller). */
  close?(services: Services): Promise<void> | void;
}
