/**
 * Reporting periods: which periods of a data set people pick from, which one is being collected
 * and where pages of figures open — the one rule every page and the import follow (metadata
 * `periodType`, `firstPeriod`, `earlyReporting`, `deadline`; the periods holding reports; the
 * completeness in the caller's scope against GTCM_COMPLETENESS_ENOUGH).
 */
import { completeEnough } from '../../../domain/completeness.js';
import { chinaDay, collectingPeriod, deadlineAfter, isOpenForReporting, parsePeriod, selectablePeriods } from '../../../domain/period.js';
import type { ReportingPeriodsAnswer } from '../../../domain/api/data-entry.js';
import type { Store } from '../../platform/db/store.js';
import type { Actor } from '../../platform/access/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { MetadataService } from '../../platform/program/metadata.service.js';
import type { CompletenessService } from './completeness.service.js';

export class PeriodService {
  constructor(
    private readonly store: Store,
    private readonly metadata: MetadataService,
    private readonly clock: Clock,
    private readonly completeness: CompletenessService,
    /** GTCM_COMPLETENESS_ENOUGH as a fraction. */
    private readonly enough: number,
  ) {}

  private today(): string {
    return chinaDay(this.clock.now());
  }

  /** The period being collected today for a data set (the default one without a code). */
  collecting(dataSetCode?: string): string {
    return collectingPeriod(this.metadata.dataSet(dataSetCode), this.today());
  }

  /**
   * The periods for the caller. Figure pages open on the newest period holding reports whose
   * reporting in the caller's scope is complete enough (domain/completeness.ts); the periods
   * newer than that one carry their completeness, so the picker can say "填报中 x%".
   */
  async list(actor: Actor, dataSetCode?: string): Promise<ReportingPeriodsAnswer> {
    const ds = this.metadata.dataSet(dataSetCode);
    const today = this.today();
    const withData = (await this.store.repos.reports.periods()).filter((r) => r.dataSet === ds.code).map((r) => r.period);
    const has = new Set(withData);
    const codes = selectablePeriods(ds, today, withData);
    const deadlineOf = (code: string) => (ds.deadline ? deadlineAfter(parsePeriod(code)!, ds.deadline.monthsAfterPeriodEnd) : null);
    const rates = new Map<string, number>();
    let figures: string | null = null;
    if (actor.scope.kind !== 'facility')
      for (const code of [...codes].reverse()) {
        if (!has.has(code)) {
          rates.set(code, 0);
          continue;
        }
        const rate = await this.completeness.rate(actor, ds.code, code);
        rates.set(code, rate);
        const deadline = deadlineOf(code);
        if (completeEnough(rate, deadline !== null && deadline < today, this.enough)) {
          figures = code;
          break;
        }
      }
    const collecting = collectingPeriod(ds, today);
    figures ??= [...codes].reverse().find((c) => has.has(c)) ?? collecting;
    return {
      dataSet: ds.code,
      periodType: ds.periodType,
      collecting,
      figures,
      today,
      completenessEnough: this.enough,
      periods: codes.map((code) => ({
        code,
        deadline: deadlineOf(code),
        open: isOpenForReporting(code, ds, today),
        hasData: has.has(code),
        completeness: rates.get(code) ?? null,
      })),
    };
  }
}
