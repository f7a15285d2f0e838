/**
 * Provincial profiles of the demo data set: how far each province sits above or below the
 * national level of grassroots TCM capacity, how fast it improves, how completely it reports
 * and how busy its facilities are. Hand-set, roughly following the published regional pattern
 * (eastern provinces and the traditional TCM strongholds — 甘肃, 四川 — higher; 西藏, 青海,
 * 新疆 noticeably lower, catching up faster). Pure data, no I/O.
 */

export interface ProvinceProfile {
  /** Short name, for scratch output only. */
  name: string;
  /** Capacity offset on the logit scale (0 = national level). */
  offset: number;
  /** Extra improvement per year on the logit scale (added to the national trend, ≥ 0). */
  pace: number;
  /** Share of open facilities that file their annual report. */
  reporting: number;
  /** Multiplier on visit volumes (urbanisation, population density). */
  volume: number;
  /** Offset of the TCM share of visits (logit scale). */
  tcmVisits: number;
}

export const PROVINCE_PROFILES: Readonly<Record<string, ProvinceProfile>> = {
  '11': { name: '北京', offset: 0.7, pace: 0.05, reporting: 0.995, volume: 1.45, tcmVisits: 0.35 },
  '12': { name: '天津', offset: 0.35, pace: 0.05, reporting: 0.99, volume: 1.3, tcmVisits: 0.15 },
  '13': { name: '河北', offset: 0.05, pace: 0.08, reporting: 0.975, volume: 0.95, tcmVisits: 0.0 },
  '14': { name: '山西', offset: -0.1, pace: 0.1, reporting: 0.97, volume: 0.85, tcmVisits: -0.05 },
  '15': { name: '内蒙古', offset: -0.25, pace: 0.1, reporting: 0.965, volume: 0.8, tcmVisits: 0.05 },
  '21': { name: '辽宁', offset: -0.15, pace: 0.06, reporting: 0.97, volume: 0.85, tcmVisits: -0.1 },
  '22': { name: '吉林', offset: -0.1, pace: 0.07, reporting: 0.97, volume: 0.85, tcmVisits: 0.0 },
  '23': { name: '黑龙江', offset: -0.35, pace: 0.08, reporting: 0.96, volume: 0.8, tcmVisits: -0.1 },
  '31': { name: '上海', offset: 0.75, pace: 0.04, reporting: 0.995, volume: 1.55, tcmVisits: 0.2 },
  '32': { name: '江苏', offset: 0.6, pace: 0.05, reporting: 0.99, volume: 1.3, tcmVisits: 0.05 },
  '33': { name: '浙江', offset: 0.7, pace: 0.05, reporting: 0.99, volume: 1.45, tcmVisits: 0.15 },
  '34': { name: '安徽', offset: 0.15, pace: 0.09, reporting: 0.975, volume: 1.0, tcmVisits: 0.0 },
  '35': { name: '福建', offset: 0.3, pace: 0.06, reporting: 0.98, volume: 1.1, tcmVisits: 0.0 },
  '36': { name: '江西', offset: 0.2, pace: 0.09, reporting: 0.975, volume: 0.95, tcmVisits: 0.05 },
  '37': { name: '山东', offset: 0.45, pace: 0.06, reporting: 0.985, volume: 1.1, tcmVisits: 0.1 },
  '41': { name: '河南', offset: 0.15, pace: 0.08, reporting: 0.975, volume: 1.05, tcmVisits: 0.05 },
  '42': { name: '湖北', offset: 0.2, pace: 0.08, reporting: 0.975, volume: 1.0, tcmVisits: 0.05 },
  '43': { name: '湖南', offset: 0.1, pace: 0.09, reporting: 0.975, volume: 0.95, tcmVisits: 0.0 },
  '44': { name: '广东', offset: 0.3, pace: 0.06, reporting: 0.98, volume: 1.35, tcmVisits: 0.1 },
  '45': { name: '广西', offset: 0.0, pace: 0.1, reporting: 0.97, volume: 0.95, tcmVisits: 0.0 },
  '46': { name: '海南', offset: -0.3, pace: 0.11, reporting: 0.965, volume: 0.85, tcmVisits: -0.15 },
  '50': { name: '重庆', offset: 0.25, pace: 0.08, reporting: 0.975, volume: 1.05, tcmVisits: 0.1 },
  '51': { name: '四川', offset: 0.35, pace: 0.08, reporting: 0.975, volume: 1.0, tcmVisits: 0.2 },
  '52': { name: '贵州', offset: -0.25, pace: 0.12, reporting: 0.965, volume: 0.85, tcmVisits: -0.05 },
  '53': { name: '云南', offset: -0.3, pace: 0.12, reporting: 0.965, volume: 0.9, tcmVisits: -0.05 },
  '54': { name: '西藏', offset: -1.5, pace: 0.2, reporting: 0.9, volume: 0.5, tcmVisits: -0.4 },
  '61': { name: '陕西', offset: 0.15, pace: 0.09, reporting: 0.975, volume: 0.95, tcmVisits: 0.1 },
  '62': { name: '甘肃', offset: 0.45, pace: 0.1, reporting: 0.975, volume: 0.85, tcmVisits: 0.35 },
  '63': { name: '青海', offset: -1.0, pace: 0.18, reporting: 0.93, volume: 0.6, tcmVisits: -0.25 },
  '64': { name: '宁夏', offset: -0.45, pace: 0.14, reporting: 0.955, volume: 0.75, tcmVisits: -0.1 },
  '65': { name: '新疆', offset: -1.2, pace: 0.18, reporting: 0.93, volume: 0.7, tcmVisits: -0.3 },
};

/** Used for a code outside the 31 provinces (should not happen with the NBS hierarchy). */
export const DEFAULT_PROVINCE_PROFILE: ProvinceProfile = {
  name: '—',
  offset: 0,
  pace: 0.08,
  reporting: 0.97,
  volume: 1,
  tcmVisits: 0,
};

/** The profile of the province a division or facility code belongs to (its first two digits). */
export function provinceProfile(divisionCode: string): ProvinceProfile {
  return PROVINCE_PROFILES[divisionCode.slice(0, 2)] ?? DEFAULT_PROVINCE_PROFILE;
}
