/** Runtime configuration: from flags first, then the environment, then defaults. No global state. */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DbTimeouts } from './db/pg-pool.js';

export interface Config {
  /** Data directory: holds the embedded SQLite store (gtcm.sqlite) and backups. */
  dataDir: string;
  /** PostgreSQL connection string; when set the store is PostgreSQL instead of SQLite. */
  databaseUrl: string | null;
  port: number;
  host: string;
  /** Directory holding the program metadata packages. */
  programsDir: string;
  /** Directory of the built web app; served when it exists. */
  webDir: string;
  logLevel: string;
  /** Secure cookies (HTTPS deployments). */
  secureCookies: boolean;
  /** The analytics engine's DuckDB file (GTCM_ANALYTICS_FILE; `memory`: none, rebuilt on every start). */
  analyticsFile: string | null;
  /** Boundary files for the maps (`CN.json`, `<province code>.json`); null: the bundled ECharts 4 maps. */
  mapDir: string | null;
  /** Bounds on the work any one request may cause (documented in the README, "Limits"). */
  limits: Limits;
  /** Sessions, login throttling and timeouts. */
  security: SecurityConfig;
  /**
   * The share of expected reports that makes a figure complete enough (GTCM_COMPLETENESS_ENOUGH,
   * percent, default 80): below it figures carry a banner; pages open on a period that reached it.
   */
  completenessEnough: number;
  /** Who users call for help, shown on the help page (GTCM_SUPPORT_CONTACT, e.g. "省卫健委信息中心 0871-12345678"). */
  support: string | null;
  /** Supervision and jobs: escalation, the job poll, the outbound channel. */
  supervision: SupervisionConfig;
  /** PostgreSQL: timeouts, pool size, and how long a starting node waits for the database. */
  db: DbConfig;
}

export interface DbConfig extends DbTimeouts {
  /** A node started while the database is down retries with backoff this long before it gives up (GTCM_DB_START_WAIT_S, default 300 s). */
  startWaitMs: number;
}

export interface SupervisionConfig {
  /** A task red this many days is escalated to the level above (GTCM_ESCALATE_DAYS, default 7). */
  escalateDays: number;
  /** How often each node polls the job table, in seconds; 0: never (GTCM_JOB_POLL_SECONDS, default 30). */
  jobPollSeconds: number;
  /** Where notifications are POSTed as JSON (GTCM_NOTIFY_WEBHOOK), or none. */
  webhook: string | null;
}

export interface Limits {
  /** Largest analytics answer: periods × indicators × areas (GTCM_MAX_ANALYTICS_CELLS). */
  analyticsCells: number;
  /** Largest upload in bytes (GTCM_MAX_UPLOAD_MB). */
  uploadBytes: number;
  /** Largest evidence file (评审佐证材料, progress-report attachment) in bytes (GTCM_MAX_EVIDENCE_MB, default 20). */
  evidenceBytes: number;
  /** Most data rows in one import file (GTCM_MAX_IMPORT_ROWS). */
  importRows: number;
  /** Most columns in one import file (GTCM_MAX_IMPORT_COLUMNS). */
  importColumns: number;
  /** Longest cell in an import file, in characters (GTCM_MAX_CELL_CHARS). */
  cellChars: number;
  /** Largest uncompressed size of an XLSX file's parts, in bytes (GTCM_MAX_XLSX_UNCOMPRESSED_MB). */
  xlsxUncompressedBytes: number;
  /** Imports received or running at once on one node; more are refused with 503 E1010 (GTCM_MAX_CONCURRENT_IMPORTS). */
  concurrentImports: number;
  /** Most errors listed in an import answer; the rest are counted (GTCM_MAX_IMPORT_ERRORS). */
  importErrors: number;
  /** Longest value echoed back in an error, in characters. */
  echoChars: number;
  /** Largest JSON body in bytes (GTCM_MAX_BODY_KB). */
  bodyBytes: number;
  /** Deepest nesting of a JSON body. */
  jsonDepth: number;
  /** Analytics requests that may wait for an engine connection; beyond it 503 E6007 (GTCM_ANALYTICS_QUEUE). */
  analyticsQueue: number;
}

export interface SecurityConfig {
  /** A session ends this long after login whatever its activity (GTCM_SESSION_MAX_HOURS, default 12). */
  sessionMaxHours: number;
  /** Login attempts per client address per minute before refusing early (GTCM_LOGIN_RATE_PER_MINUTE). */
  loginRatePerMinute: number;
  /** Password checks running at once; more wait in a short queue, and beyond it are refused. */
  loginConcurrency: number;
  /** Time to receive a whole request (GTCM_REQUEST_TIMEOUT_S, default 300 s: a 200 MB upload at 0.7 MB/s). */
  requestTimeoutMs: number;
  /** Time a connection may stay idle (GTCM_IDLE_TIMEOUT_S, default 30 s). */
  idleTimeoutMs: number;
  /**
   * Behind a load balancer or reverse proxy: trust its X-Forwarded-For for the client's address
   * (GTCM_TRUST_PROXY: `true`, a hop count, or addresses/CIDRs, comma-separated); otherwise every
   * client shares the proxy's address and its login rate limit.
   */
  trustProxy: boolean | number | string;
}

