/**
 * 能力建设 registries: 适宜技术推广基地 (province- or county-level, the techniques they spread),
 * 中医疫病防治基地, 紧急医学救援队伍 and 中医康复中心 (construction units), with the trainings and
 * drills (演练) they hold. A unit belongs to the division it sits in; only that subtree's
 * readers see it and only its administrators change it.
 */
import { LEVEL_NAMES, UNIT_ACTIVITIES, UNIT_KIND_NAMES, UNIT_KINDS, UNIT_LEVELS, ACTIVITY_KIND_NAMES, type ActivityKind, type UnitKind, type UnitStatus } from '../../../domain/assistance/assistance.js';
import { AppError } from '../../../domain/errors.js';
import { levelOfCode } from '../../../domain/org-unit.js';
import { facilityInScope } from '../../../domain/scope.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { Repositories, Store } from '../../platform/db/store.js';
import { areaNames, areaWithin, prefixOf, requireWriter, withAncestors } from './assistance-access.js';
import type { Activity, Unit, UnitFilter } from './capacity.repository.js';

export interface UnitView extends Unit {
  areaName: string;
  level: number;
  facilityName: string | null;
  trainings: number;
  drills: number;
  people: number;
  lastActivity: string | null;
  writable: boolean;
}
export interface NewUnit {
  kind: UnitKind;
  name: string;
  areaCode: string;
  facilityCode?: string | null;
  techniques?: string[];
  startYear: number;
  endYear?: number | null;
  status?: UnitStatus;
  note?: string;
}
export type UnitChanges = Partial<Omit<NewUnit, 'kind' | 'areaCode'>>;
export interface NewActivity {
  kind: ActivityKind;
  day: string;
  topic: string;
  people: number;
  note?: string;
}

const validDay = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().slice(0, 10) === d;
const cleanList = (xs: string[] | undefined) => [...new Set((xs ?? []).map((x) => x.trim()).filter(Boolean))];

