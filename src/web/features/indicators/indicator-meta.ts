/** Indicator metadata (GET /api/indicators), loaded once per page load, with short column names. */
import type { Indicator } from '../../../domain/indicator.js';
import { levelOfCode, NATION_CODE } from '../../../domain/org-unit.js';
import { useAsync } from '../../shared/use-async.js';
import { levelName, loadIndicators, type LevelName } from './analytics-api.js';

/** The indicators (GET /api/indicators, fetched once per page load): null while loading. */
export function useIndicators(): { indicators: Indicator[] | null; error: unknown } {
  const { data: indicators, error } = useAsync('indicators', loadIndicators);
  return { indicators, error };
}

/** Short names for narrow table headers; the full name goes into the tooltip. */
const SHORT: Record<string, { zh: string; en: string }> = {
  county_tcm_hospital_coverage: { zh: '县办中医机构', en: 'County TCM hosp.' },
  tcm_hall_coverage: { zh: '中医馆设置', en: 'TCM halls' },
  tcm_physician_staffing: { zh: '中医医师配备', en: 'TCM physicians' },
  chss_tcm_service: { zh: '服务站中医药', en: 'Stations TCM' },
  vc_tcm_service: { zh: '村卫生室中医药', en: 'Village clinics TCM' },
  chc_thc_six_techniques: { zh: '中心/院6类技术', en: 'Centres 6+ tech.' },
  chss_vc_four_techniques: { zh: '站/室4类技术', en: 'Stations 4+ tech.' },
  tcm_education_coverage: { zh: '健康宣教', en: 'Health education' },
  elderly_tcm_management_rate: { zh: '老年人健康管理', en: 'Elderly mgmt' },
  children_tcm_management_rate: { zh: '儿童健康管理', en: 'Children mgmt' },
  tcm_visit_share: { zh: '中医诊疗量占比', en: 'TCM visit share' },
  tcm_physician_share: { zh: '中医类别医师占比', en: 'TCM physician share' },
  tcm_pavilion_rate: { zh: '中医阁设置', en: 'TCM pavilions' },
  demonstration_county_share: { zh: '示范县', en: 'Demo counties' },
};

export function shortName(ind: Indicator): { zh: string; en: string } {
  return SHORT[ind.code] ?? ind.name;
}

/** `≥ 80%` for a target; null for monitored indicators. */
export function targetText(ind: Indicator): string | null {
  const t = ind.targets[0];
  if (!t) return null;
  return `${t.comparison === '>=' ? '≥' : '≤'} ${Math.round(t.threshold * 1000) / 10}%`;
}

/** The level (0 nation … 5 village) of an area code. */
export function areaLevel(area: string): number {
  return area === NATION_CODE ? 0 : (levelOfCode(area) ?? 0);
}

/** The breakdown level below an area, or null below townships. */
export function childLevel(area: string): LevelName | null {
  const l = areaLevel(area);
  return l >= 4 ? null : levelName(l + 1);
}
