/**
 * Funds: allocation batches (提前下达 / 正式下达) from a level to areas or projects — by factors tied
 * to performance (previewed, then stored with their basis) or line by line — spending records,
 * execution against 序时进度 with warnings, and the ledgers per fund and per area.
 */
import { AppError } from '../../../domain/errors.js';
import { allocate, fenToYuan, yuanToFen, type Band } from '../../../domain/funds/allocation.js';
import { ancestorCodes, levelOfCode, NATION_CODE, type DivisionLevel } from '../../../domain/org-unit.js';
import type * as api from '../../../domain/api/projects-funds.js';
import { BATCH_KIND_NAMES } from '../../../domain/api/projects-funds.js';
import { chinaDay } from '../../../domain/period.js';
import { ADMIN_ROLES, requireRole, type Actor } from '../../platform/access/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { Store } from '../../platform/db/store.js';
import { tableFile, type TableFile, type TableFormat } from '../../platform/files/table-file.js';
import type { AnalyticsService } from '../indicators/analytics.service.js';
import type { AnalyticsEngine } from '../indicators/engine/analytics-engine.js';
import { areaNames, areaWithin, ownArea, prefixOf } from '../supervision/supervision-access.js';
import type { Batch } from './projects-funds.repository.js';
import { fundFigures, spendingView, type ProjectService } from './project.service.js';

const MUNICIPALITIES = new Set(['11', '12', '31', '50']);
const LEVELS = { province: 1, city: 2, county: 3 } as const;
const LEVEL_NAMES = ['nation', 'province', 'city', 'county', 'township'] as const;
const FACILITY_FACTORS: Record<string, string[]> = { FACILITIES_CHC_THC: ['CHC', 'THC'], FACILITIES_VC: ['VC'], FACILITIES_ALL: ['COUNTY_TCM_HOSPITAL', 'CHC', 'THC', 'CHSS', 'VC'] };
/** Sums of an element read as a ratio indicator's denominator. */
const SUM_FACTORS: Record<string, string> = { ELDERLY: 'elderly_tcm_management_rate', VISITS: 'tcm_visit_share' };

