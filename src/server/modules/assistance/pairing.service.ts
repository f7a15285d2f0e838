/**
 * 对口帮扶: a tertiary TCM hospital paired with a county TCM hospital for a span of years, what
 * it does (content), the staff it sends and the specialties and clinics it builds each year, and
 * the annual assessment (a score 0–100 banded 优/良/中/差). A pairing belongs to both hospitals'
 * areas: administrators whose scope holds either side read and write it; nobody else sees it.
 */
import { assessmentBand, type PairingStatus } from '../../../domain/assistance/assistance.js';
import { AppError } from '../../../domain/errors.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { Repositories, Store } from '../../platform/db/store.js';
import type { FacilityRow } from '../org-units/facility.repository.js';
import { NATION_AREA } from '../../../domain/scope.js';
import { areaNames, areaWithin, placeName, prefixOf, requireWriter, withAncestors } from './assistance-access.js';
import type { Pairing, PairingFilter, PairingRow, PairingYear } from './pairing.repository.js';

export interface PairingView extends PairingRow {
  helperAreaName: string;
  areaName: string;
  years: Omit<PairingYear, 'pairingId' | 'updatedAt'>[];
  staffSentTotal: number;
  specialtiesBuilt: number;
  clinicsBuilt: number;
  lastAssessment: Omit<PairingYear, 'pairingId' | 'updatedAt'> | null;
  writable: boolean;
}

export interface NewPairing {
  helperCode: string;
  recipientCode: string;
  startYear: number;
  endYear?: number | null;
  content: string;
  status?: PairingStatus;
}
export type PairingChanges = Partial<Pick<NewPairing, 'helperCode' | 'startYear' | 'endYear' | 'content' | 'status'>>;

const yearView = ({ pairingId: _, updatedAt: __, ...y }: PairingYear) => y;

