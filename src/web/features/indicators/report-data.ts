/**
 * Everything the annual report (年度监测报告) shows for one area and year, loaded at once: the
 * area's own values for every indicator, its child areas' values, the 2021–2024 trend of the key
 * indicators, reporting completeness and the area's full name. Pure helpers for the texts.
 */
import { periodCodes } from '../../shared/periods.js';
import type { Indicator } from '../../../domain/indicator.js';
import { NATION_CODE } from '../../../domain/org-unit.js';
import { useAsync } from '../../shared/use-async.js';
import { completenessApi, type CompletenessRow } from '../approval/approval-api.js';
import { divisionApi } from '../org-units/org-units-api.js';
import { areaLevel } from './analysis-config.js';
import { analyticsApi, levelName, type IndicatorRow, type LevelName, type TrendSeries } from './analytics-api.js';

/** The indicators charted by child area and over time (services, institutions, personnel). */
export const KEY_INDICATORS = ['vc_tcm_service', 'tcm_hall_coverage', 'tcm_physician_staffing'];
/** The indicator the map is coloured by. */
export const MAP_INDICATOR = 'vc_tcm_service';

export interface ReportData {
  area: string;
  period: string;
  /** The full name (云南省昆明市五华区); for the country the caller shows its own word (全国 / China). */
  title: string;
  own: IndicatorRow[];
  /** The child areas' values; null below township level. */
  children: IndicatorRow[] | null;
  childLevel: LevelName | null;
  trend: TrendSeries[];
  completeness: CompletenessRow;
}

export function childLevelName(area: string): LevelName | null {
  const level = areaLevel(area);
  return level >= 4 ? null : levelName(level + 1);
}

async function load(area: string, period: string, scopeCode: string): Promise<ReportData> {
  const ownLevel = levelName(areaLevel(area));
  const childLevel = childLevelName(area);
  // The area's own values first: an area outside the scope fails here, before anything else is asked.
  const own = (await analyticsApi.values({ periods: [period], area, level: ownLevel })).rows;
  const [children, trend, completeness, division] = await Promise.all([
    childLevel ? analyticsApi.values({ periods: [period], area, level: childLevel }).then((r) => r.rows) : Promise.resolve(null),
    analyticsApi.trend({ area, level: ownLevel, indicators: KEY_INDICATORS, years: periodCodes().filter((p) => p <= period) }).then((r) => r.series),
    completenessApi.get(period, area === scopeCode ? undefined : area).then((r) => r.area),
    area === NATION_CODE ? Promise.resolve(null) : divisionApi.get(area).catch(() => null),
  ]);
  const title = division ? [...division.path.map((d) => d.name), division.division.name].join('') : (own[0]?.areaName ?? area);
  return { area, period, title, own, children, childLevel, trend, completeness };
}

export function useReportData(area: string, period: string, scopeCode: string) {
  return useAsync<ReportData>(`${area}|${period}`, () => load(area, period, scopeCode));
}

/** The worst child areas that miss an indicator's target (lowest first), at most `n`. */
export function laggingAreas(children: IndicatorRow[], indicator: string, n = 5): IndicatorRow[] {
  return children
    .filter((r) => r.indicator === indicator && r.value !== null && r.met === false)
    .sort((a, b) => a.value! - b.value! || a.areaCode.localeCompare(b.areaCode))
    .slice(0, n);
}

/** `2025-12-31` → 2025年底; other dates → 2025年6月30日 (English: end of 2025 / 2025-06-30). */
export function deadlineText(deadline: string | undefined, lang: 'zh' | 'en'): string {
  if (!deadline) return '–';
  const [y, m, d] = deadline.split('-').map(Number);
  if (m === 12 && d === 31) return lang === 'zh' ? `${y}年底` : `end of ${y}`;
  return lang === 'zh' ? `${y}年${m}月${d}日` : deadline;
}

/** Today as 2026年11月23日 (English: 23 November 2026). */
export function todayText(lang: 'zh' | 'en', now = new Date()): string {
  if (lang === 'zh') return `${now.getFullYear()}年${now.getMonth() + 1}月${now.getDate()}日`;
  return now.toLocaleDateString('en-GB', { year: 'numeric', month: 'long', day: 'numeric' });
}

const SOURCES: Record<string, { zh: string; en: string }> = {
  '000': { zh: '2024年全国中医药局长会议', en: '2024 national TCM directors’ meeting' },
  '001': { zh: '2024年中医医政工作要点', en: '2024 TCM medical administration work points' },
  '002': { zh: '2024年全国卫生健康工作会议', en: '2024 national health work conference' },
  '003': { zh: '各省2024年中医药工作安排', en: 'Provincial 2024 TCM work plans' },
  '004': { zh: '推动基层中医药高质量发展（2023）', en: 'Promoting high-quality grassroots TCM (NATCM, 2023)' },
  十四五中医药发展规划: { zh: '“十四五”中医药发展规划', en: '14th Five-Year Plan for TCM development' },
};

/** The source documents of a target (`004, 001`) by name. */
export function sourceText(source: string | undefined, lang: 'zh' | 'en'): string {
  if (!source) return '–';
  return source
    .split(/[,，、]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => SOURCES[s]?.[lang] ?? s)
    .join(lang === 'zh' ? '；' : '; ');
}

/** The comparison sign and threshold of an indicator's target (`≥ 80%`), or null. */
export function targetText(ind: Indicator | undefined): string | null {
  const t = ind?.targets[0];
  if (!t) return null;
  return `${t.comparison === '<=' ? '≤' : '≥'} ${Math.round(t.threshold * 1000) / 10}%`;
}
