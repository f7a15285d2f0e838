/** Runtime configuration: from flags first, then the environment, then defaults. No global state. */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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
}

export interface ConfigOverrides {
  dataDir?: string;
  databaseUrl?: string | null;
  port?: number;
  host?: string;
  logLevel?: string;
  /** A path, or null for in-memory analytics tables. */
  analyticsFile?: string | null;
}

/** The repository root: two levels above this file in both src/server and dist/server. */
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

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
  };
}
