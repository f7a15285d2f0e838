/**
 * The live analytics engine: DuckDB tables derived from the store, kept in step by the store's
 * change sequence — every write of a report, facility or title takes the next sequence numbers,
 * and the engine reads everything above its watermark (polling a few times a second, and at once
 * before answering). The tables live in a DuckDB file with the watermark beside them, so a start
 * only catches up; a file built from another store, with other definitions, or ahead of the
 * store (a restored backup) is rebuilt. It is a cache: deleting the file costs one rebuild.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, renameSync } from 'node:fs';
import type { Indicator } from '../../../../domain/indicator.js';
import { NATION_AREA, type Area } from '../../../../domain/scope.js';
import type { Store } from '../../../platform/db/store.js';
import type { MetadataService } from '../../../platform/program/metadata.service.js';
import { ColumnarStore, DEFAULT_POOL, factColumns } from './columnar-store.js';
import type { PoolOptions } from './connection-pool.js';
import { countyIndicatorValues, factIndicatorValues, facilityFacts, facilityIndicatorValues, gapCounts, gapRows, reportCounts, reportedPeriods, unitCount, type AreaValue, type GapRow, type QueryOptions } from './indicator-queries.js';
import type { FactSource } from './program-facts.js';
import { copyForReading, isLockConflict, removeDuckDb, removeStale } from './analytics-file.js';

const PAGE = 50_000;
/**
 * Rows read from the store between two turns of the event loop during a rebuild: the embedded
 * store answers synchronously, so without these turns a rebuild at start-up held every request
 * back until it was done (a first start was ready to browse only after the whole build).
 */
const READ_PAGE = 2_000;
/** The longest wait between two catch-up attempts while the store keeps failing. */
const POLL_BACKOFF_MAX_MS = 30_000;
/** A failed start waits 1 s, doubling up to this, before the next request may try again. */
const START_BACKOFF_MAX_MS = 30_000;
/** Shared answers kept per generation of the tables (a new generation starts empty). */
const ANSWERS_MAX = 500;
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Bump when the tables or what they mean change: persisted files of another layout are rebuilt. */
const LAYOUT_VERSION = '4';

export interface EngineOptions {
  /** The DuckDB file that keeps the tables between runs; null: in memory, rebuilt on every start. */
  file?: string | null;
  /** Read connections and how many requests may wait for one (default: 2–4 connections, 64 waiting; the platform passes GTCM_ANALYTICS_QUEUE). */
  pool?: PoolOptions;
}

export type EngineLog = (msg: string, detail?: Record<string, unknown>) => void;

export class AnalyticsEngine {
  private columnar: ColumnarStore | null = null;
  private watermark = 0;
  private syncing: Promise<void> | null = null;
  private again: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private startPromise: Promise<void> | null = null;
  /** The last failed start: its error, how many in a row, and when the next may be tried. */
  private failure: { error: unknown; attempts: number; retryAt: number } | null = null;
  /** Bumped whenever the tables change (a catch-up that applied something, a rebuild, a reopen). */
  private generation = 0;
  /**
   * Answers of the current generation, by question: many sessions reading the same dashboard
   * between two changes share one computation (and one in flight is joined, not repeated).
   * Every read catches up first, so an answer is never older than the reader's last save.
   */
  private answers = new Map<string, Promise<unknown>>();
  private answersGeneration = -1;
  /** When the last catch-up ended (ms), for the readiness check's lag. */
  private lastCaughtUp = 0;
  /** The rebuild under way: rows read of the rows to read. */
  private building: { done: number; total: number; startedAt: number } | null = null;