export interface ConfigOverrides {
  dataDir?: string;
  databaseUrl?: string | null;
  port?: number;
  host?: string;
  logLevel?: string;
  /** A path, or null for in-memory analytics tables. */
  analyticsFile?: string | null;
  limits?: Partial<Limits>;
  security?: Partial<SecurityConfig>;
  completenessEnough?: number;
  supervision?: Partial<SupervisionConfig>;
  db?: Partial<DbConfig>;
}

/** The repository root: three levels above this file in both src/server/platform and dist/server/platform. */
const num = (v: string | undefined, dflt: number): number => {
  const n = v === undefined || v === '' ? NaN : Number(v);
  return Number.isFinite(n) && n > 0 ? n : dflt;
};

export function loadLimits(env: NodeJS.ProcessEnv = process.env): Limits {
  return {
    analyticsCells: num(env.GTCM_MAX_ANALYTICS_CELLS, 200_000),
    uploadBytes: num(env.GTCM_MAX_UPLOAD_MB, 200) * 1024 * 1024,
    evidenceBytes: num(env.GTCM_MAX_EVIDENCE_MB, 20) * 1024 * 1024,
    importRows: num(env.GTCM_MAX_IMPORT_ROWS, 1_000_000),
    importColumns: num(env.GTCM_MAX_IMPORT_COLUMNS, 200),
    cellChars: num(env.GTCM_MAX_CELL_CHARS, 2_000),
    xlsxUncompressedBytes: num(env.GTCM_MAX_XLSX_UNCOMPRESSED_MB, 1024) * 1024 * 1024,
    importErrors: num(env.GTCM_MAX_IMPORT_ERRORS, 1_000),
    concurrentImports: num(env.GTCM_MAX_CONCURRENT_IMPORTS, 4),
    echoChars: 100,
    bodyBytes: num(env.GTCM_MAX_BODY_KB, 1024) * 1024,
    jsonDepth: 20,
    analyticsQueue: num(env.GTCM_ANALYTICS_QUEUE, 256),
  };
}

function trustProxyOf(v: string | undefined): boolean | number | string {
  if (!v || v === 'false') return false;
  if (v === 'true') return true;
  return /^\d+$/.test(v) ? Number(v) : v;
}

export function loadSecurity(env: NodeJS.ProcessEnv = process.env): SecurityConfig {
  return {
    sessionMaxHours: num(env.GTCM_SESSION_MAX_HOURS, 12),
    loginRatePerMinute: num(env.GTCM_LOGIN_RATE_PER_MINUTE, 30),
    loginConcurrency: num(env.GTCM_LOGIN_CONCURRENCY, 2),
    requestTimeoutMs: num(env.GTCM_REQUEST_TIMEOUT_S, 300) * 1000,
    idleTimeoutMs: num(env.GTCM_IDLE_TIMEOUT_S, 30) * 1000,
    trustProxy: trustProxyOf(env.GTCM_TRUST_PROXY),
  };
}

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

export const ANALYTICS_FILE = 'analytics.duckdb';

export function loadConfig(overrides: ConfigOverrides = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const port = overrides.port ?? (env.PORT ? Number(env.PORT) : 3000);
  const dataDir = resolve(overrides.dataDir ?? env.GTCM_DATA_DIR ?? './data');
  const analytics = overrides.analyticsFile !== undefined ? overrides.analyticsFile : (env.GTCM_ANALYTICS_FILE ?? join(dataDir, ANALYTICS_FILE));
  return {
    dataDir,
    analyticsFile: analytics === null || analytics === 'memory' ? null : resolve(analytics),
    databaseUrl: overrides.databaseUrl !== undefined ? overrides.databaseUrl : env.DATABASE_URL || null,
    port,
    host: overrides.host ?? env.HOST ?? '0.0.0.0',
    programsDir: resolve(env.GTCM_PROGRAMS_DIR ?? resolve(repoRoot, 'programs')),
    webDir: resolve(env.GTCM_WEB_DIR ?? resolve(repoRoot, 'dist/web')),
    logLevel: overrides.logLevel ?? env.LOG_LEVEL ?? 'info',
    secureCookies: env.GTCM_SECURE_COOKIES === 'true',
    mapDir: env.GTCM_MAP_DIR ? resolve(env.GTCM_MAP_DIR) : null,
    limits: { ...loadLimits(env), ...overrides.limits },
    security: { ...loadSecurity(env), ...overrides.security },
    completenessEnough: overrides.completenessEnough ?? Math.min(100, num(env.GTCM_COMPLETENESS_ENOUGH, 80)) / 100,
    support: env.GTCM_SUPPORT_CONTACT?.trim() || null,
    supervision: {
      escalateDays: num(env.GTCM_ESCALATE_DAYS, 7),
      jobPollSeconds: env.GTCM_JOB_POLL_SECONDS === '0' ? 0 : num(env.GTCM_JOB_POLL_SECONDS, 30),
      webhook: env.GTCM_NOTIFY_WEBHOOK?.trim() || null,
      ...overrides.supervision,
    },
    db: {
      connectMs: num(env.GTCM_DB_CONNECT_TIMEOUT_S, 5) * 1000,
      statementMs: num(env.GTCM_DB_STATEMENT_TIMEOUT_S, 15) * 1000,
      poolMax: num(env.GTCM_DB_POOL_MAX, 10),
      startWaitMs: num(env.GTCM_DB_START_WAIT_S, 300) * 1000,
      ...overrides.db,
    },
  };
}
