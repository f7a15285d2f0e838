/**
 * The assistance module's facts for the indicators (county_hospital_paired_rate,
 * tech_base_training_rate): `paired_hospital`, `tech_base`, `tech_base_trained`. The version is
 * the rows and highest change sequence over the module's tables, and the year (an open pairing
 * or base counts one more year when a year begins).
 */
import { assistanceFacts } from '../../../domain/assistance/assistance.js';
import { chinaDay } from '../../../domain/period.js';
import type { Clock } from '../../platform/clock.js';
import type { Store } from '../../platform/db/store.js';
import type { FactSource, ProgramFact } from '../indicators/engine/program-facts.js';

export const ASSISTANCE_TABLES = ['asst_pairing', 'asst_pairing_year', 'asst_team', 'asst_tour', 'asst_tour_stop', 'asst_unit', 'asst_activity'] as const;

export class AssistanceFactSource implements FactSource {
  readonly name = 'assistance';

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  private year = () => Number(chinaDay(this.clock.now()).slice(0, 4));

  async version(): Promise<string> {
    const { count, maxSeq, sumSeq } = await this.store.repos.assistancePairings.versionOf(ASSISTANCE_TABLES);
    return `${count}:${maxSeq}:${sumSeq}:${this.year()}`;
  }

  async facts(): Promise<ProgramFact[]> {
    const repos = this.store.repos;
    return assistanceFacts(await repos.assistancePairings.factInput(), await repos.assistanceCapacity.baseFactInput(), this.year());
  }
}
