/** The repositories over one connection or transaction, and how services open a transaction. */
import type { Kysely } from 'kysely';
import type { Database, DB, Dialect } from './database.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { DivisionRepository } from '../../modules/org-units/division.repository.js';
import { FacilityRepository } from '../../modules/org-units/facility.repository.js';
import { FavouriteRepository } from '../../modules/favourites/favourite.repository.js';
import { ReportRepository } from '../../modules/data-entry/report.repository.js';
import { SessionRepository } from '../../modules/identity/session.repository.js';
import { StateRepository } from './state.repository.js';
import { TitleRepository } from '../../modules/org-units/title.repository.js';
import { UserRepository } from '../../modules/identity/user.repository.js';
import { WorkflowRepository } from '../../modules/approval/workflow.repository.js';

export interface Repositories {
  divisions: DivisionRepository;
  facilities: FacilityRepository;
  reports: ReportRepository;
  users: UserRepository;
  sessions: SessionRepository;
  audit: AuditRepository;
  state: StateRepository;
  workflow: WorkflowRepository;
  favourites: FavouriteRepository;
  titles: TitleRepository;
}

function repositories(db: Kysely<DB>): Repositories {
  return {
    divisions: new DivisionRepository(db),
    facilities: new FacilityRepository(db),
    reports: new ReportRepository(db),
    users: new UserRepository(db),
    sessions: new SessionRepository(db),
    audit: new AuditRepository(db),
    state: new StateRepository(db),
    workflow: new WorkflowRepository(db),
    favourites: new FavouriteRepository(db),
    titles: new TitleRepository(db),
  };
}

export class Store {
  readonly repos: Repositories;
  readonly dialect: Dialect;

  constructor(private readonly database: Database) {
    this.repos = repositories(database.db);
    this.dialect = database.dialect;
  }

  get location(): string {
    return this.database.location;
  }

  /** Runs fn in one transaction: everything it writes is stored, or nothing is. */
  transaction<T>(fn: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.database.db.transaction().execute((trx) => fn(repositories(trx)));
  }

  /** A consistent copy of the embedded store; PostgreSQL is backed up with pg_dump instead. */
  async backup(dest: string): Promise<boolean> {
    if (!this.database.backup) return false;
    await this.database.backup(dest);
    return true;
  }

  close(): Promise<void> {
    return this.database.close();
  }
}
