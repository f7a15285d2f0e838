/**
 * The choices of the analysis view (indicators, periods, area, breakdown level, display): read from
 * and written to the URL query, saved as a favourite's `config`, and checked when read back.
 */
import { NATION_CODE } from '../../../domain/org-unit.js';
import { periodCodes } from '../../shared/periods.js';
import { figurePeriods } from './data-period-gate.js';
import type { SessionUser } from '../identity/identity-api.js';
import { LEVEL_NAMES, levelName, type LevelName } from './analytics-api.js';

export type AnalysisDisplay = 'table' | 'bar' | 'line' | 'map';
export const DISPLAYS: AnalysisDisplay[] = ['table', 'bar', 'line', 'map'];

export interface AnalysisConfig {
  indicators: string[];
  periods: string[];
  /** A division code or `CN`. */
  area: string;
  level: LevelName;
  display: AnalysisDisplay;
}

/** The 五个全覆盖 indicators (PRODUCT.md): the default choice. */
export const FIVE_COVERAGE = [
  'county_tcm_hospital_coverage',
  'tcm_hall_coverage',
  'chss_tcm_service',
  'vc_tcm_service',
  'tcm_physician_staffing',
  'tcm_education_coverage',
];

/** Levels a breakdown can use (no villages). */
export const BREAKDOWN_LEVELS: LevelName[] = ['province', 'city', 'county', 'township'];

/** Level of a division code (0 for the country) from its length. */
export function areaLevel(code: string): number {
  if (!code || code === NATION_CODE) return 0;
  return ({ 2: 1, 4: 2, 6: 3, 9: 4, 12: 5 } as Record<number, number>)[code.length] ?? 0;
}

/** The level just below an area (the area's own level for townships). */
export function childLevelOf(area: string): LevelName {
  return levelName(Math.min(areaLevel(area) + 1, 4));
}

/** Breakdown levels allowed for an area (not above it). */
export function levelsFor(area: string): LevelName[] {
  const own = areaLevel(area);
  return BREAKDOWN_LEVELS.filter((l) => LEVEL_NAMES.indexOf(l) >= own);
}

export function scopeArea(user: SessionUser): string {
  return user.scopeLevel === null || user.scopeLevel === 0 ? NATION_CODE : user.scopeCode;
}

const list = (v: unknown): string[] =>
  (Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : []).map((x) => String(x).trim()).filter(Boolean);


/** A complete, valid configuration from loose input (URL query or a saved favourite). */
export function normalizeConfig(raw: Record<string, unknown>, user: SessionUser, known?: Set<string>): AnalysisConfig {
  // Absent: the defaults; present but empty (the user cleared it): nothing chosen.
  let indicators = raw.indicators === undefined ? FIVE_COVERAGE : [...new Set(list(raw.indicators))];
  if (known) indicators = indicators.filter((c) => known.has(c));
  const periods = raw.periods === undefined ? figurePeriods() : [...new Set(list(raw.periods).filter((p) => periodCodes().includes(p)))].sort();
  const area = typeof raw.area === 'string' && raw.area ? raw.area : scopeArea(user);
  const allowed = levelsFor(area);
  const level = allowed.includes(raw.level as LevelName) ? (raw.level as LevelName) : childLevelOf(area);
  const display = DISPLAYS.includes(raw.display as AnalysisDisplay) ? (raw.display as AnalysisDisplay) : 'table';
  return { indicators, periods, area, level, display };
}

/** The configuration from the URL query (`ind`, `periods`, `area`, `level`, `display`). */
export function configFromParams(params: URLSearchParams, user: SessionUser, known?: Set<string>): AnalysisConfig {
  return normalizeConfig(
    {
      indicators: params.get('ind') ?? undefined,
      periods: params.get('periods') ?? undefined,
      area: params.get('area') ?? undefined,
      level: params.get('level') ?? undefined,
      display: params.get('display') ?? undefined,
    },
    user,
    known,
  );
}

/** The URL query of a configuration. */
export function configToParams(c: AnalysisConfig): Record<string, string> {
  return { ind: c.indicators.join(','), periods: c.periods.join(','), area: c.area, level: c.level, display: c.display };
}

/** The stable text of a configuration (to compare two of them). */
export const configKey = (c: AnalysisConfig) => JSON.stringify(configToParams(c));
