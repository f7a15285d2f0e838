/** Data helpers of the dashboard: the 五个全覆盖 grouping, child levels, scope checks and deadline texts. */
import type { Indicator } from '../../../domain/indicator.js';
import { NATION_CODE } from '../../../domain/org-unit.js';
import type { I18n, MessageKey } from '../../shared/i18n.js';
import type { SessionUser } from '../identity/identity-api.js';
import { loadIndicators, type LevelName } from './analytics-api.js';

export { loadIndicators };

/** The 五个全覆盖 groups (PRODUCT.md), in display order. */
export const COVERAGE_GROUPS: { key: 'institutions' | 'services' | 'personnel' | 'education'; codes: string[] }[] = [
  { key: 'institutions', codes: ['county_tcm_hospital_coverage', 'tcm_hall_coverage'] },
  { key: 'services', codes: ['chss_tcm_service', 'vc_tcm_service'] },
  { key: 'personnel', codes: ['tcm_physician_staffing'] },
  { key: 'education', codes: ['tcm_education_coverage'] },
];
const COVERAGE_CODES = new Set(COVERAGE_GROUPS.flatMap((g) => g.codes));

/** The indicators outside the 五个全覆盖, in metadata order. */
export function otherIndicators(all: Indicator[]): Indicator[] {
  return all.filter((i) => !COVERAGE_CODES.has(i.code));
}

/** The indicator selected by default: 中医馆设置率 (reported everywhere), else the first. */
export function defaultIndicator(all: Indicator[]): string | undefined {
  return all.find((i) => i.code === 'tcm_hall_coverage')?.code ?? all[0]?.code;
}

/** Municipalities: their boundary map shows districts, so their children are ranked at county level. */
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);
const LEVEL_BY_LENGTH: Record<number, number> = { 2: 1, 4: 2, 6: 3, 9: 4 };

/** Level of an area code (0 for the nation), or null when the code is not a division code. */
export function areaLevel(code: string): number | null {
  if (code === NATION_CODE) return 0;
  return /^\d+$/.test(code) ? (LEVEL_BY_LENGTH[code.length] ?? null) : null;
}

/** The level whose units the map and the ranking show, or null at the lowest level. */
export function childLevel(code: string): LevelName | null {
  if (MUNICIPALITIES.has(code)) return 'county';
  const level = areaLevel(code);
  if (level === null || level >= 4) return null;
  return (['province', 'city', 'county', 'township'] as const)[level];
}

/** Whether the user may look at an area (the server checks again). */
export function inScope(user: SessionUser, code: string): boolean {
  if (areaLevel(code) === null) return false;
  if (user.scopeCode === NATION_CODE) return true;
  return code !== NATION_CODE && code.startsWith(user.scopeCode);
}

/** `2025-12-31` → 2025年底 / end of 2025; other dates in full. */
export function deadlineText(deadline: string, t: I18n['t']): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(deadline);
  if (!m) return deadline;
  if (m[2] === '12' && m[3] === '31') return t('dash.deadlineYearEnd', { year: m[1] });
  return t('dash.deadlineDate', { year: m[1], month: Number(m[2]), day: Number(m[3]) });
}

export const GROUP_KEYS: Record<(typeof COVERAGE_GROUPS)[number]['key'], MessageKey> = {
  institutions: 'dash.group.institutions',
  services: 'dash.group.services',
  personnel: 'dash.group.personnel',
  education: 'dash.group.education',
};
