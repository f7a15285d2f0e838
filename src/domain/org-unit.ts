/** Administrative divisions (行政区划): the five-level NBS 2023 hierarchy. Pure, no I/O. */

export const DIVISION_LEVELS = [1, 2, 3, 4, 5] as const;
export type DivisionLevel = (typeof DIVISION_LEVELS)[number];

/** The virtual root above the provinces: a user whose scope is the whole country has this code. */
export const NATION_CODE = 'CN';
export const NATION_NAME = '全国';

export const LEVEL_NAMES: Record<DivisionLevel, { zh: string; en: string }> = {
  1: { zh: '省级', en: 'Province' },
  2: { zh: '地级', en: 'Prefecture' },
  3: { zh: '县级', en: 'County' },
  4: { zh: '乡级', en: 'Township' },
  5: { zh: '村级', en: 'Village' },
};

/** Length of an NBS code at each level (provinces 2 digits … villages 12). */
export const CODE_LENGTH: Record<DivisionLevel, number> = { 1: 2, 2: 4, 3: 6, 4: 9, 5: 12 };

export type DivisionKind =
  | 'PROVINCE'
  | 'PREFECTURE'
  | 'DISTRICT' // 市辖区
  | 'COUNTY' // 县
  | 'AUTONOMOUS_COUNTY' // 自治县
  | 'BANNER' // 旗
  | 'AUTONOMOUS_BANNER' // 自治旗
  | 'COUNTY_CITY' // 县级市
  | 'SUBDISTRICT' // 街道
  | 'TOWN' // 镇
  | 'TOWNSHIP' // 乡
  | 'RESIDENTS_COMMITTEE' // 居委会
  | 'VILLAGERS_COMMITTEE' // 村委会
  | 'OTHER';

export const KIND_NAMES: Record<DivisionKind, { zh: string; en: string }> = {
  PROVINCE: { zh: '省级行政区', en: 'Province-level' },
  PREFECTURE: { zh: '地级行政区', en: 'Prefecture-level' },
  DISTRICT: { zh: '市辖区', en: 'District' },
  COUNTY: { zh: '县', en: 'County' },
  AUTONOMOUS_COUNTY: { zh: '自治县', en: 'Autonomous county' },
  BANNER: { zh: '旗', en: 'Banner' },
  AUTONOMOUS_BANNER: { zh: '自治旗', en: 'Autonomous banner' },
  COUNTY_CITY: { zh: '县级市', en: 'County-level city' },
  SUBDISTRICT: { zh: '街道', en: 'Subdistrict' },
  TOWN: { zh: '镇', en: 'Town' },
  TOWNSHIP: { zh: '乡', en: 'Township' },
  RESIDENTS_COMMITTEE: { zh: '居委会', en: "Residents' committee" },
  VILLAGERS_COMMITTEE: { zh: '村委会', en: "Villagers' committee" },
  OTHER: { zh: '其他', en: 'Other' },
};

/** Kinds of county-level unit that count as "non-district" (县, 自治县, 旗, 自治旗, 县级市). */
export const NON_DISTRICT_COUNTY_KINDS: readonly DivisionKind[] = [
  'COUNTY',
  'AUTONOMOUS_COUNTY',
  'BANNER',
  'AUTONOMOUS_BANNER',
  'COUNTY_CITY',
];

/** A division's kind, from its level and name (PRODUCT.md: the kind comes from the name). */
export function classifyDivision(level: DivisionLevel, name: string): DivisionKind {
  switch (level) {
    case 1:
      return 'PROVINCE';
    case 2:
      return 'PREFECTURE';
    case 3:
      if (name.endsWith('自治县')) return 'AUTONOMOUS_COUNTY';
      if (name.endsWith('县')) return 'COUNTY';
      if (name.endsWith('自治旗')) return 'AUTONOMOUS_BANNER';
      if (name.endsWith('旗')) return 'BANNER';
      if (name.endsWith('市')) return 'COUNTY_CITY';
      if (name.endsWith('区')) return 'DISTRICT';
      return 'OTHER';
    case 4:
      if (name.endsWith('街道') || name.endsWith('街道办事处')) return 'SUBDISTRICT';
      if (name.endsWith('镇')) return 'TOWN';
      // 苏木 is the township-level unit of Inner Mongolia's pastoral areas, the equal of a 乡.
      if (name.endsWith('乡') || name.endsWith('苏木')) return 'TOWNSHIP';
      return 'OTHER';
    case 5:
      if (/(居委会|居民委员会|社区)$/.test(name)) return 'RESIDENTS_COMMITTEE';
      // 嘎查 is the village of Inner Mongolia's pastoral areas.
      if (/(村委会|村民委员会|嘎查委员会)$/.test(name)) return 'VILLAGERS_COMMITTEE';
      return 'OTHER';
  }
}

/** The level a valid NBS division code belongs to, or null. */
export function levelOfCode(code: string): DivisionLevel | null {
  if (!/^\d+$/.test(code)) return null;
  for (const level of DIVISION_LEVELS) if (CODE_LENGTH[level] === code.length) return level;
  return null;
}

/** Ancestor codes of a division (NBS codes embed their ancestors), keyed by level, including itself. */
export function ancestorCodes(code: string): Partial<Record<DivisionLevel, string>> {
  const level = levelOfCode(code);
  const out: Partial<Record<DivisionLevel, string>> = {};
  if (!level) return out;
  for (const l of DIVISION_LEVELS) if (l <= level) out[l] = code.slice(0, CODE_LENGTH[l]);
  return out;
}

export interface Division {
  code: string;
  name: string;
  level: DivisionLevel;
  parentCode: string | null;
  kind: DivisionKind;
}

/** The office that issues a document at an area's level: 国家中医药管理局, 云南省中医药管理局, 昆明市卫生健康委员会, 五华区卫生健康局. */
export function issuingOffice(code: string, name: string): string {
  if (code === NATION_CODE) return '国家中医药管理局';
  const level = levelOfCode(code);
  return `${name}${level === 1 ? '中医药管理局' : level === 2 ? '卫生健康委员会' : '卫生健康局'}`;
}
