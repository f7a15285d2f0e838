/** Completeness and timeliness: expected reports against received, submitted, on time, late. */
import { AppError } from '../../../domain/errors.js';
import { NATION_CODE, NATION_NAME, type DivisionLevel } from '../../../domain/org-unit.js';
import { deadlineAfter } from '../../../domain/period.js';
import { completenessRate } from '../../../domain/completeness.js';
import type { FacilityFilter } from '../org-units/facility.repository.js';
import type { CompletenessCounts } from './workflow.repository.js';
import type { Store } from '../../platform/db/store.js';
import type { Actor } from '../../platform/access/actor.js';
import type { FacilityService } from '../org-units/facility.service.js';
import type { ReportService } from '../data-entry/report.service.js';

export type CompletenessRow = Omit<CompletenessCounts, 'child'> & { code: string; name: string };

/** The end of a deadline day in China (UTC+8), as an ISO instant comparable with submitted_at. */
export function deadlineEnd(day: string): string {
  return new Date(`${day}T23:59:59.999+08:00`).toISOString();
}

export class CompletenessService {
  constructor(
    private readonly store: Store,
    private readonly reports: ReportService,
    private readonly facilities: FacilityService,
  ) {}

  async summary(actor: Actor, dataSet: string | undefined, period: string, area?: string): Promise<{ deadline: string | null; area: CompletenessRow; children: CompletenessRow[] }> {
    const { filter, deadline, k } = this.prepare(actor, dataSet, period, area);
    const repo = this.store.repos.workflow;
    const end = deadline ? deadlineEnd(deadline) : '9999-12-31T00:00:00.000Z';
    const [total] = await repo.completeness(k, filter, null, end);
    const level = filter.area.level;
    const children = level < 5 && !filter.facilityScope ? await this.store.repos.divisions.children(level === 0 ? null : filter.area.code) : [];
    const byChild = new Map((level < 5 && !filter.facilityScope ? await repo.completeness(k, filter, (level + 1) as DivisionLevel, end) : []).map((r) => [r.child, r]));
    const zero = { expected: 0, received: 0, submitted: 0, approved: 0, onTime: 0, late: 0 };
    const areaName = filter.area.level === 0 ? NATION_NAME : ((await this.store.repos.divisions.get(filter.area.code))?.name ?? filter.area.code);
    const strip = (c: CompletenessCounts | undefined) => {
      if (!c) return zero;
      const { child: _, ...rest } = c;
      return rest;
    };
    return {
      deadline,
      area: { code: filter.area.level === 0 ? NATION_CODE : filter.area.code, name: areaName, ...strip(total) },
      children: [
        ...children.map((c) => ({ code: c.code, name: c.name, ...strip(byChild.get(c.code)) })),
        // Facilities attached to the area itself (a county's TCM hospital, a township's health centre).
        ...(byChild.get(null) ? [{ code: filter.area.code, name: `${areaName}（本级）`, ...strip(byChild.get(null)) }] : []),
      ],
    };
  }

  /** Received ÷ expected reports in the caller's scope (0 when none are expected): one count, no breakdown. */
  async rate(actor: Actor, dataSet: string | undefined, period: string): Promise<number> {
    const { filter, k } = this.prepare(actor, dataSet, period);
    const [total] = await this.store.repos.workflow.completeness(k, filter, null, '9999-12-31T00:00:00.000Z');
    return total ? completenessRate(total.received, total.expected) : 0;
  }

  async missing(actor: Actor, dataSet: string | undefined, period: string, area: string | undefined, page: number, pageSize: number) {
    const { filter, k } = this.prepare(actor, dataSet, period, area);
    const r = await this.store.repos.workflow.missing(k, filter, { offset: (page - 1) * pageSize, limit: pageSize });
    const names = new Map((await this.store.repos.divisions.getMany([...new Set(r.items.map((i) => i.divisionCode))])).map((d) => [d.code, d.name]));
    return { total: r.total, items: r.items.map((i) => ({ ...i, divisionName: names.get(i.divisionCode) ?? '' })) };
  }

  /** The facilities expected to report: of the data set's types, open in the period, in the area. */
  private prepare(actor: Actor, dataSetCode: string | undefined, period: string, area?: string) {
    const dataSet = this.reports.dataSetCode(dataSetCode);
    const { ds, p } = this.reports.dataSetAndPeriod(dataSet, period);
    if (area === NATION_CODE && actor.scope.kind !== 'nation') throw new AppError('E2102', { field: 'area', value: area });
    const base = this.facilities.filterFor(actor, { area: area === NATION_CODE ? undefined : area });
    const filter: FacilityFilter = { ...base, status: 'all', types: ds.facilityTypes, openBetween: { start: p.start, end: p.end } };
    const deadline = ds.deadline ? deadlineAfter(p, ds.deadline.monthsAfterPeriodEnd) : null;
    return { filter, deadline, k: { dataSet, period } };
  }
}
