/** Reading the hierarchy, always inside the caller's scope. */
import { AppError } from '../../../domain/errors.js';
import { FACILITY_TYPES } from '../../../domain/facility.js';
import { ancestorCodes, levelOfCode, NATION_CODE, NATION_NAME, type Division, type DivisionLevel } from '../../../domain/org-unit.js';
import { areaOf, divisionInScope, NATION_AREA, type Area } from '../../../domain/scope.js';
import type { Store } from '../../platform/db/store.js';
import type { Actor } from '../../platform/access/actor.js';

export type DivisionNode = Division & { childCount: number };
export interface NationNode {
  code: typeof NATION_CODE;
  name: string;
  level: 0;
  kind: 'NATION';
  parentCode: null;
  childCount: number;
}

export interface AreaCounts {
  total: number;
  byType: Record<string, number>;
}

export class DivisionService {
  constructor(private readonly store: Store) {}

  /** The top of the caller's tree and, for breadcrumbs, the names of its ancestors. */
  async root(actor: Actor): Promise<{ root: DivisionNode | NationNode; path: Division[] }> {
    const s = actor.scope;
    if (s.kind === 'nation') {
      const provinces = await this.store.repos.divisions.children(null);
      return { root: { code: NATION_CODE, name: NATION_NAME, level: 0, kind: 'NATION', parentCode: null, childCount: provinces.length }, path: [] };
    }
    const code = s.kind === 'division' ? s.code : s.divisionCode;
    const d = await this.store.repos.divisions.get(code);
    if (!d) throw new AppError('E1101', { value: code });
    return { root: { ...d, childCount: s.kind === 'division' ? await this.store.repos.divisions.childCount(code) : 0 }, path: await this.ancestors(d) };
  }

  /** One division with its ancestors; outside the scope it does not exist for the caller. */
  async get(actor: Actor, code: string): Promise<{ division: DivisionNode | NationNode; path: Division[] }> {
    if (code === NATION_CODE) {
      if (actor.scope.kind !== 'nation') throw new AppError('E2102', { field: 'code', value: code });
      return { division: (await this.root(actor)).root, path: [] };
    }
    const d = await this.readable(actor, code);
    return { division: { ...d, childCount: await this.store.repos.divisions.childCount(code) }, path: await this.ancestors(d) };
  }

  async children(actor: Actor, code: string): Promise<DivisionNode[]> {
    if (code === NATION_CODE) {
      if (actor.scope.kind !== 'nation') throw new AppError('E2102', { field: 'code', value: code });
      return this.store.repos.divisions.children(null);
    }
    await this.readable(actor, code);
    return this.store.repos.divisions.children(code);
  }

  async search(actor: Actor, text: string, limit: number, level?: DivisionLevel): Promise<(Division & { pathNames: string })[]> {
    const area = this.scopeAreaOrThrow(actor);
    const found = await this.store.repos.divisions.search(text.trim(), area, limit, level);
    const ancestorCodesNeeded = new Set(found.flatMap((d) => Object.values(ancestorCodes(d.code)) as string[]));
    const names = new Map((await this.store.repos.divisions.getMany([...ancestorCodesNeeded])).map((d) => [d.code, d.name]));
    return found.map((d) => ({
      ...d,
      pathNames: (Object.values(ancestorCodes(d.code)) as string[]).map((c) => names.get(c) ?? c).join(' / '),
    }));
  }

  /** Open facilities by type in the area and in each of its children. */
  async facilityCounts(actor: Actor, code: string): Promise<AreaCounts & { children: (AreaCounts & { code: string; name: string; level: number })[] }> {
    const area = code === NATION_CODE ? NATION_AREA : areaOf(code);
    if (!area) throw new AppError('E1101', { field: 'code', value: code });
    if (code === NATION_CODE) {
      if (actor.scope.kind !== 'nation') throw new AppError('E2102', { field: 'code', value: code });
    } else await this.readable(actor, code);
    const children = await this.store.repos.divisions.children(area.level === 0 ? null : code);
    const childLevel = area.level < 5 ? ((area.level + 1) as DivisionLevel) : null;
    const rows = await this.store.repos.facilities.countByChild({ area, status: 'open' }, childLevel);
    const tally = new Map<string | null, AreaCounts>();
    const total: AreaCounts = { total: 0, byType: Object.fromEntries(FACILITY_TYPES.map((t) => [t, 0])) };
    for (const r of rows) {
      const t = tally.get(r.child) ?? { total: 0, byType: Object.fromEntries(FACILITY_TYPES.map((x) => [x, 0])) };
      t.total += r.n;
      t.byType[r.type] = (t.byType[r.type] ?? 0) + r.n;
      tally.set(r.child, t);
      total.total += r.n;
      total.byType[r.type] += r.n;
    }
    return {
      ...total,
      children: children.map((c) => ({
        code: c.code,
        name: c.name,
        level: c.level,
        ...(tally.get(c.code) ?? { total: 0, byType: Object.fromEntries(FACILITY_TYPES.map((x) => [x, 0])) }),
      })),
    };
  }

  /** Streams divisions for export, inside the caller's scope. */
  exportRows(actor: Actor, level?: DivisionLevel): AsyncGenerator<Division> {
    return this.store.repos.divisions.iterate({ level, area: this.scopeAreaOrThrow(actor) });
  }

  private scopeAreaOrThrow(actor: Actor): Area {
    const s = actor.scope;
    if (s.kind === 'nation') return NATION_AREA;
    if (s.kind === 'division') return { level: s.level, code: s.code };
    // A facility user sees its own division and what lies below it (乡村一体化: a THC and its villages).
    return { level: levelOfCode(s.divisionCode) ?? 5, code: s.divisionCode } as Area;
  }

  private async readable(actor: Actor, code: string): Promise<Division> {
    const d = await this.store.repos.divisions.get(code);
    if (!d) throw new AppError('E1101', { field: 'code', value: code });
    const s = actor.scope;
    const ok = s.kind === 'facility' ? s.divisionCode === code : divisionInScope(s, code);
    if (!ok) throw new AppError('E2102', { field: 'code', value: code });
    return d;
  }

  private async ancestors(d: Division): Promise<Division[]> {
    const codes = (Object.values(ancestorCodes(d.code)) as string[]).filter((c) => c !== d.code);
    const found = await this.store.repos.divisions.getMany(codes);
    return found.sort((a, b) => a.level - b.level);
  }
}
