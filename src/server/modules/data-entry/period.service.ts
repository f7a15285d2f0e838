/**
 * Reporting periods: which periods of a data set people pick from, which one is being collected
 * and where pages of figures open — the one rule every page and the import follow (metadata
 * `periodType`, `firstPeriod`, `earlyReporting`, `deadline`; the periods holding reports).
 */
import { AppError } from '../../../domain/errors.js';
import { chinaDay, collectingPeriod, deadlineAfter, isOpenForReporting, parsePeriod, selectablePeriods } from '../../../domain/period.js';
import type { DataSet } from '../../../domain/program.js';
import type { ReportingPeriodsAnswer } from '../../../domain/api/data-entry.js';
import type { Store } from '../../platform/db/store.js';
import type { Clock } from '../../platform/clock.js';
import type { MetadataService } from '../../platform/program/metadata.service.js';

export class PeriodService {
  constructor(
    private readonly store: Store,
    private readonly metadata: MetadataService,
    private readonly clock: Clock,
  ) {}

  private today(): string {
    return chinaDay(this.clock.now());
  }

  /** The period being collected today for a data set (the default one without a code). */
  collecting(dataSetCode?: string): string {
    return collectingPeriod(this.metadata.dataSet(dataSetCode), this.today());
  }

  /** Refuses a period that is malformed for the data set (E1002) or not open for reporting today (E1406). */
  assertOpen(ds: DataSet, period: string): void {
    if (!parsePeriod(period, ds.periodType)) throw new AppError('E1002', { field: 'period', value: period });
    if (!isOpenForReporting(period, ds, this.today()))
      throw new AppError('E1406', { field: 'period', value: period, period, collecting: collectingPeriod(ds, this.today()) });
  }

  /** Whether a period is open for reporting today (no error). */
  isOpen(ds: DataSet, period: string): boolean {
    return isOpenForReporting(period, ds, this.today());
  }

  async list(dataSetCode?: string): Promise<ReportingPeriodsAnswer> {
    const ds = this.metadata.dataSet(dataSetCode);
    const today = this.today();
    const withData = (await this.store.repos.reports.periods()).filter((r) => r.dataSet === ds.code).map((r) => r.period);
    const has = new Set(withData);
    const codes = selectablePeriods(ds, today, withData);
    const collecting = collectingPeriod(ds, today);
    const figures = [...codes].reverse().find((c) => has.has(c)) ?? collecting;
    return {
      dataSet: ds.code,
      periodType: ds.periodType,
      collecting,
      figures,
      periods: codes.map((code) => ({
        code,
        deadline: ds.deadline ? deadlineAfter(parsePeriod(code)!, ds.deadline.monthsAfterPeriodEnd) : null,
        open: isOpenForReporting(code, ds, today),
        hasData: has.has(code),
      })),
    };
  }
}
