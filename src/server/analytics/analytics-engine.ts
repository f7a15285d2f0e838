/**
 * The live analytics engine: DuckDB tables derived from the store, built on start and kept in
 * step by the store's change sequence — every write of a report or facility takes the next
 * sequence numbers, and the engine reads everything above its watermark (polling a few times a
 * second, and at once when told that this process wrote). It is a cache: any node can rebuild it.
 */
import type { Indicator } from '../../domain/indicator.js';
import { NATION_AREA, type Area } from '../../domain/scope.js';
import type { Store } from '../store.js';
import type { MetadataService } from '../services/metadata.service.js';
import { ColumnarStore, factColumns } from './columnar-store.js';
import { countyIndicatorValues, facilityFacts, facilityIndicatorValues, gapRows, type AreaValue, type GapRow, type QueryOptions } from './indicator-queries.js';

const PAGE = 50_000;

export class AnalyticsEngine {
  private columnar: ColumnarStore | null = null;
  private watermark = 0;
  private syncing: Promise<void> | null = null;
  private again: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private startPromise: Promise<void> | null = null;

  constructor(
    private readonly store: Store,
    private readonly metadata: MetadataService,
  ) {}

  /** The change sequence the engine has caught up to. */
  get seq(): number {
    return this.watermark;
  }

  /** Builds the tables from the store (once), then keeps polling for changes every `pollMs`. */
  start(pollMs = 250): Promise<void> {
    this.startPromise ??= (async () => {
      await this.rebuild();
      if (pollMs > 0) {
        this.timer = setInterval(() => void this.sync().catch(() => {}), pollMs);
        this.timer.unref();
      }
    })();
    return this.startPromise;
  }

  /** Drops and rebuilds every table from the store. */
  async rebuild(): Promise<void> {
    const columnar = await ColumnarStore.open(factColumns(this.metadata.elements.values()));
    const current = await this.store.repos.reports.currentSeq();
    const divisions = [];
    for await (const d of this.store.repos.divisions.iterate({ area: NATION_AREA })) divisions.push(d);
    await columnar.appendDivisions(divisions);
    await columnar.replaceTitles(await this.store.repos.titles.list(NATION_AREA));
    // Page by key, not by sequence: rows written before the sequence existed all carry 0.
    let batch = [];
    for await (const f of this.store.repos.facilities.iterate({ area: NATION_AREA })) {
      batch.push(f);
      if (batch.length >= PAGE) (await columnar.upsertFacilities(batch, true), (batch = []));
    }
    await columnar.upsertFacilities(batch, true);
    for (const k of await this.store.repos.reports.periods()) {
      let reports = [];
      for await (const r of this.store.repos.reports.iterate(k, { area: NATION_AREA })) {
        reports.push(r);
        if (reports.length >= PAGE) (await columnar.upsertReports(reports, true), (reports = []));
      }
      await columnar.upsertReports(reports, true);
    }
    this.columnar?.close();
    this.columnar = columnar;
    this.watermark = current;
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

  private async catchUp(): Promise<void> {
    const repos = this.store.repos;
    const current = await repos.reports.currentSeq();
    if (current <= this.watermark) return;
    const col = this.columnar!;
    // Titles are few: any change reloads them all.
    if ((await repos.titles.maxSeq()) > this.watermark) await col.replaceTitles(await repos.titles.list(NATION_AREA));
    // Rows share a sequence number when one statement wrote many (approvals), so a full page
    // resumes from its last number again rather than after it; re-applying a row is harmless.
    for (let after = this.watermark; ; ) {
      const fs = (await repos.facilities.changedSince(after, PAGE)).filter((f) => f.seq <= current);
      await col.upsertFacilities(fs);
      if (fs.length < PAGE) break;
      after = fs[fs.length - 1].seq - 1;
    }
    // Deletions first; a report deleted and written again since the watermark exists in the
    // store with a later sequence number, so its tombstone is passed over.
    const tombstones = (await repos.reports.deletedSince(this.watermark)).filter((t) => t.seq <= current);
    const rewritten = new Set<string>();
    const key = (k: { dataSet: string; period: string; facilityCode: string }) => `${k.dataSet}\u0000${k.period}\u0000${k.facilityCode}`;
    for (let after = this.watermark; ; ) {
      const rs = (await repos.reports.changedSince(after, PAGE)).filter((r) => r.seq <= current);
      for (const r of rs) rewritten.add(key(r));
      await col.upsertReports(rs);
      if (rs.length < PAGE) break;
      after = rs[rs.length - 1].seq - 1;
    }
    await col.deleteReports(tombstones.filter((t) => !rewritten.has(key(t))));
    this.watermark = current;
  }

  private async ready(): Promise<ColumnarStore> {
    await this.start();
    await this.sync();
    return this.columnar!;
  }

  async values(inds: Indicator[], periods: string[], area: Area, level: number, opts: QueryOptions = {}): Promise<AreaValue[]> {
    const col = await this.ready();
    const [f, c] = await Promise.all([facilityIndicatorValues(col, inds, periods, area, level, opts), countyIndicatorValues(col, inds, periods, area, level)]);
    return [...f, ...c];
  }

  async gaps(ind: Indicator, period: string, area: Area, threshold: number | null, page: { offset: number; limit: number }, opts: QueryOptions = {}): Promise<{ items: GapRow[]; total: number }> {
    return gapRows(await this.ready(), ind, period, area, threshold, page, opts);
  }

  async facilityFacts(code: string): Promise<Record<string, unknown>[]> {
    return facilityFacts(await this.ready(), code);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.columnar?.close();
    this.columnar = null;
    this.startPromise = null;
  }
}