export class CapacityService {
  constructor(
    private readonly store: Store,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private now = () => this.clock.now().toISOString();
  private isWriter = (actor: Actor) => actor.role === 'SYSTEM_ADMIN' || actor.role === 'AREA_ADMIN';

  async list(actor: Actor, f: UnitFilter, page: number, pageSize: number): Promise<{ items: UnitView[]; total: number; page: number; pageSize: number; counts: Record<UnitKind, number> }> {
    const prefix = prefixOf(actor);
    if (f.area && !areaWithin(actor.scope, f.area)) throw new AppError('E2102', { field: 'area', value: f.area });
    const repos = this.store.repos;
    const { items, total } = await repos.assistanceCapacity.units(prefix, f, { offset: (page - 1) * pageSize, limit: pageSize });
    const counts = Object.fromEntries(UNIT_KINDS.map((k) => [k, 0])) as Record<UnitKind, number>;
    for (const c of await repos.assistanceCapacity.unitCounts(f.area ?? prefix)) counts[c.kind] = c.n;
    return { items: await this.views(repos, actor, items), total, page, pageSize, counts };
  }

  /** A unit the actor may read; one outside the scope is "not found". */
  async readable(repos: Repositories, actor: Actor, id: number): Promise<Unit> {
    const u = await repos.assistanceCapacity.unit(id);
    if (!u || actor.scope.kind === 'facility' || !areaWithin(actor.scope, u.areaCode)) throw new AppError('E8611', { field: 'id', value: id });
    return u;
  }

  async get(actor: Actor, id: number): Promise<UnitView & { activities: Activity[] }> {
    const repos = this.store.repos;
    const u = await this.readable(repos, actor, id);
    const [view] = await this.views(repos, actor, [u]);
    return { ...view!, activities: await repos.assistanceCapacity.activitiesOf([id]) };
  }

  async views(repos: Repositories, actor: Actor, units: Unit[]): Promise<UnitView[]> {
    const acts = await repos.assistanceCapacity.activitiesOf(units.map((u) => u.id));
    const names = await areaNames(repos, withAncestors(units.map((u) => u.areaCode)));
    const facilities = await repos.facilities.getMany(units.flatMap((u) => (u.facilityCode ? [u.facilityCode] : [])));
    return units.map((u) => {
      const mine = acts.filter((a) => a.unitId === u.id);
      const level = levelOfCode(u.areaCode) ?? 0;
      const province = level > 1 ? (names.get(u.areaCode.slice(0, 2)) ?? '') : '';
      return {
        ...u,
        areaName: `${province}${names.get(u.areaCode) ?? u.areaCode}`,
        level,
        facilityName: u.facilityCode ? (facilities.get(u.facilityCode)?.name ?? u.facilityCode) : null,
        trainings: mine.filter((a) => a.kind === 'TRAINING').length,
        drills: mine.filter((a) => a.kind === 'DRILL').length,
        people: mine.reduce((s, a) => s + a.people, 0),
        lastActivity: mine[0]?.day ?? null,
        writable: this.isWriter(actor) && areaWithin(actor.scope, u.areaCode),
      };
    });
  }

  private checkYears(start: number, end: number | null): void {
    if (end !== null && end < start) throw new AppError('E8604', { field: 'endYear', value: end, rule: `结束年份 ${end} 早于开始年份 ${start}` }, { en: `end year ${end} is before start year ${start}` });
  }

  /** The area: a division inside the scope at a level the kind sits at. */
  private async checkArea(repos: Repositories, actor: Actor, kind: UnitKind, areaCode: string): Promise<void> {
    const d = await repos.divisions.get(areaCode);
    if (!d) throw new AppError('E1101', { field: 'areaCode', value: areaCode });
    if (!areaWithin(actor.scope, areaCode)) throw new AppError('E2102', { field: 'areaCode', value: areaCode });
    const levels = UNIT_LEVELS[kind];
    if (!levels.includes(d.level))
      throw new AppError('E8612', {
        field: 'areaCode', value: `${d.name}（${areaCode}）`, kind: UNIT_KIND_NAMES[kind].zh, kindEn: UNIT_KIND_NAMES[kind].en.toLowerCase(),
        levels: levels.map((l) => LEVEL_NAMES[l].zh).join('或'), levelsEn: levels.map((l) => LEVEL_NAMES[l].en).join(' or '),
      });
  }

  /** A host facility, when named: it exists, lies inside the unit's area and the actor's scope. */
  private async checkFacility(repos: Repositories, actor: Actor, areaCode: string, code: string | null | undefined): Promise<string | null> {
    if (!code) return null;
    const f = await repos.facilities.get(code);
    if (!f) throw new AppError('E1102', { field: 'facilityCode', value: code });
    if (!facilityInScope(actor.scope, f) || !f.divisionCode.startsWith(areaCode)) throw new AppError('E2102', { field: 'facilityCode', value: code });
    return f.code;
  }

  async create(actor: Actor, n: NewUnit): Promise<UnitView> {
    requireWriter(actor);
    const end = n.endYear ?? null;
    this.checkYears(n.startYear, end);
    const at = this.now();
    const made = await this.store.transaction(async (repos) => {
      await this.checkArea(repos, actor, n.kind, n.areaCode);
      const facilityCode = await this.checkFacility(repos, actor, n.areaCode, n.facilityCode);
      const u = await repos.assistanceCapacity.insertUnit({
        kind: n.kind, name: n.name.trim(), areaCode: n.areaCode, facilityCode, techniques: cleanList(n.techniques), startYear: n.startYear, endYear: end, status: n.status ?? 'OPERATING', note: (n.note ?? '').trim(),
        createdBy: actor.username, createdAt: at, updatedAt: at,
      });
      await this.audit.record(repos, actor, { action: 'create', entity: 'asst_unit', entityKey: String(u.id), areaCode: u.areaCode, after: u });
      return u;
    });
    return (await this.views(this.store.repos, actor, [made]))[0]!;
  }

  async update(actor: Actor, id: number, c: UnitChanges): Promise<UnitView> {
    requireWriter(actor);
    const after = await this.store.transaction(async (repos) => {
      const before = await this.readable(repos, actor, id);
      const next: Unit = {
        ...before,
        ...(c.name !== undefined && { name: c.name.trim() }),
        ...(c.facilityCode !== undefined && { facilityCode: await this.checkFacility(repos, actor, before.areaCode, c.facilityCode) }),
        ...(c.techniques !== undefined && { techniques: cleanList(c.techniques) }),
        ...(c.startYear !== undefined && { startYear: c.startYear }),
        ...(c.endYear !== undefined && { endYear: c.endYear }),
        ...(c.status !== undefined && { status: c.status }),
        ...(c.note !== undefined && { note: c.note.trim() }),
        updatedAt: this.now(),
      };
      this.checkYears(next.startYear, next.endYear);
      await repos.assistanceCapacity.updateUnit(id, next);
      await this.audit.record(repos, actor, { action: 'update', entity: 'asst_unit', entityKey: String(id), areaCode: before.areaCode, before, after: next });
      return next;
    });
    return (await this.views(this.store.repos, actor, [after]))[0]!;
  }

  /** A training or drill held by the unit (the kinds it records: a base trains, a rescue team also drills). */
  async addActivity(actor: Actor, unitId: number, a: NewActivity): Promise<Activity> {
    requireWriter(actor);
    if (!validDay(a.day)) throw new AppError('E8610', { field: 'day', rule: `${a.day} 不是有效日期` }, { en: `${a.day} is not a date` });
    if (!a.topic.trim()) throw new AppError('E8616', { field: a.kind === 'DRILL' ? '演练类型' : '培训技术' }, { en: a.kind === 'DRILL' ? 'drill kind' : 'technique' });
    return this.store.transaction(async (repos) => {
      const u = await this.readable(repos, actor, unitId);
      if (!UNIT_ACTIVITIES[u.kind].includes(a.kind))
        throw new AppError('E8613', { field: 'kind', kind: UNIT_KIND_NAMES[u.kind].zh, kindEn: UNIT_KIND_NAMES[u.kind].en.toLowerCase(), activity: ACTIVITY_KIND_NAMES[a.kind].zh, activityEn: ACTIVITY_KIND_NAMES[a.kind].en });
      const made = await repos.assistanceCapacity.insertActivity({ unitId, kind: a.kind, day: a.day, topic: a.topic.trim(), people: a.people, note: (a.note ?? '').trim(), createdBy: actor.username, createdAt: this.now() });
      await this.audit.record(repos, actor, { action: 'create', entity: 'asst_activity', entityKey: String(made.id), areaCode: u.areaCode, after: made });
      return made;
    });
  }

  async deleteActivity(actor: Actor, unitId: number, activityId: number): Promise<void> {
    requireWriter(actor);
    await this.store.transaction(async (repos) => {
      const u = await this.readable(repos, actor, unitId);
      const a = await repos.assistanceCapacity.activity(activityId);
      if (!a || a.unitId !== unitId) throw new AppError('E8614', { field: 'activityId', value: activityId });
      await repos.assistanceCapacity.deleteActivity(activityId);
      await this.audit.record(repos, actor, { action: 'delete', entity: 'asst_activity', entityKey: String(activityId), areaCode: u.areaCode, before: a });
    });
  }
}
