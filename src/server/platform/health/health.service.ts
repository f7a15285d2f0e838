/**
 * Liveness and readiness, for a load balancer: live says the process answers; ready says this
 * node can serve — the store answers within a bound, every migration of this version has run,
 * and the analytics engine has not failed (building or catching up is reported with its lag).
 */
import type { LiveAnswer, ReadyAnswer } from '../../../domain/api/platform.js';
import type { Store } from '../db/store.js';

interface EngineHealth {
  health(): ReadyAnswer['analytics'];
}

/** A readiness probe answers within this, whatever the store does. */
const PROBE_MS = 2_000;

export class HealthService {
  constructor(
    private readonly store: Store,
    private readonly engine: EngineHealth,
    private readonly version: string,
  ) {}

  live(): LiveAnswer {
    return { ok: true, pid: process.pid, uptimeSeconds: Math.round(process.uptime()), version: this.version };
  }

  async ready(): Promise<ReadyAnswer> {
    const t0 = Date.now();
    let store: ReadyAnswer['store'] = { dialect: this.store.dialect, ok: true, ms: null, error: null };
    let migrations: ReadyAnswer['migrations'] = { ok: false, pending: [] };
    try {
      const pending = await bounded(async () => {
        await this.store.ping();
        return this.store.pendingMigrations();
      });
      store.ms = Date.now() - t0;
      migrations = { ok: pending.length === 0, pending };
    } catch (e) {
      store = { ...store, ok: false, error: String((e as Error)?.message ?? e) };
    }
    const analytics = this.engine.health();
    return { ready: store.ok && migrations.ok && analytics.state !== 'failed', store, migrations, analytics, version: this.version };
  }
}

function bounded<T>(fn: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_MS} ms`)), PROBE_MS);
  });
  return Promise.race([fn(), timeout]).finally(() => clearTimeout(timer));
}
