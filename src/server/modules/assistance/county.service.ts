/**
 * 定点帮扶县 (五寨县, 明溪县 and any county inside the reader's scope): the county's pairings, the
 * tours that visited it, the capacity units there, their figures, and a few indicator values read
 * through the analytics service (so scope and completeness rules are the dashboard's).
 */
import { DESIGNATED_COUNTIES, isDesignatedCounty } from '../../../domain/assistance/assistance.js';
import { AppError } from '../../../domain/errors.js';
import type { Actor } from '../../platform/access/actor.js';
import type { Store } from '../../platform/db/store.js';
import type { MetadataService } from '../../platform/program/metadata.service.js';
import type { AnalyticsService } from '../indicators/analytics.service.js';
import { areaNames, areaWithin, placeName, withAncestors } from './assistance-access.js';
import type { CapacityService, UnitView } from './capacity.service.js';
import type { PairingService, PairingView } from './pairing.service.js';
import type { TourService, TourView } from './tour.service.js';

/** The indicators a county page shows, those the program defines (in this order). */
export const COUNTY_INDICATORS = ['county_hospital_paired_rate', 'tech_base_training_rate', 'tcm_hall_coverage', 'vc_tcm_service', 'tcm_visit_share', 'elderly_tcm_management_rate'];

export interface CountySummary {
  code: string;
  name: string;
  placeName: string;
  designated: boolean;
  pairings: number;
  tours: number;
  units: number;
}

export class CountyService {
  constructor(
    private readonly store: Store,
    private readonly metadata: MetadataService,
    private readonly analytics: AnalyticsService,
    private readonly pairings: PairingService,
    private readonly tours: TourService,
    private readonly capacity: CapacityService,
  ) {}

  /** The 定点帮扶 counties held by the store and inside the reader's scope. */
  async designated(actor: Actor): Promise<CountySummary[]> {
    const codes = DESIGNATED_COUNTIES.map((c) => c.code).filter((c) => areaWithin(actor.scope, c));
    const present = new Set((await this.store.repos.divisions.getMany(codes)).map((d) => d.code));
    const out: CountySummary[] = [];
    for (const c of codes) if (present.has(c)) out.push((await this.collect(actor, c)).county);
    return out;
  }

  async page(actor: Actor, code: string) {
    const d = await this.store.repos.divisions.get(code);
    if (!d || d.level !== 3) throw new AppError('E8617', { field: 'code', value: code });
    if (!areaWithin(actor.scope, code)) throw new AppError('E2102', { field: 'code', value: code });
    const c = await this.collect(actor, code);
    const s = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const stops = c.tours.flatMap((t) => t.stops.filter((x) => x.countyCode === code));
    return {
      ...c,
      figures: {
        staffSent: s(c.pairings.map((p) => p.staffSentTotal)),
        specialtiesBuilt: s(c.pairings.map((p) => p.specialtiesBuilt)),
        clinicsBuilt: s(c.pairings.map((p) => p.clinicsBuilt)),
        tourVisits: s(stops.map((x) => x.visits)),
        tourFreeClinics: s(stops.map((x) => x.freeClinics)),
        tourTrained: s(stops.map((x) => x.trained)),
        trainings: s(c.units.map((u) => u.trainings)),
        peopleTrained: s(c.units.map((u) => u.people)),
      },
      indicators: await this.indicators(actor, code),
    };
  }

  private async collect(actor: Actor, code: string): Promise<{ county: CountySummary; pairings: PairingView[]; tours: TourView[]; units: UnitView[] }> {
    const [pairings, tours, units] = await Promise.all([
      this.pairings.list(actor, { area: code }, 1, 200),
      this.tours.tours(actor, { county: code }),
      this.capacity.list(actor, { area: code }, 1, 200),
    ]);
    // Only the county's own side: a pairing listed because its tertiary hospital sits here is not the county's.
    const received = pairings.items.filter((p) => p.areaCode.startsWith(code));
    const names = await areaNames(this.store.repos, withAncestors([code]));
    return {
      county: { code, name: names.get(code) ?? code, placeName: placeName(names, code), designated: isDesignatedCounty(code), pairings: received.length, tours: tours.length, units: units.total },
      pairings: received,
      tours,
      units: units.items,
    };
  }

  /** The county's values of the page's indicators over the years the engine holds (the latest three). */
  private async indicators(actor: Actor, code: string) {
    const known = new Set(this.metadata.indicators.keys());
    const inds = COUNTY_INDICATORS.filter((c) => known.has(c));
    const periods = (await this.analytics.periods(actor)).slice(-3);
    if (!inds.length || !periods.length) return [];
    const rows = await this.analytics.values(actor, { indicators: inds, periods, area: code });
    return rows.map((r) => ({ indicator: r.indicator, name: this.metadata.indicator(r.indicator).name, period: r.period, value: r.value, numerator: r.numerator, denominator: r.denominator, target: r.target, met: r.met }));
  }
}
