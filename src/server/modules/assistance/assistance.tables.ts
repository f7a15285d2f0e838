/** assistance: its tables. They join the store's DB type by declaration merging. Every row carries a change sequence (`seq`): the fact source's version. */
import type { Generated } from 'kysely';

export interface AsstPairingTable {
  id: Generated<number>;
  /** The tertiary TCM hospital (facility code) and its division. */
  helper_code: string;
  helper_area: string;
  /** The county TCM hospital (facility code) and its division: the area the pairing belongs to. */
  recipient_code: string;
  area_code: string;
  start_year: number;
  end_year: number | null;
  content: string;
  status: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  seq: number;
}

export interface AsstPairingYearTable {
  pairing_id: number;
  year: number;
  staff_sent: number;
  /** JSON: names of the specialties (专科) built. */
  specialties: string;
  /** JSON: names of the clinics (诊室/工作室) built. */
  clinics: string;
  score: number | null;
  band: string | null;
  comment: string | null;
  assessed_by: string | null;
  assessed_at: string | null;
  updated_at: string;
  seq: number;
}

export interface AsstTeamTable {
  id: Generated<number>;
  name: string;
  /** The lead hospital (facility code) and its division: the area the team and its tours belong to. */
  lead_code: string;
  area_code: string;
  created_by: string;
  created_at: string;
  seq: number;
}

export interface AsstTourTable {
  id: Generated<number>;
  team_id: number;
  start_date: string;
  end_date: string;
  note: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  seq: number;
}

export interface AsstTourStopTable {
  tour_id: number;
  county_code: string;
  visits: number;
  free_clinics: number;
  trained: number;
  seq: number;
}

export interface AsstUnitTable {
  id: Generated<number>;
  kind: string;
  name: string;
  area_code: string;
  facility_code: string | null;
  /** JSON: the techniques a base spreads. */
  techniques: string;
  start_year: number;
  end_year: number | null;
  status: string;
  note: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  seq: number;
}

export interface AsstActivityTable {
  id: Generated<number>;
  unit_id: number;
  kind: string;
  day: string;
  /** The technique trained, or the kind of drill. */
  topic: string;
  people: number;
  note: string;
  created_by: string;
  created_at: string;
  seq: number;
}

declare module '../../platform/db/database.js' {
  interface DB {
    asst_pairing: AsstPairingTable;
    asst_pairing_year: AsstPairingYearTable;
    asst_team: AsstTeamTable;
    asst_tour: AsstTourTable;
    asst_tour_stop: AsstTourStopTable;
    asst_unit: AsstUnitTable;
    asst_activity: AsstActivityTable;
  }
}
