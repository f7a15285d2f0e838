/** Reported values per facility × data set × period: read, save, delete — scoped and audited. */
import { AppError } from '../../domain/errors.js';
import { NATION_CODE } from '../../domain/org-unit.js';
import { isOpenIn } from '../../domain/facility.js';
import { parsePeriod } from '../../domain/period.js';
import { checkValue, type DataValues } from '../../domain/program.js';
import { NATION_AREA, type Area } from '../../domain/scope.js';
import type { Report } from '../repositories/report.repository.js';
import type { Store } from '../store.js';
import { requireRole, type Actor } from './actor.js';
import type { AuditService } from './audit.service.js';
import type { Clock } from './clock.js';
import type { FacilityService } from './facility.service.js';
import type { MetadataService } from './metadata.service.js';

const WRITE_ROLES = ['SYSTEM_ADMIN', 'AREA_ADMIN', 'FACILITY_REPORTER'] as const;

export class ReportService {
  constructor(
    private readonly store: Store,
    private readonly metadata: MetadataService,
    private readonly facilities: FacilityService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async get(actor: Actor, dataSet: string, period: string, facilityCode: string): Promise<{ report: Report | null; elements: string[] }> {
    const ds = this.metadata.dataSet(dataSet);
    this.checkPeriod(period, ds.periodType);
    const f = await this.facilities.readable(this.store.repos, actor, facilityCode);
    const report = await this.store.repos.reports.get({ dataSet, period, facilityCode });
    return { report, elements: this.metadata.elementsFor(dataSet, f.type) };
  }

  /** Replaces the facility's values for the period after checking every value; all or nothing. */
  async save(actor: Actor, dataSet: string, period: string, facilityCode: string, values: Record<string, unknown>): Promise<Report> {
    requireRole(actor, WRITE_ROLES);
    const ds = this.metadata.dataSet(dataSet);
    const p = this.checkPeriod(period, ds.periodType);
    return this.store.transaction(async (repos) => {
      const f = await this.facilities.readable(repos, actor, facilityCode);
      if (!isOpenIn(f, p.start, p.end)) throw new AppError('E1405', { field: 'period', value: period });
      const applicable = new Set(this.metadata.elementsFor(dataSet, f.type));
      const clean: DataValues = {};
      for (const [code, raw] of Object.entries(values)) {
        if (raw === null || raw === undefined) continue;
        const el = this.metadata.elements.get(code);
        if (!el) throw new AppError('E1401', { field: code });
        if (!applicable.has(code)) throw new AppError('E1402', { field: code, facilityType: f.type });
        const checked = checkValue(el, raw, this.metadata.optionSets);
        if (!checked.ok) throw new AppError(checked.problem, { field: code, value: raw });
        clean[code] = checked.value;
      }
      const before = await repos.reports.get({ dataSet, period, facilityCode });
      const now = this.clock.now().toISOString();
      const report: Report = {
        dataSet,
        period,
        facilityCode,
        values: clean,
        status: before?.status ?? 'DRAFT',
        createdAt: before?.createdAt ?? now,
        updatedAt: now,
        updatedBy: actor.username,
      };
      await repos.reports.upsert(report);
      await this.audit.record(repos, actor, {
        action: before ? 'update' : 'create',
        entity: 'report',
        entityKey: `${dataSet}/${period}/${facilityCode}`,
        areaCode: f.divisionCode,
        before: before?.values,
        after: clean,
      });
      return report;
    });
  }

  async delete(actor: Actor, dataSet: string, period: string, facilityCode: string): Promise<void> {
    requireRole(actor, WRITE_ROLES);
    const ds = this.metadata.dataSet(dataSet);
    this.checkPeriod(period, ds.periodType);
    await this.store.transaction(async (repos) => {
      const f = await this.facilities.readable(repos, actor, facilityCode);
      const before = await repos.reports.get({ dataSet, period, facilityCode });
      if (!before) throw new AppError('E1105', { field: 'facilityCode', value: facilityCode });
      await repos.reports.delete({ dataSet, period, facilityCode });
      await this.audit.record(repos, actor, {
        action: 'delete',
        entity: 'report',
        entityKey: `${dataSet}/${period}/${facilityCode}`,
        areaCode: f.divisionCode,
        before: before.values,
      });
    });
  }

  /** Streams a period's reports for export, inside the caller's scope (and an optional area within it). */
  exportRows(actor: Actor, dataSet: string, period: string, areaCode?: string): AsyncGenerator<Report> {
    const ds = this.metadata.dataSet(dataSet);
    this.checkPeriod(period, ds.periodType);
    const filter = this.facilities.filterFor(actor, { area: areaCode && areaCode !== NATION_CODE ? areaCode : undefined });
    const area: Area = filter.area ?? NATION_AREA;
    return this.store.repos.reports.iterate({ dataSet, period, area, onlyFacility: filter.onlyCode });
  }

  private checkPeriod(period: string, type: 'YEARLY' | 'QUARTERLY' | 'MONTHLY') {
    const p = parsePeriod(period, type);
    if (!p) throw new AppError('E1002', { field: 'period', value: period });
    return p;
  }
}