export class PairingService {
  constructor(
    private readonly store: Store,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private now = () => this.clock.now().toISOString();

  /** Whether the actor's scope holds either hospital of the pairing. */
  private sees(actor: Actor, p: Pick<Pairing, 'areaCode' | 'helperArea'>): boolean {
    return actor.scope.kind !== 'facility' && (areaWithin(actor.scope, p.areaCode) || areaWithin(actor.scope, p.helperArea));
  }

  /** A pairing the actor may read; one outside the scope is "not found" (its existence is not told). */
  async readable(repos: Repositories, actor: Actor, id: number): Promise<Pairing> {
    const p = await repos.assistancePairings.get(id);
    if (!p || !this.sees(actor, p)) throw new AppError('E8601', { field: 'id', value: id });
    return p;
  }

  /**
   * The tertiary TCM hospitals that may help (choosing a pairing's or a team's hospital): the
   * whole country's directory, deliberately not narrowed to the scope — 对口帮扶 crosses
   * provinces — and holding only the hospitals' names and places, no data of theirs.
   */
  async helpers(actor: Actor): Promise<{ code: string; name: string; divisionCode: string; placeName: string }[]> {
    prefixOf(actor);
    const { items } = await this.store.repos.facilities.list({ area: NATION_AREA, types: ['TERTIARY_TCM_HOSPITAL'], status: 'open' }, { offset: 0, limit: 2000 });
    const names = await areaNames(this.store.repos, withAncestors(items.map((f) => f.divisionCode)));
    return items.map((f) => ({ code: f.code, name: f.name, divisionCode: f.divisionCode, placeName: placeName(names, f.divisionCode) }));
  }

  async list(actor: Actor, f: PairingFilter, page: number, pageSize: number): Promise<{ items: PairingView[]; total: number; page: number; pageSize: number }> {
    const prefix = prefixOf(actor);
    if (f.area && !areaWithin(actor.scope, f.area)) throw new AppError('E2102', { field: 'area', value: f.area });
    const { items, total } = await this.store.repos.assistancePairings.list(prefix, f, { offset: (page - 1) * pageSize, limit: pageSize });
    return { items: await this.views(this.store.repos, actor, items), total, page, pageSize };
  }

  async get(actor: Actor, id: number): Promise<PairingView> {
    await this.readable(this.store.repos, actor, id);
    const { items } = await this.store.repos.assistancePairings.list(null, { ids: [id] }, { offset: 0, limit: 1 });
    return (await this.views(this.store.repos, actor, items))[0]!;
  }

  /** The views of rows: area names, the yearly figures, totals, the last assessment. */
  async views(repos: Repositories, actor: Actor, rows: PairingRow[]): Promise<PairingView[]> {
    const years = await repos.assistancePairings.yearsOf(rows.map((r) => r.id));
    const byPairing = new Map<number, PairingYear[]>();
    for (const y of years) (byPairing.get(y.pairingId) ?? byPairing.set(y.pairingId, []).get(y.pairingId)!).push(y);
    const names = await areaNames(repos, withAncestors(rows.flatMap((r) => [r.areaCode, r.helperArea])));
    const writer = actor.role === 'SYSTEM_ADMIN' || actor.role === 'AREA_ADMIN';
    return rows.map((r) => {
      const ys = byPairing.get(r.id) ?? [];
      const assessed = ys.filter((y) => y.score !== null);
      return {
        ...r,
        helperAreaName: placeName(names, r.helperArea),
        areaName: placeName(names, r.areaCode),
        years: ys.map(yearView),
        staffSentTotal: ys.reduce((s, y) => s + y.staffSent, 0),
        specialtiesBuilt: ys.reduce((s, y) => s + y.specialties.length, 0),
        clinicsBuilt: ys.reduce((s, y) => s + y.clinics.length, 0),
        lastAssessment: assessed.length ? yearView(assessed[assessed.length - 1]!) : null,
        writable: writer && this.sees(actor, r),
      };
    });
  }

  private checkYears(start: number, end: number | null): void {
    if (end !== null && end < start) throw new AppError('E8604', { field: 'endYear', value: end, rule: `结束年份 ${end} 早于开始年份 ${start}` }, { en: `end year ${end} is before start year ${start}` });
  }

  /** The two hospitals, checked: a tertiary TCM hospital helping a county TCM hospital, one of them inside the actor's scope. */
  private async hospitals(repos: Repositories, actor: Actor, helperCode: string, recipientCode: string): Promise<{ helper: FacilityRow; recipient: FacilityRow }> {
    const found = await repos.facilities.getMany([helperCode, recipientCode]);
    const helper = found.get(helperCode);
    const recipient = found.get(recipientCode);
    if (!helper) throw new AppError('E1102', { field: 'helperCode', value: helperCode });
    if (!recipient) throw new AppError('E1102', { field: 'recipientCode', value: recipientCode });
    if (helper.type !== 'TERTIARY_TCM_HOSPITAL') throw new AppError('E8602', { field: 'helperCode', value: `${helper.name}（${helper.code}）` });
    if (recipient.type !== 'COUNTY_TCM_HOSPITAL') throw new AppError('E8603', { field: 'recipientCode', value: `${recipient.name}（${recipient.code}）` });
    if (!areaWithin(actor.scope, recipient.divisionCode) && !areaWithin(actor.scope, helper.divisionCode)) throw new AppError('E2102', { field: 'recipientCode', value: recipientCode });
    return { helper, recipient };
  }

  /** Refuses a second pairing of the same two hospitals over an overlapping span (E8605). */
  private async checkOverlap(repos: Repositories, helper: FacilityRow, recipient: FacilityRow, start: number, end: number | null, except?: number): Promise<void> {
    const overlap = (await repos.assistancePairings.between(helper.code, recipient.code)).find((o) => o.id !== except && o.startYear <= (end ?? 9999) && (o.endYear ?? 9999) >= start);
    if (overlap) throw new AppError('E8605', { field: 'startYear', helper: helper.name, recipient: recipient.name, year: Math.max(start, overlap.startYear) });
  }

  async create(actor: Actor, n: NewPairing): Promise<PairingView> {
    requireWriter(actor);
    const end = n.endYear ?? null;
    this.checkYears(n.startYear, end);
    const at = this.now();
    const made = await this.store.transaction(async (repos) => {
      const { helper, recipient } = await this.hospitals(repos, actor, n.helperCode, n.recipientCode);
      await this.checkOverlap(repos, helper, recipient, n.startYear, end);
      const p = await repos.assistancePairings.insert({
        helperCode: helper.code, helperArea: helper.divisionCode, recipientCode: recipient.code, areaCode: recipient.divisionCode, startYear: n.startYear, endYear: end,
        content: n.content.trim(), status: n.status ?? 'ACTIVE', createdBy: actor.username, createdAt: at, updatedAt: at,
      });
      await this.audit.record(repos, actor, { action: 'create', entity: 'asst_pairing', entityKey: String(p.id), areaCode: p.areaCode, after: p });
      return p;
    });
    return this.get(actor, made.id);
  }

  async update(actor: Actor, id: number, c: PairingChanges): Promise<PairingView> {
    requireWriter(actor);
    await this.store.transaction(async (repos) => {
      const before = await this.readable(repos, actor, id);
      const start = c.startYear ?? before.startYear;
      const end = c.endYear === undefined ? before.endYear : c.endYear;
      this.checkYears(start, end);
      const { helper, recipient } = await this.hospitals(repos, actor, c.helperCode ?? before.helperCode, before.recipientCode);
      await this.checkOverlap(repos, helper, recipient, start, end, id);
      await repos.assistancePairings.update(id, {
        ...(c.helperCode !== undefined && { helperCode: helper.code, helperArea: helper.divisionCode }),
        ...(c.startYear !== undefined && { startYear: c.startYear }),
        ...(c.endYear !== undefined && { endYear: c.endYear }),
        ...(c.content !== undefined && { content: c.content.trim() }),
        ...(c.status !== undefined && { status: c.status }),
        updatedAt: this.now(),
      });
      await this.audit.record(repos, actor, { action: 'update', entity: 'asst_pairing', entityKey: String(id), areaCode: before.areaCode, before, after: c });
    });
    return this.get(actor, id);
  }

  private checkYearIn(p: Pairing, year: number): void {
    if (year < p.startYear || (p.endYear !== null && year > p.endYear))
      throw new AppError('E8604', { field: 'year', value: year, rule: `${year} 年不在帮扶期 ${p.startYear}–${p.endYear ?? '至今'} 内` }, { en: `${year} lies outside the pairing's years ${p.startYear}–${p.endYear ?? 'now'}` });
  }

  /** A year's figures: staff sent (人次), specialties and clinics built. The year's assessment is kept. */
  async saveYear(actor: Actor, id: number, year: number, v: { staffSent: number; specialties: string[]; clinics: string[] }): Promise<PairingView> {
    requireWriter(actor);
    await this.store.transaction(async (repos) => {
      const p = await this.readable(repos, actor, id);
      this.checkYearIn(p, year);
      const before = await repos.assistancePairings.year(id, year);
      const clean = (xs: string[]) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))];
      const after: PairingYear = {
        pairingId: id, year, staffSent: v.staffSent, specialties: clean(v.specialties), clinics: clean(v.clinics),
        score: before?.score ?? null, band: before?.band ?? null, comment: before?.comment ?? null, assessedBy: before?.assessedBy ?? null, assessedAt: before?.assessedAt ?? null, updatedAt: this.now(),
      };
      await repos.assistancePairings.upsertYear(after);
      await this.audit.record(repos, actor, { action: before ? 'update' : 'create', entity: 'asst_pairing_year', entityKey: `${id}/${year}`, areaCode: p.areaCode, before, after });
    });
    return this.get(actor, id);
  }

  /** The annual assessment (年度考核): a score 0–100, its band, a comment; audited with what it replaced. */
  async assess(actor: Actor, id: number, a: { year: number; score: number; comment?: string | null }): Promise<PairingView> {
    requireWriter(actor);
    const band = assessmentBand(a.score);
    if (band === null) throw new AppError('E8606', { field: 'score', value: a.score });
    await this.store.transaction(async (repos) => {
      const p = await this.readable(repos, actor, id);
      this.checkYearIn(p, a.year);
      const before = await repos.assistancePairings.year(id, a.year);
      const at = this.now();
      const after: PairingYear = {
        pairingId: id, year: a.year, staffSent: before?.staffSent ?? 0, specialties: before?.specialties ?? [], clinics: before?.clinics ?? [],
        score: a.score, band, comment: a.comment?.trim() || null, assessedBy: actor.username, assessedAt: at, updatedAt: at,
      };
      await repos.assistancePairings.upsertYear(after);
      await this.audit.record(repos, actor, { action: 'score', entity: 'asst_pairing_year', entityKey: `${id}/${a.year}`, areaCode: p.areaCode, before: before && { score: before.score, band: before.band, comment: before.comment }, after: { score: a.score, band, comment: after.comment } });
    });
    return this.get(actor, id);
  }
}
