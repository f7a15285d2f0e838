/**
 * Reported values per facility × data set × period: read, validate, save a draft, submit,
 * delete, history — scoped, locked by approvals, audited.
 */
import { actorLevel, canEdit } from '../../../domain/approval.js';
import { AppError } from '../../../domain/errors.js';
import { FACILITY_TYPE_NAMES, isOpenIn } from '../../../domain/facility.js';
import { NATION_CODE } from '../../../domain/org-unit.js';
import { chinaDay, collectingPeriod, isOpenForReporting, parsePeriod, previousPeriod, type Period } from '../../../domain/period.js';
import { checkValue, normalizeValues, requiredElements, type DataSet, type DataValue, type DataValues } from '../../../domain/program.js';
import type { HistoryEntryView } from '../../../domain/api/data-entry.js';
import { validateValues, type ValidationResult } from '../../../domain/validation.js';
import type { FacilityRow } from '../org-units/facility.repository.js';
import { writtenReport, type Report } from '../../../domain/data-entry/report.js';
import type { Repositories, Store } from '../../platform/db/store.js';
import { requireRole, type Actor } from '../../platform/access/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { FacilityService } from '../org-units/facility.service.js';
import type { MetadataService } from '../../platform/program/metadata.service.js';

export const WRITE_ROLES = ['SYSTEM_ADMIN', 'AREA_ADMIN', 'FACILITY_REPORTER'] as const;

export interface ReportView {
  report: Report | null;
  elements: string[];
  facility: FacilityRow;
  previous: DataValues | null;
  locked: boolean;
  lockedReason?: string;
  lockedReasonEn?: string;
}

export type { HistoryEntryView as HistoryEntry } from '../../../domain/api/data-entry.js';

