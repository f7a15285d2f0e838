/** The facility registry: list, view, create, edit, close — inside the caller's scope, audited. */
import { AppError } from '../../../domain/errors.js';
import { FACILITY_DIVISION_LEVEL, type Facility, type FacilityChanges, type FacilityType, type NewFacility } from '../../../domain/facility.js';
import type { Division } from '../../../domain/org-unit.js';
import { ancestorCodes } from '../../../domain/org-unit.js';
import { isIsoDate } from '../../../domain/period.js';
import { areaOf, divisionInScope, facilityInScope, managedBy, NATION_AREA, type Area } from '../../../domain/scope.js';
import type { FacilityFilter, FacilityRow } from './facility.repository.js';
import type { Repositories, Store } from '../../platform/db/store.js';
import { ADMIN_ROLES, requireRole, type Actor } from '../../platform/access/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';

export interface FacilityQuery {
  area?: string;
  type?: FacilityType;
  text?: string;
  status?: 'open' | 'closed' | 'all';
}

export type { FacilityChanges, NewFacility } from '../../../domain/facility.js';

export type FacilityView = FacilityRow & { divisionName: string };

const CODE_RE = /^(?!\d+$)[A-Za-z0-9_-]{2,40}$/;

export class FacilityService {
  constructor(
    private readonly store: Store,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The repository filter for a query: the requested area must lie inside the caller's scope. */
  filterFor(actor: Actor, q: FacilityQuery): FacilityFilter {
    const s = actor.scope;
    let area: Area = NATION_AREA;
    if (q.area) {
      const a = areaOf(q.area);
      if (!a) throw new AppError('E1101', { field: 'area', value: q.area });
      area = a;
    }
    const base = { type: q.type, text: q.text?.trim() || undefined, status: q.status ?? 'all' };
    if (s.kind === 'facility') {
      if (q.area && !(area.level === 0 ? false : ancestorCodes(s.divisionCode)[area.level] === area.code))
        throw new AppError('E2102', { field: 'area', value: q.area });
      const m = managedBy(s);
      return { ...base, area: NATION_AREA, facilityScope: { code: s.code, townshipCode: m?.townshipCode ?? null, managedTypes: m?.types ?? [] } };
    }
    if (!q.area) area = s.kind === 'nation' ? NATION_AREA : { level: s.level, code: s.code };
    else if (s.kind === 'division' && (area.level === 0 || !divisionInScope(s, area.code)))
      throw new AppError('E2102', { field: 'area', value: q.area });
    return { ...base, area };
  }

  async list(actor: Actor, q: FacilityQuery, page: number, pageSize: number): Promise<{ items: FacilityView[]; total: number }> {
    const filter = this.filterFor(actor, q);
    const { items, total } = await this.store.repos.facilities.list(filter, { offset: (page - 1) * pageSize, limit: pageSize });
    return { items: await this.withDivisionNames(items), total };
  }

  async get(actor: Actor, code: string): Promise<{ facility: FacilityView; path: Division[] }> {
    const f = await this.readable(this.store.repos, actor, code);
    const path = await this.store.repos.divisions.getMany(Object.values(ancestorCodes(f.divisionCode)) as string[]);
    path.sort((a, b) => a.level - b.level);
    const [view] = await this.withDivisionNames([f]);
    return { facility: view, path };
  }

  async create(actor: Actor, input: NewFacility): Promise<FacilityView> {
    requireRole(actor, ADMIN_ROLES);
    if (!CODE_RE.test(input.code)) throw new AppError('E1304', { field: 'code', value: input.code });
    if (!isIsoDate(input.opened)) throw new AppError('E1001', { field: 'opened', value: input.opened });
    const created = await this.store.transaction(async (repos) => {
      await this.checkDivision(repos, actor, input.type, input.divisionCode);
      if (await repos.facilities.get(input.code)) throw new AppError('E1201', { field: 'code', value: input.code });
      const f: Facility = { ...input, name: input.name.trim(), closed: null, attributes: input.attributes ?? {} };
      await repos.facilities.insert(f, this.now());
      await this.audit.record(repos, actor, { action: 'create', entity: 'facility', entityKey: f.code, areaCode: f.divisionCode, after: f });
      return (await repos.facilities.get(f.code))!;
    });
    return (await this.withDivisionNames([created]))[0];
  }

  async update(actor: Actor, code: string, changes: FacilityChanges): Promise<FacilityView> {
    requireRole(actor, ADMIN_ROLES);
    if (changes.opened !== undefined && !isIsoDate(changes.opened)) throw new AppError('E1001', { field: 'opened', value: changes.opened });
    const updated = await this.store.transaction(async (repos) => {
      const before = await this.readable(repos, actor, code);
      const after: Facility = { ...strip(before), ...definedOnly(changes) };
      if (changes.divisionCode !== undefined && changes.divisionCode !== before.divisionCode)
        await this.checkDivision(repos, actor, before.type, changes.divisionCode);
      if (after.closed && after.closed < after.opened) throw new AppError('E1303', { field: 'opened' });
      await repos.facilities.update(after, this.now());
      await this.audit.record(repos, actor, { action: 'update', entity: 'facility', entityKey: code, areaCode: after.divisionCode, before: strip(before), after });
      // A move is in the log of the area it left too, so that county sees where its facility went.
      if (after.divisionCode !== before.divisionCode)
        await this.audit.record(repos, actor, { action: 'move_out', entity: 'facility', entityKey: code, areaCode: before.divisionCode, before: strip(before), after });
      return (await repos.facilities.get(code))!;
    });
    return (await this.withDivisionNames([updated]))[0];
  }

  async close(actor: Actor, code: string, closed: string): Promise<FacilityView> {
    requireRole(actor, ADMIN_ROLES);
    if (!isIsoDate(closed)) throw new AppError('E1001', { field: 'closed', value: closed });
    const updated = await this.store.transaction(async (repos) => {
      const before = await this.readable(repos, actor, code);
      if (before.closed) throw new AppError('E1302', { field: 'closed', value: before.closed });
      if (closed < before.opened) throw new AppError('E1303', { field: 'closed', value: closed });
      const after: Facility = { ...strip(before), closed };
      await repos.facilities.update(after, this.now());
      await this.audit.record(repos, actor, { action: 'close', entity: 'facility', entityKey: code, areaCode: after.divisionCode, before: strip(before), after });
      return (await repos.facilities.get(code))!;
    });
    return (await this.withDivisionNames([updated]))[0];
  }

  exportRows(actor: Actor, q: FacilityQuery): AsyncGenerator<FacilityRow> {
    return this.store.repos.facilities.iterate(this.filterFor(actor, q));
  }

  /**
   * The facilities the caller may see among `codes`, in one query (per 900 codes): the first
   * unknown code is refused (404), the first outside the scope 403 — a bulk check, so approving
   * 5,000 reports is not 5,000 look-ups.
   */
  async readableMany(repos: Repositories, actor: Actor, codes: string[]): Promise<Map<string, FacilityRow>> {
    const found = await repos.facilities.getMany([...new Set(codes)]);
    for (const code of codes) {
      const f = found.get(code);
      if (!f) throw new AppError('E1102', { field: 'code', value: code });
      if (!facilityInScope(actor.scope, f)) throw new AppError('E2102', { field: 'code', value: code });
    }
    return found;
  }

  /** A facility the caller may see; one outside the scope is refused (403), an unknown one 404. */
  async readable(repos: Repositories, actor: Actor, code: string): Promise<FacilityRow> {
    const f = await repos.facilities.get(code);
    if (!f) throw new AppError('E1102', { field: 'code', value: code });
    if (!facilityInScope(actor.scope, f)) throw new AppError('E2102', { field: 'code', value: code });
    return f;
  }

  private async checkDivision(repos: Repositories, actor: Actor, type: FacilityType, divisionCode: string): Promise<void> {
    const d = await repos.divisions.get(divisionCode);
    if (!d) throw new AppError('E1101', { field: 'divisionCode', value: divisionCode });
    if (!divisionInScope(actor.scope, divisionCode)) throw new AppError('E2102', { field: 'divisionCode', value: divisionCode });
    if (d.level !== FACILITY_DIVISION_LEVEL[type])
      throw new AppError('E1301', { field: 'divisionCode', value: divisionCode, expectedLevel: FACILITY_DIVISION_LEVEL[type] });
  }

  private async withDivisionNames(items: FacilityRow[]): Promise<FacilityView[]> {
    const names = new Map((await this.store.repos.divisions.getMany([...new Set(items.map((f) => f.divisionCode))])).map((d) => [d.code, d.name]));
    return items.map((f) => ({ ...f, divisionName: names.get(f.divisionCode) ?? '' }));
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

function strip(f: FacilityRow): Facility {
  const { createdAt: _c, updatedAt: _u, ...rest } = f;
  return rest;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