  private file: string | null;
  /** The private copy this engine reads when another process holds the file (removed on stop). */
  private copy: string | null = null;
  private readonly pool: PoolOptions;
  private log: EngineLog = () => {};
  /** The modules' fact sources, and the version of each whose facts the tables hold. */
  private readonly factSources: FactSource[] = [];
  private factVersions = new Map<string, string>();
  /** Units per level and area (divisions never change once built): `level area` → count. */
  private units = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly metadata: MetadataService,
    opts: EngineOptions = {},
  ) {
    this.file = opts.file ?? null;
    this.pool = opts.pool ?? DEFAULT_POOL;
  }

  /** A module's facts for fact-based indicators; loaded at the next catch-up and whenever their version changes. */
  registerFactSource(source: FactSource): void {
    this.factSources.push(source);
  }

  /** The registered fact sources (tests read them as the oracle does). */
  get sources(): readonly FactSource[] {
    return this.factSources;
  }

  /** The sources whose version differs from what the tables hold. */
  private async changedFacts(): Promise<{ source: FactSource; version: string }[]> {
    const out = [];
    for (const source of this.factSources) {
      const version = await source.version();
      if (this.factVersions.get(source.name) !== version) out.push({ source, version });
    }
    return out;
  }

  setLogger(log: EngineLog): void {
    this.log = log;
  }

  /** Whether a start would only catch up (the persisted tables fit this store), not rebuild. */
  async persisted(): Promise<boolean> {
    if (!this.file || !existsSync(this.file)) return false;
    const col = await this.openFile();
    if (!col) return false;
    const ok = await this.fits(col);
    col.close();
    return ok;
  }

  /** The change sequence the engine has caught up to. */
  get seq(): number {
    return this.watermark;
  }

  /** Builds the tables from the store (once), then keeps polling for changes every `pollMs`. */
  start(pollMs = 250): Promise<void> {
    if (this.startPromise) return this.startPromise;
    // A failed start is not kept: the next request after the back-off tries again (the store
    // down for a while, a data directory that was missing), until one succeeds.
    const f = this.failure;
    if (f && Date.now() < f.retryAt) return Promise.reject(f.error);
    const attempt = (async () => {
      if (!(await this.reopen())) await this.rebuild();
      if (pollMs > 0 && !this.timer) this.poll(pollMs, pollMs);
    })();
    this.startPromise = attempt.then(
      () => {
        if (this.failure) this.log('分析引擎已启动（重试后）analytics engine started after retrying', { attempts: this.failure.attempts + 1 });
        this.failure = null;
      },
      (error: unknown) => {
        const attempts = (this.failure?.attempts ?? 0) + 1;
        const waitMs = Math.min(START_BACKOFF_MAX_MS, 1_000 * 2 ** (attempts - 1));
        this.failure = { error, attempts, retryAt: Date.now() + waitMs };
        this.building = null;
        this.startPromise = null;
        this.log('分析引擎启动失败，将退避重试 analytics engine failed to start: retrying', { err: String(error), attempts, retryMs: waitMs });
        throw error;
      },
    );
    return this.startPromise;
  }

  /** When the engine may start again after a failure (ms from now; 0 when it may at once). */
  get retryInMs(): number {
    return this.failure ? Math.max(0, this.failure.retryAt - Date.now()) : 0;
  }

  /**
   * For the readiness check: building, ready (with the seconds since its last catch-up, which
   * grow while the store is unreachable), or failed to start (with the error and the next try).
   */
  health(): { state: 'starting' | 'building' | 'ready' | 'failed'; lagSeconds: number | null; error: string | null; retryInSeconds: number | null } {
    const f = this.failure;
    if (f && !this.startPromise) return { state: 'failed', lagSeconds: null, error: String((f.error as Error)?.message ?? f.error), retryInSeconds: Math.ceil(this.retryInMs / 1000) };
    const { state } = this.status();
    const lagSeconds = state === 'ready' && this.lastCaughtUp > 0 ? Math.max(0, Math.round((Date.now() - this.lastCaughtUp) / 100) / 10) : null;
    return { state, lagSeconds, error: null, retryInSeconds: null };
  }

  /**
   * Polls the store for changes every `pollMs`; a failed catch-up (the store unreachable, say) is
   * logged once when it starts failing and once when it recovers, and the poll backs off,
   * doubling up to 30 s, instead of failing silently four times a second.
   */
  private poll(pollMs: number, delay: number): void {
    this.timer = setTimeout(() => {
      void this.sync().then(
        () => {
          if (delay !== pollMs) this.log('分析引擎已恢复同步 analytics engine caught up again', { seq: this.watermark });
          if (this.timer) this.poll(pollMs, pollMs);
        },
        (err: unknown) => {
          const next = Math.min(POLL_BACKOFF_MAX_MS, delay === pollMs ? 1_000 : delay * 2);
          if (delay === pollMs) this.log('分析引擎同步失败，将退避重试 analytics engine catch-up failed, backing off', { err: String(err), retryMs: next });
          if (this.timer) this.poll(pollMs, next);
        },
      );
    }, delay);
    this.timer.unref();
  }

  private columns() {
    return factColumns(this.metadata.elements.values());
  }

  private async fingerprint(): Promise<string> {
    let id = await this.store.repos.state.get('store_id');
    if (!id) {
      id = randomUUID();
      await this.store.repos.state.set('store_id', id);
    }
    return JSON.stringify({ layout: LAYOUT_VERSION, store: id, columns: this.columns() });
  }

  /**
   * The persisted file. When another process (the server, beside this CLI) holds its lock, a
   * private copy of it, which then only needs to catch up; when that fails too, null (with a log
   * line): this engine keeps its tables in memory.
   */
  private async openFile(path = this.file!): Promise<ColumnarStore | null> {
    try {
      return await ColumnarStore.open(this.columns(), path, this.pool);
    } catch (e) {
      if (path === this.file && !this.copy && isLockConflict(e)) {
        try {
          const copy = copyForReading(path);
          this.copy = this.file = copy;
          this.log('分析表文件正被另一进程使用，读取其副本 analytics file in use by another process: reading a copy', { file: path, copy });
          return await ColumnarStore.open(this.columns(), copy, this.pool);
        } catch (err) {
          e = err;
        }
      }
      this.log('分析表文件不可用，改用内存 analytics file unavailable, using memory', { file: path, error: (e as Error).message });
      this.dropCopy();
      this.file = null;
      return null;
    }
  }

  private dropCopy(): void {
    if (this.copy) removeDuckDb(this.copy);
    this.copy = null;
  }

  private async fits(col: ColumnarStore): Promise<boolean> {
    const [fp, wm] = [await col.getState('fingerprint'), await col.getState('watermark')];
    return fp === (await this.fingerprint()) && wm !== null && Number(wm) <= (await this.store.repos.changes.current());
  }

  /** Opens the persisted tables when they fit this store; they then only need to catch up. */
  private async reopen(): Promise<boolean> {
    if (!this.file || !existsSync(this.file)) return false;
    const col = await this.openFile();
    if (!col) return false;
    if (!(await this.fits(col))) {
      col.close();
      this.log('分析表文件与存储不符，重建 analytics file does not fit the store: rebuilding', { file: this.file });
      return false;
    }
    this.columnar = col;
    this.generation++;
    this.watermark = Number(await col.getState('watermark'));
    this.log('分析表已载入 analytics tables opened', { file: this.file, watermark: this.watermark });
    return true;
  }

  /**
   * Where the engine is, for pages that wait on it (GET /api/analytics/status): building its
   * tables (with the share of rows read and an estimate of the time left), or ready.
   */
  status(): { state: 'starting' | 'building' | 'ready'; percent: number | null; etaSeconds: number | null; seq: number } {
    const b = this.building;
    if (b) {
      const share = b.total > 0 ? Math.min(1, b.done / b.total) : 0;
      const elapsed = (Date.now() - b.startedAt) / 1000;
      const eta = share > 0.02 ? Math.max(1, Math.round((elapsed / share) * (1 - share))) : null;
      return { state: 'building', percent: Math.round(share * 1000) / 10, etaSeconds: eta, seq: this.watermark };
    }
    return { state: this.columnar ? 'ready' : 'starting', percent: this.columnar ? 100 : null, etaSeconds: null, seq: this.watermark };
  }

  /** Drops and rebuilds every table from the store (into a new file, swapped in when complete). */
  async rebuild(): Promise<void> {
    const started = Date.now();
    // Rows to read: facilities and reports (divisions and titles are quick beside them).
    const progress = { done: 0, total: (await this.store.repos.facilities.count()) + (await this.store.repos.reports.count()), startedAt: started };
    this.building = progress;
    try {
      await this.rebuildTables(started, progress);
    } finally {
      this.building = null;
    }
  }

  private async rebuildTables(started: number, progress: { done: number }): Promise<void> {
    const building = this.file ? `${this.file}.building-${process.pid}` : null;
    if (building) removeStale(this.file!, 'building', building);
    const columnar = (building && (await this.openFile(building))) || (await ColumnarStore.open(this.columns(), undefined, this.pool));
    // Everything at or below the horizon is committed; rows above it read now are read again.
    const current = await this.store.repos.changes.horizon();
    const divisions = [];
    for await (const d of this.store.repos.divisions.iterate({ area: NATION_AREA }, READ_PAGE)) {
      divisions.push(d);
      if (divisions.length % READ_PAGE === 0) await yieldToRequests();
    }
    await columnar.appendDivisions(divisions);
    await columnar.replaceTitles(await this.store.repos.titles.list(NATION_AREA));
    const facts = [];
    for (const source of this.factSources) facts.push({ source, version: await source.version() });
    for (const f of facts) await columnar.replaceFacts(f.source.name, await f.source.facts());
    // Page by key, not by sequence: rows written before the sequence existed all carry 0.
    let batch = [];
    for await (const f of this.store.repos.facilities.iterate({ area: NATION_AREA }, READ_PAGE)) {
      batch.push(f);
      if (batch.length % READ_PAGE === 0) await yieldToRequests();
      if (batch.length >= PAGE) (await columnar.upsertFacilities(batch, true), (progress.done += batch.length), (batch = []));
    }
    await columnar.upsertFacilities(batch, true);
    progress.done += batch.length;
    for (const k of await this.store.repos.reports.periods()) {
      let reports = [];
      for await (const r of this.store.repos.reports.iterate(k, { area: NATION_AREA }, READ_PAGE)) {
        reports.push(r);
        if (reports.length % READ_PAGE === 0) await yieldToRequests();
        if (reports.length >= PAGE) (await columnar.upsertReports(reports, true), (progress.done += reports.length), (reports = []));
      }
      await columnar.upsertReports(reports, true);
      progress.done += reports.length;
    }
    let ready = columnar;
    if (building && this.file) {
      await columnar.setState('fingerprint', await this.fingerprint());
      await columnar.setState('watermark', String(current));
      await columnar.checkpoint();
      columnar.close();
      this.columnar?.close();
      this.columnar = null;
      removeDuckDb(this.file);
      renameSync(building, this.file);
      ready = (await this.openFile()) ?? (await ColumnarStore.open(this.columns(), undefined, this.pool));
      if (!this.file) return this.rebuild();
    }
    this.columnar?.close();
    this.columnar = ready;
    this.generation++;
    this.units = new Map();
    this.watermark = current;
    this.factVersions = new Map(facts.map((f) => [f.source.name, f.version]));
    this.log('分析表已重建 analytics tables rebuilt', { ms: Date.now() - started, watermark: current, file: this.file ?? ':memory:' });
  }

  /**
   * Applies every change committed before the call. A call made while a run is in flight waits
   * for one more run after it (the running one may have looked before the caller's write).
   */
  sync(): Promise<void> {
    if (!this.columnar) return Promise.resolve();
    if (!this.syncing) {
      this.syncing = this.catchUp().finally(() => (this.syncing = null));
      return this.syncing;
    }
    this.again ??= this.syncing
      .catch(() => {})
      .then(() => {
        this.again = null;
        return this.sync();
      });
    return this.again;
  }

  /**
   * One catch-up. The watermark advances only to the horizon: on PostgreSQL writers commit in any
   * order, and a transaction still open may hold numbers below rows already committed. Rows
   * committed above the horizon are applied at once all the same (a save shows while a long
   * import is still running) and read again until the horizon passes them; applying a row twice
   * is harmless, as every read gives the row as it stands.
   */
  private async catchUp(): Promise<void> {
    const repos = this.store.repos;
    // The horizon before the rows: what it vouches for is committed before these reads begin.
    const horizon = await repos.changes.horizon();
    const handed = horizon > this.watermark ? horizon : await repos.changes.current();
    const facts = await this.changedFacts();
    if (handed <= this.watermark && facts.length === 0) {
      // Nothing new is caught up too: an idle node has no lag.
      this.lastCaughtUp = Date.now();
      return;
    }
    const col = this.columnar!;
    // One transaction: a query running meanwhile sees every change of this run or none of them.
    await col.transaction(async () => {
      for (const f of facts) await col.replaceFacts(f.source.name, await f.source.facts());
      // Titles are few: any change reloads them all.
      if ((await repos.titles.maxSeq()) > this.watermark) await col.replaceTitles(await repos.titles.list(NATION_AREA));
      // Rows share a sequence number when one statement wrote many (approvals), so a full page
      // resumes from its last number again rather than after it; re-applying a row is harmless.
      for (let after = this.watermark; ; ) {
        const fs = await repos.facilities.changedSince(after, PAGE);
        await col.upsertFacilities(fs);
        if (fs.length < PAGE) break;
        after = fs[fs.length - 1].seq - 1;
      }
      // Deletions first; a report deleted and written again since the watermark exists in the
      // store with a later sequence number, so its tombstone is passed over.
      const tombstones = await repos.reports.deletedSince(this.watermark);
      const rewritten = new Set<string>();
      const key = (k: { dataSet: string; period: string; facilityCode: string }) => `${k.dataSet}\u0000${k.period}\u0000${k.facilityCode}`;
      for (let after = this.watermark; ; ) {
        const rs = await repos.reports.changedSince(after, PAGE);
        for (const r of rs) rewritten.add(key(r));
        await col.upsertReports(rs);
        if (rs.length < PAGE) break;
        after = rs[rs.length - 1].seq - 1;
      }
      await col.deleteReports(tombstones.filter((t) => !rewritten.has(key(t))));
      // In the same transaction as the tables: the file's watermark always says what they hold.
      if (this.file && horizon > this.watermark) await col.setState('watermark', String(horizon));
    });
    this.watermark = Math.max(this.watermark, horizon);
    this.generation++;
    this.lastCaughtUp = Date.now();
    for (const f of facts) this.factVersions.set(f.source.name, f.version);
  }

  private async ready(): Promise<ColumnarStore> {
    await this.start();
    await this.sync();
    return this.columnar!;
  }

  // Every query below runs on a read connection leased for the request (503 E6007 when too many wait).

  async values(inds: Indicator[], periods: string[], area: Area, level: number, opts: QueryOptions = {}): Promise<AreaValue[]> {
    const col = await this.ready();
    const key = JSON.stringify(['values', inds.map((i) => i.code), periods, area.code, level, opts]);
    return this.shared(key, () =>
      col.read(async (r) => [
        ...(await facilityIndicatorValues(r, inds, periods, area, level, opts)),
        ...(await countyIndicatorValues(r, inds, periods, area, level)),
        ...(await factIndicatorValues(r, inds, periods, area, level)),
      ]),
    );
  }

  /** Forgets the shared answers (benchmarks time the computation, not the sharing). */
  forgetSharedAnswers(): void {
    this.answers = new Map();
  }

  /** The answer to `key` in this generation of the tables: computed once, shared (read-only) by every caller. */
  private shared<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.answersGeneration !== this.generation || this.answers.size >= ANSWERS_MAX) {
      this.answers = new Map();
      this.answersGeneration = this.generation;
    }
    let p = this.answers.get(key) as Promise<T> | undefined;
    if (!p) {
      const answers = this.answers;
      p = compute();
      answers.set(key, p);
      p.catch(() => answers.delete(key));
    }
    return p;
  }

  /** How many units of `level` lie inside the area: the rows of an answer per period and indicator. */
  async unitCount(area: Area, level: number): Promise<number> {
    await this.start();
    const key = `${level} ${area.code}`;
    let n = this.units.get(key);
    if (n === undefined) {
      n = await this.columnar!.read((r) => unitCount(r, area, level));
      this.units.set(key, n);
    }
    return n;
  }

  async gaps(ind: Indicator, period: string, area: Area, threshold: number | null, page: { offset: number; limit: number }, opts: QueryOptions = {}): Promise<{ items: GapRow[]; total: number }> {
    const col = await this.ready();
    const key = JSON.stringify(['gaps', ind.code, period, area.code, threshold, page, opts]);
    return this.shared(key, () => col.read((r) => gapRows(r, ind, period, area, threshold, page, opts)));
  }

  async gapCounts(ind: Indicator, period: string, area: Area, threshold: number | null, codeLength: number, opts: QueryOptions = {}): Promise<{ area: string; gaps: number }[]> {
    return (await this.ready()).read((r) => gapCounts(r, ind, period, area, threshold, codeLength, opts));
  }

  /** Facilities of the types open in the period and those with a report, per unit of `level` in the area. */
  async reportCounts(dataSet: string, types: string[], period: string, area: Area, level: number): Promise<{ area: string; expected: number; reported: number }[]> {
    return (await this.ready()).read((r) => reportCounts(r, dataSet, types, period, area, level));
  }

  async periods(dataSet: string): Promise<string[]> {
    return (await this.ready()).read((r) => reportedPeriods(r, dataSet));
  }

  async facilityFacts(code: string): Promise<Record<string, unknown>[]> {
    return (await this.ready()).read((r) => facilityFacts(r, code));
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.columnar?.close();
    this.columnar = null;
    this.startPromise = null;
    this.dropCopy();
  }
}
