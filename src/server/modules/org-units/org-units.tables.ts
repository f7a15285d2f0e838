/** org-units: its tables. The hierarchy, the registry and the titles divisions hold. They join the store's DB type by declaration merging. */

export interface DivisionTable {
  code: string;
  name: string;
  level: number;
  parent_code: string | null;
  kind: string;
  province_code: string;
  city_code: string | null;
  county_code: string | null;
  township_code: string | null;
}

export interface FacilityTable {
  code: string;
  name: string;
  type: string;
  division_code: string;
  province_code: string;
  city_code: string | null;
  county_code: string | null;
  township_code: string | null;
  village_code: string | null;
  ownership: string;
  opened: string;
  closed: string | null;
  attributes: string;
  created_at: string;
  updated_at: string;
  /** Change sequence of the last write (analytics catch up by it). */
  seq: number;
}

export interface DivisionTitleTable {
  division_code: string;
  title: string;
  granted: number;
  withdrawn: number | null;
  source: string | null;
  seq: number;
}

declare module '../../platform/db/database.js' {
  interface DB {
    division: DivisionTable;
    facility: FacilityTable;
    division_title: DivisionTitleTable;
  }
}