export class FundsService {
  constructor(
    private readonly store: Store,
    private readonly projects: ProjectService,
    private readonly analytics: AnalyticsService,
    private readonly engine: AnalyticsEngine,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private requireArea(actor: Actor, code: string, field: string): void {
    if (!areaWithin(actor.scope, code)) throw new AppError('E8531', { field, value: code, area: '您的管辖范围 / your scope' });
  }

  /** The level of the areas that receive from `area` (the one below; counties under a municipality). */
  private receivingLevel(area: string, level?: keyof typeof LEVELS): number {
    const own = area === NATION_CODE ? 0 : (levelOfCode(area) ?? 5);
    const l = level ? LEVELS[level] : own === 1 && MUNICIPALITIES.has(area) ? 3 : own + 1;
    if (l <= own || l > 3) throw new AppError('E8531', { field: 'level', value: level ?? String(l), area });
    return l;
  }

  private async children(area: string, level: number): Promise<{ code: string; name: string }[]> {
    const out: { code: string; name: string }[] = [];
    const scope = area === NATION_CODE ? { level: 0 as const, code: NATION_CODE } : { level: levelOfCode(area) as DivisionLevel, code: area };
    for await (const d of this.store.repos.divisions.iterate({ level: level as DivisionLevel, area: scope })) out.push({ code: d.code, name: d.name });
    return out;
  }

  /** The factor table from the platform's data for the areas below `area`. */
  async factorTable(actor: Actor, body: api.FactorTableBody): Promise<api.FactorTableAnswer> {
    const area = body.area ?? ownArea(actor);
    this.requireArea(actor, area, 'area');
    const level = this.receivingLevel(area, body.level);
    const period = body.period ?? (await this.analytics.periods(actor)).at(-1);
    if (!period) throw new AppError('E8534', { field: 'period', value: '-', reason: '没有任何年度数据 / no year has data' });
    const areas = await this.children(area, level);
    const engineArea = this.analytics.areaFor(actor, area === NATION_CODE ? undefined : area);
    const columns: string[] = [];
    const values = new Map<string, Record<string, string>>(areas.map((a) => [a.code, {}]));
    for (const f of body.factors) {
      if (columns.includes(f.name)) throw new AppError('E8508', { reason: `因素名重复：${f.name} / repeated factor name ${f.name}` });
      columns.push(f.name);
      const got = new Map<string, string>();
      if (FACILITY_FACTORS[f.source]) {
        for (const r of await this.engine.reportCounts('GTCM_ANNUAL', FACILITY_FACTORS[f.source]!, period, engineArea, level)) got.set(r.area, String(r.expected));
      } else if (SUM_FACTORS[f.source] || f.source === 'GAP') {
        const indicator = f.source === 'GAP' ? f.indicator : SUM_FACTORS[f.source]!;
        if (!indicator) throw new AppError('E8534', { field: 'factors', value: f.name, reason: '缺口因素须指明指标 / a GAP factor names its indicator' });
        let rows;
        try {
          rows = await this.analytics.values(actor, { indicators: [indicator], periods: [period], area: area === NATION_CODE ? undefined : area, level: LEVEL_NAMES[level] as 'province' });
        } catch (e) {
          throw new AppError('E8534', { field: 'factors', value: f.name, reason: (e as Error).message });
        }
        for (const r of rows) {
          if (f.source === 'GAP') {
            if (r.gap === null && r.target === null) throw new AppError('E8534', { field: 'factors', value: f.name, reason: `${indicator} 没有目标值 / has no target` });
            got.set(r.areaCode, (r.gap ?? 0).toFixed(6));
          } else got.set(r.areaCode, String(r.denominator));
        }
      }
      for (const a of areas) values.get(a.code)![f.name] = got.get(a.code) ?? '0';
    }
    return { area, period, columns, rows: areas.map((a) => ({ areaCode: a.code, areaName: a.name, factors: values.get(a.code)! })) };
  }

  /** An allocation by factors, computed and not stored (the web's preview; `gtcm funds allocate` runs the same rule). */
  async preview(actor: Actor, body: api.PreviewBody): Promise<api.PreviewAnswer> {
    requireRole(actor, ADMIN_ROLES);
    const area = body.area ?? ownArea(actor);
    this.requireArea(actor, area, 'area');
    body.rows.forEach((r, i) => {
      if (area !== NATION_CODE && !r.areaCode.startsWith(area)) throw new AppError('E8531', { row: i + 2, field: 'area_code', value: r.areaCode, area });
    });
    let bands: Record<string, Band> = body.bands ?? {};
    if (body.performance !== false && !body.bands) {
      const length = body.rows[0]!.areaCode.length;
      bands = Object.fromEntries(await this.projects.bandsByArea(area === NATION_CODE ? null : area, length));
    }
    const result = allocate({ total: body.total, columns: body.columns, areas: body.rows.map((r, i) => ({ code: r.areaCode, factors: r.factors, row: i + 2 })), weights: body.weights, bands: body.performance === false ? {} : bands });
    const names = await areaNames(this.store.repos, body.rows.map((r) => r.areaCode));
    return {
      total: fenToYuan(yuanToFen(body.total)),
      rows: result.map((r, i) => ({ areaCode: r.areaCode, areaName: names.get(r.areaCode) ?? r.areaCode, factors: body.rows[i]!.factors, baseShare: r.baseShare, band: r.band, share: r.share, amount: r.amount })),
    };
  }

  /** Stores an allocation by factors as a batch: the same computation as the preview, with its basis. */
  async allocateByFactors(actor: Actor, body: api.AllocateBody): Promise<api.BatchDetail> {
    const preview = await this.preview(actor, body);
    const area = body.area ?? ownArea(actor);
    const basis = { columns: body.columns, weights: body.weights, rows: preview.rows.map((r) => ({ areaCode: r.areaCode, factors: r.factors, band: r.band, baseShare: r.baseShare, share: r.share })) };
    return this.storeBatch(actor, { fund: body.fund, year: body.year, kind: body.kind, docNo: body.docNo, fromArea: area, totalFen: yuanToFen(preview.total), method: 'FACTOR', basis }, preview.rows.map((r) => ({ areaCode: r.areaCode, projectId: null, amountFen: yuanToFen(r.amount) })));
  }

  /** A batch entered line by line: to areas below, or to projects inside the issuing area. */
  async manualBatch(actor: Actor, body: api.ManualBatchBody): Promise<api.BatchDetail> {
    requireRole(actor, ADMIN_ROLES);
    const area = body.area ?? ownArea(actor);
    this.requireArea(actor, area, 'area');
    const lines = [];
    for (const [i, l] of body.lines.entries()) {
      const amountFen = yuanToFen(l.amount);
      if (l.projectId) {
        const p = await this.projects.load(actor, l.projectId);
        if (p.status === 'DECLARED' || p.status === 'TERMINATED') throw new AppError('E8524', { row: i + 1, state: p.status, action: '下达资金', field: 'projectId', value: l.projectId });
        if (area !== NATION_CODE && !p.areaCode.startsWith(area)) throw new AppError('E8531', { row: i + 1, field: 'projectId', value: l.projectId, area });
        lines.push({ areaCode: p.areaCode, projectId: p.id, amountFen });
      } else if (l.areaCode) {
        if (l.areaCode === area || (area !== NATION_CODE && !l.areaCode.startsWith(area)) || !(await this.store.repos.divisions.get(l.areaCode))) throw new AppError('E8531', { row: i + 1, field: 'areaCode', value: l.areaCode, area });
        lines.push({ areaCode: l.areaCode, projectId: null, amountFen });
      } else throw new AppError('E8528', { row: i + 1, field: 'lines', reason: '须指明地区或项目 / an area or a project' });
    }
    const totalFen = lines.reduce((a, l) => a + l.amountFen, 0n);
    return this.storeBatch(actor, { fund: body.fund, year: body.year, kind: body.kind, docNo: body.docNo, fromArea: area, totalFen, method: 'MANUAL', basis: null }, lines);
  }

  private async storeBatch(actor: Actor, b: Omit<Batch, 'id' | 'createdBy' | 'createdAt'>, lines: { areaCode: string; projectId: number | null; amountFen: bigint }[]): Promise<api.BatchDetail> {
    const batch = await this.store.transaction(async (repos) => {
      if (await repos.projects.batchExists(b.fund, b.year, b.docNo)) throw new AppError('E8530', { field: 'docNo', fund: b.fund, year: b.year, value: b.docNo });
      const stored = await repos.projects.insertBatch({ ...b, createdBy: actor.username, createdAt: this.clock.now().toISOString() }, lines);
      await this.audit.record(repos, actor, { action: 'create', entity: 'fund_batch', entityKey: String(stored.id), areaCode: b.fromArea, after: { ...b, totalFen: b.totalFen.toString(), basis: undefined, lines: lines.map((l) => ({ ...l, amountFen: l.amountFen.toString() })) } });
      return stored;
    });
    return this.batch(actor, batch.id);
  }

  async batches(actor: Actor): Promise<api.BatchView[]> {
    const prefix = prefixOf(actor);
    const repos = this.store.repos;
    const list = await repos.projects.batches(prefix);
    const allocs = await repos.projects.allocations(prefix);
    const spends = await repos.projects.spendings(prefix);
    const names = await areaNames(repos, list.map((b) => b.fromArea));
    return list.map((b) => {
      const mine = allocs.filter((a) => a.batchId === b.id);
      const allocated = mine.reduce((a, x) => a + x.amountFen, 0n);
      const spent = spentAgainst(mine, spends, b.year);
      return { id: b.id, fund: b.fund, year: b.year, kind: b.kind, docNo: b.docNo, fromArea: b.fromArea, fromName: names.get(b.fromArea) ?? b.fromArea, total: fenToYuan(b.totalFen), method: b.method, createdBy: b.createdBy, createdAt: b.createdAt, allocated: fenToYuan(allocated), spent: fenToYuan(spent) };
    });
  }

  async batch(actor: Actor, id: number): Promise<api.BatchDetail> {
    const repos = this.store.repos;
    const b = await repos.projects.batch(id);
    const prefix = prefixOf(actor);
    const allocs = b ? await repos.projects.allocations(prefix, { batchId: id }) : [];
    if (!b || (prefix !== null && !b.fromArea.startsWith(prefix) && allocs.length === 0)) throw new AppError('E8529', { field: 'id', value: id });
    const names = await areaNames(repos, [b.fromArea, ...allocs.map((a) => a.areaCode)]);
    const spends = await repos.projects.spendings(prefix, { year: b.year });
    return {
      id: b.id, fund: b.fund, year: b.year, kind: b.kind, docNo: b.docNo, fromArea: b.fromArea, fromName: names.get(b.fromArea) ?? b.fromArea, total: fenToYuan(b.totalFen), method: b.method, createdBy: b.createdBy, createdAt: b.createdAt,
      allocated: fenToYuan(allocs.reduce((a, x) => a + x.amountFen, 0n)),
      spent: fenToYuan(spentAgainst(allocs, spends, b.year)),
      basis: b.basis,
      allocations: allocs.map((a) => ({ id: a.id, batchId: a.batchId, fund: a.fund, year: a.year, kind: a.kind, docNo: a.docNo, areaCode: a.areaCode, areaName: names.get(a.areaCode) ?? a.areaCode, projectId: a.projectId, amount: fenToYuan(a.amountFen) })),
    };
  }

  /** A spending record on a project (by its owner) or an area; a negative amount reverses (冲销), never below zero. */
  async spend(actor: Actor, body: api.SpendingBody): Promise<api.SpendingView> {
    requireRole(actor, ADMIN_ROLES);
    const amountFen = yuanToFen(body.amount.replace(/^-/, '')) * (body.amount.startsWith('-') ? -1n : 1n);
    if (amountFen === 0n) throw new AppError('E8501', { field: 'amount', value: body.amount });
    let areaCode: string;
    let projectId: number | null = null;
    if (body.projectId) {
      const p = await this.projects.load(actor, body.projectId);
      if (!areaWithin(actor.scope, p.areaCode)) throw new AppError('E8531', { field: 'projectId', value: p.id, area: '您的管辖范围 / your scope' });
      if (p.status === 'DECLARED' || p.status === 'TERMINATED') throw new AppError('E8524', { state: p.status, action: '记录支出', field: 'projectId', value: p.id });
      areaCode = p.areaCode;
      projectId = p.id;
    } else if (body.areaCode) {
      this.requireArea(actor, body.areaCode, 'areaCode');
      areaCode = body.areaCode;
    } else throw new AppError('E8532', { field: 'projectId' });
    const year = body.year ?? Number(body.spentOn.slice(0, 4));
    if (body.spentOn > chinaDay(this.clock.now())) throw new AppError('E8527', { field: 'spentOn', rule: '支出日期不能晚于今天 / spending cannot be dated in the future' });
    return this.store.transaction(async (repos) => {
      if (amountFen < 0n) {
        const so = (await repos.projects.spendings(areaCode, projectId ? { projectId } : { year })).filter((s) => (projectId ? true : s.projectId === null && s.areaCode === areaCode)).reduce((a, s) => a + s.amountFen, 0n);
        if (so + amountFen < 0n) throw new AppError('E8533', { field: 'amount', value: fenToYuan(so) });
      }
      const s = await repos.projects.insertSpending({ projectId, areaCode, year, spentOn: body.spentOn, amountFen, purpose: body.purpose, voucher: body.voucher ?? null, createdBy: actor.username, createdAt: this.clock.now().toISOString() });
      await this.audit.record(repos, actor, { action: 'create', entity: 'fund_spending', entityKey: String(s.id), areaCode, after: { ...spendingView(s) } });
      return spendingView(s);
    });
  }

  /** Allocated, spent and execution against 序时进度 per area below (a year's funds). */
  async execution(actor: Actor, q: { area?: string; year?: number }): Promise<api.ExecutionAnswer> {
    const area = q.area ?? ownArea(actor);
    this.requireArea(actor, area, 'area');
    const today = chinaDay(this.clock.now());
    const prefix = area === NATION_CODE ? null : area;
    const repos = this.store.repos;
    // Without a year: the latest year funds were allocated in the area (else this year).
    const year = q.year ?? (Math.max(0, ...(await repos.projects.allocations(prefix)).map((a) => a.year)) || Number(today.slice(0, 4)));
    const own = area === NATION_CODE ? 0 : (levelOfCode(area) ?? 5);
    const childLevel = own === 1 && MUNICIPALITIES.has(area) ? 3 : Math.min(own + 1, 5);
    const allocs = await repos.projects.allocations(prefix, { year });
    const spends = await repos.projects.spendings(prefix, { year });
    const projects = await repos.projects.projects(prefix);
    const key = (code: string) => ancestorCodes(code)[childLevel as DivisionLevel] ?? null;
    const rows = new Map<string, { allocated: bigint; spent: bigint; projects: number }>();
    const row = (k: string) => rows.get(k) ?? rows.set(k, { allocated: 0n, spent: 0n, projects: 0 }).get(k)!;
    for (const a of allocs) {
      const k = key(a.areaCode);
      if (k) row(k).allocated += a.amountFen;
    }
    for (const s of spends) {
      const k = key(s.areaCode);
      if (k) row(k).spent += s.amountFen;
    }
    for (const p of projects) {
      const k = key(p.areaCode);
      if (k && rows.has(k)) row(k).projects += 1;
    }
    const names = await areaNames(repos, rows.keys());
    const total = { allocated: allocs.reduce((a, x) => a + x.amountFen, 0n), spent: spends.reduce((a, x) => a + x.amountFen, 0n) };
    return {
      area,
      year,
      total: fundFigures(total.allocated, total.spent, year, today),
      rows: [...rows].sort(([a], [b]) => a.localeCompare(b)).map(([code, r]) => ({ areaCode: code, areaName: names.get(code) ?? code, projects: r.projects, ...fundFigures(r.allocated, r.spent, year, today) })),
    };
  }

  /** 资金台账: every allocation and spending record of a batch, or of an area's year, as Excel or CSV. */
  async ledger(actor: Actor, q: { batch?: number; area?: string; year?: number }, format: TableFormat): Promise<TableFile> {
    const repos = this.store.repos;
    let allocs;
    let spends;
    let title: string;
    if (q.batch) {
      const b = await this.batch(actor, q.batch);
      allocs = b.allocations;
      const areas = new Set(allocs.map((a) => a.areaCode));
      const projectIds = new Set(allocs.flatMap((a) => (a.projectId ? [a.projectId] : [])));
      spends = (await repos.projects.spendings(prefixOf(actor), { year: b.year })).filter((s) => (s.projectId && projectIds.has(s.projectId)) || [...areas].some((a) => s.areaCode.startsWith(a)));
      title = `资金台账-${b.fund}-${b.docNo}`;
    } else {
      const area = q.area ?? ownArea(actor);
      this.requireArea(actor, area, 'area');
      const prefix = area === NATION_CODE ? null : area;
      const year = q.year ?? Number(chinaDay(this.clock.now()).slice(0, 4));
      const raw = await repos.projects.allocations(prefix, { year });
      const names = await areaNames(repos, raw.map((a) => a.areaCode));
      allocs = raw.map((a) => ({ ...a, areaName: names.get(a.areaCode) ?? a.areaCode, amount: fenToYuan(a.amountFen) }));
      spends = await repos.projects.spendings(prefix, { year });
      title = `资金台账-${area}-${year}`;
    }
    const names = await areaNames(repos, spends.map((s) => s.areaCode));
    const projectNames = new Map((await repos.projects.projects(prefixOf(actor), { ids: [...new Set([...allocs.flatMap((a) => (a.projectId ? [a.projectId] : [])), ...spends.flatMap((s) => (s.projectId ? [s.projectId] : []))])] })).map((p) => [p.id, p.name]));
    const rows = [
      ...allocs.map((a) => ({ date: '', kind: `下达（${BATCH_KIND_NAMES[a.kind].zh}）`, fund: a.fund, year: a.year, doc: a.docNo, area: a.areaCode, areaName: a.areaName, project: a.projectId ? (projectNames.get(a.projectId) ?? String(a.projectId)) : '', amount: Number(a.amount), purpose: '', voucher: '' })),
      ...spends.map((s) => ({ date: s.spentOn, kind: s.amountFen < 0n ? '冲销' : '支出', fund: '', year: s.year, doc: '', area: s.areaCode, areaName: names.get(s.areaCode) ?? s.areaCode, project: s.projectId ? (projectNames.get(s.projectId) ?? String(s.projectId)) : '', amount: Number(fenToYuan(s.amountFen)), purpose: s.purpose, voucher: s.voucher ?? '' })),
    ];
    const columns = [
      { key: 'date', header: '日期', width: 12 },
      { key: 'kind', header: '类别', width: 14 },
      { key: 'fund', header: '资金名称', width: 28 },
      { key: 'year', header: '年度', width: 8 },
      { key: 'doc', header: '文号', width: 22 },
      { key: 'area', header: '区划代码', width: 14 },
      { key: 'areaName', header: '地区', width: 16 },
      { key: 'project', header: '项目', width: 34 },
      { key: 'amount', header: '金额（元）', width: 16, numFmt: '#,##0.00' },
      { key: 'purpose', header: '用途', width: 28 },
      { key: 'voucher', header: '凭证号', width: 14 },
    ];
    return tableFile(title, '资金台账', columns, rows, format);
  }
}

/** Spending of the year on the batch's projects and in its areas (area lines count everything spent below them). */
function spentAgainst(allocs: { areaCode: string; projectId: number | null }[], spends: { areaCode: string; projectId: number | null; year: number; amountFen: bigint }[], year: number): bigint {
  const projectIds = new Set(allocs.flatMap((a) => (a.projectId ? [a.projectId] : [])));
  const areas = allocs.filter((a) => a.projectId === null).map((a) => a.areaCode);
  let sum = 0n;
  for (const s of spends) if (s.year === year && ((s.projectId && projectIds.has(s.projectId)) || areas.some((a) => s.areaCode.startsWith(a)))) sum += s.amountFen;
  return sum;
}