export class ReportService {
  constructor(
    private readonly store: Store,
    private readonly metadata: MetadataService,
    private readonly facilities: FacilityService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The code of a data set, or of the default one when none is named. */
  dataSetCode(code?: string): string {
    return this.metadata.dataSet(code).code;
  }

  async get(actor: Actor, dataSet: string, period: string, facilityCode: string): Promise<ReportView> {
    const { ds, p } = this.dataSetAndPeriod(dataSet, period);
    const repos = this.store.repos;
    const f = await this.facilities.readable(repos, actor, facilityCode);
    const report = await repos.reports.get({ dataSet, period, facilityCode });
    const prev = await repos.reports.get({ dataSet, period: previousPeriod(p), facilityCode });
    const locked = report ? !canEdit(report, actorLevel(actor.scope)) : false;
    return {
      report,
      elements: this.metadata.elementsFor(ds.code, f.type),
      facility: f,
      previous: prev?.values ?? null,
      locked,
      ...(locked ? { lockedReason: new AppError('E5102').zh, lockedReasonEn: new AppError('E5102').en } : {}),
    };
  }

  /** Checks values without saving: type problems throw; rule errors and warnings are returned. */
  async validate(actor: Actor, dataSet: string, period: string, facilityCode: string, values: Record<string, unknown>): Promise<ValidationResult> {
    const { ds, p } = this.dataSetAndPeriod(dataSet, period);
    const f = await this.facilities.readable(this.store.repos, actor, facilityCode);
    const clean = this.cleanValues(ds, f, values);
    return this.check(this.store.repos, ds, p, f, clean);
  }

  /** Saves a draft: values are type-checked; rule problems are reported, not blocking. */
  async save(actor: Actor, dataSet: string, period: string, facilityCode: string, values: Record<string, unknown>, comment?: string): Promise<{ report: Report; validation: ValidationResult }> {
    return this.write(actor, dataSet, period, facilityCode, values, comment, false);
  }

  /** Saves (when values are given) and submits: error rules block; warnings need a comment. */
  async submit(actor: Actor, dataSet: string, period: string, facilityCode: string, values?: Record<string, unknown>, comment?: string): Promise<{ report: Report; validation: ValidationResult }> {
    return this.write(actor, dataSet, period, facilityCode, values, comment, true);
  }

  async delete(actor: Actor, dataSet: string, period: string, facilityCode: string): Promise<void> {
    requireRole(actor, WRITE_ROLES);
    this.dataSetAndPeriod(dataSet, period);
    await this.store.transaction(async (repos) => {
      const f = await this.facilities.readable(repos, actor, facilityCode);
      const before = await repos.reports.get({ dataSet, period, facilityCode });
      if (!before) throw new AppError('E1105', { field: 'facilityCode', value: facilityCode });
      if (!canEdit(before, actorLevel(actor.scope))) throw new AppError('E5102', { approvalLevel: before.approvalLevel });
      await repos.reports.delete({ dataSet, period, facilityCode });
      await this.audit.record(repos, actor, { action: 'delete', entity: 'report', entityKey: `${dataSet}/${period}/${facilityCode}`, areaCode: f.divisionCode, before: before.values });
    });
  }

  /** Value history per element from the audit log, newest first. */
  async history(actor: Actor, dataSet: string, period: string, facilityCode: string): Promise<HistoryEntryView[]> {
    this.dataSetAndPeriod(dataSet, period);
    await this.facilities.readable(this.store.repos, actor, facilityCode);
    const { items } = await this.store.repos.audit.list({ entity: 'report', entityKey: `${dataSet}/${period}/${facilityCode}` }, { offset: 0, limit: 500 });
    const out: HistoryEntryView[] = [];
    for (const e of items) {
      const before = (e.before ?? {}) as Record<string, DataValue | null>;
      const after = (e.after ?? {}) as Record<string, DataValue | null>;
      for (const el of new Set([...Object.keys(before), ...Object.keys(after)]))
        if (this.metadata.elements.has(el) && JSON.stringify(before[el]) !== JSON.stringify(after[el]))
          out.push({ at: e.at, actor: e.actor, action: e.action, element: el, before: before[el] ?? null, after: after[el] ?? null });
    }
    return out;
  }

  /** Streams a period's reports for export, inside the caller's scope (and an optional area within it). */
  exportRows(actor: Actor, dataSet: string, period: string, areaCode?: string): AsyncGenerator<Report> {
    this.dataSetAndPeriod(dataSet, period);
    const filter = this.facilities.filterFor(actor, { area: areaCode && areaCode !== NATION_CODE ? areaCode : undefined });
    return this.store.repos.reports.iterate({ dataSet, period }, filter);
  }

  dataSetAndPeriod(dataSet: string, period: string): { ds: DataSet; p: Period } {
    const ds = this.metadata.dataSet(dataSet);
    const p = parsePeriod(period, ds.periodType);
    if (!p) throw new AppError('E1002', { field: 'period', value: period });
    return { ds, p };
  }

  /** Refuses writing a period not open for reporting today (a future year, a year not ended): E1406. */
  assertOpen(ds: DataSet, p: Period): void {
    const today = chinaDay(this.clock.now());
    if (!isOpenForReporting(p.id, ds, today)) throw new AppError('E1406', { field: 'period', value: p.id, period: p.id, collecting: collectingPeriod(ds, today) });
  }

  /** Type-checks values against the elements that apply to the facility; the first problem throws. */
  cleanValues(ds: DataSet, f: FacilityRow, values: Record<string, unknown>): DataValues {
    const applicable = new Set(this.metadata.elementsFor(ds.code, f.type));
    const clean: DataValues = {};
    for (const [code, raw] of Object.entries(values)) {
      if (raw === null || raw === undefined || raw === '') continue;
      const el = this.metadata.elements.get(code);
      if (!el) throw new AppError('E1401', { field: code });
      if (!applicable.has(code)) throw new AppError('E1402', { field: code, facilityType: f.type });
      const checked = checkValue(el, raw, this.metadata.optionSets);
      if (!checked.ok) throw new AppError(checked.problem, { field: code, value: raw });
      clean[code] = checked.value;
    }
    return normalizeValues(clean);
  }

  /** Rule errors and warnings: required elements left empty, the data set's rules, the change from the previous period. */
  async check(repos: Repositories, ds: DataSet, p: Period, f: FacilityRow, values: DataValues): Promise<ValidationResult> {
    const prev = await repos.reports.get({ dataSet: ds.code, period: previousPeriod(p), facilityCode: f.code });
    return validateValues(ds, values, prev?.values ?? null, this.metadata.elementNames, requiredElements(ds, f.type));
  }

  private async write(actor: Actor, dataSet: string, period: string, facilityCode: string, values: Record<string, unknown> | undefined, comment: string | undefined, submit: boolean) {
    requireRole(actor, WRITE_ROLES);
    const { ds, p } = this.dataSetAndPeriod(dataSet, period);
    this.assertOpen(ds, p);
    return this.store.transaction(async (repos) => {
      const f = await this.facilities.readable(repos, actor, facilityCode);
      if (!isOpenIn(f, p.start, p.end)) throw new AppError('E1405', { field: 'period', value: period });
      if (!ds.facilityTypes.includes(f.type)) throw new AppError('E1407', { field: 'facilityCode', value: facilityCode, type: FACILITY_TYPE_NAMES[f.type].zh, typeEn: FACILITY_TYPE_NAMES[f.type].en.toLowerCase(), dataSet: ds.code });
      const before = await repos.reports.get({ dataSet, period, facilityCode });
      if (before && !canEdit(before, actorLevel(actor.scope))) throw new AppError('E5102', { approvalLevel: before.approvalLevel });
      const clean = values === undefined ? (before?.values ?? {}) : this.cleanValues(ds, f, values);
      const validation = await this.check(repos, ds, p, f, clean);
      const note = comment?.trim() || null;
      if (submit && validation.errors.length) throw new AppError('E5001', { violations: validation.errors });
      if (submit && validation.warnings.length && !note) throw new AppError('E5002', { violations: validation.warnings });
      const now = this.clock.now().toISOString();
      // A level above an approval's lock correcting the report keeps the approval (the domain's rule).
      const report = writtenReport(before, { dataSet, period, facilityCode, values: clean, comment: note, how: submit ? 'submit' : 'save', by: actor.username, at: now });
      await repos.reports.upsert(report);
      await this.audit.record(repos, actor, {
        action: submit ? 'submit' : before ? 'update' : 'create',
        entity: 'report',
        entityKey: `${dataSet}/${period}/${facilityCode}`,
        areaCode: f.divisionCode,
        before: before?.values,
        after: clean,
      });
      return { report, validation };
    });
  }
}
