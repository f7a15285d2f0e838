/**
 * 对口帮扶 and capacity registries: kinds, statuses, the 定点帮扶 counties, the assessment band,
 * and the program facts the indicators count. Pure, no I/O.
 */
import { bandOfScore, BAND_ZH, type Band } from '../funds/allocation.js';
import type { DivisionLevel } from '../org-unit.js';

export { bandOfScore, BAND_ZH, type Band };

export const PAIRING_STATUSES = ['ACTIVE', 'ENDED'] as const;
export type PairingStatus = (typeof PAIRING_STATUSES)[number];
export const PAIRING_STATUS_NAMES: Record<PairingStatus, { zh: string; en: string }> = {
  ACTIVE: { zh: '帮扶中', en: 'Active' },
  ENDED: { zh: '已结束', en: 'Ended' },
};

export const BAND_NAMES: Record<Band, { zh: string; en: string }> = {
  EXCELLENT: { zh: '优', en: 'Excellent' },
  GOOD: { zh: '良', en: 'Good' },
  FAIR: { zh: '中', en: 'Fair' },
  POOR: { zh: '差', en: 'Poor' },
};

/** Capacity units: 适宜技术推广基地, 中医疫病防治基地, 紧急医学救援队伍, 中医康复中心. */
export const UNIT_KINDS = ['TECH_BASE', 'EPIDEMIC_BASE', 'RESCUE_TEAM', 'REHAB_CENTER'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_NAMES: Record<UnitKind, { zh: string; en: string }> = {
  TECH_BASE: { zh: '适宜技术推广基地', en: 'Appropriate-technique base' },
  EPIDEMIC_BASE: { zh: '中医疫病防治基地', en: 'TCM epidemic prevention base' },
  RESCUE_TEAM: { zh: '紧急医学救援队伍', en: 'Emergency medical rescue team' },
  REHAB_CENTER: { zh: '中医康复中心', en: 'TCM rehabilitation centre' },
};
/** The division levels a unit of each kind sits at: technique bases at province or county level. */
export const UNIT_LEVELS: Record<UnitKind, readonly DivisionLevel[]> = {
  TECH_BASE: [1, 3],
  EPIDEMIC_BASE: [1, 2],
  RESCUE_TEAM: [1, 2, 3],
  REHAB_CENTER: [3],
};
export const LEVEL_NAMES: Record<DivisionLevel, { zh: string; en: string }> = {
  1: { zh: '省级', en: 'province' },
  2: { zh: '市级', en: 'city' },
  3: { zh: '县级', en: 'county' },
  4: { zh: '乡级', en: 'township' },
  5: { zh: '村级', en: 'village' },
};

export const UNIT_STATUSES = ['PLANNED', 'BUILDING', 'OPERATING', 'CLOSED'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];
export const UNIT_STATUS_NAMES: Record<UnitStatus, { zh: string; en: string }> = {
  PLANNED: { zh: '规划中', en: 'Planned' },
  BUILDING: { zh: '建设中', en: 'Under construction' },
  OPERATING: { zh: '运行中', en: 'Operating' },
  CLOSED: { zh: '已撤销', en: 'Closed' },
};

/** Trainings (培训) and drills (演练). */
export const ACTIVITY_KINDS = ['TRAINING', 'DRILL'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_KIND_NAMES: Record<ActivityKind, { zh: string; en: string }> = {
  TRAINING: { zh: '培训', en: 'training' },
  DRILL: { zh: '演练', en: 'drill' },
};
/** Which activities each kind of unit records. A rehabilitation centre is a construction unit: none. */
export const UNIT_ACTIVITIES: Record<UnitKind, readonly ActivityKind[]> = {
  TECH_BASE: ['TRAINING'],
  EPIDEMIC_BASE: ['TRAINING', 'DRILL'],
  RESCUE_TEAM: ['TRAINING', 'DRILL'],
  REHAB_CENTER: [],
};
/** Kinds of drill offered for choice (free text is accepted too). */
export const DRILL_KINDS = ['桌面推演', '实战演练', '综合演练', '专项演练'] as const;

/** The 定点帮扶 counties of the 国家中医药管理局. */
export const DESIGNATED_COUNTIES = [
  { code: '140928', name: { zh: '五寨县', en: 'Wuzhai County' }, province: { zh: '山西省', en: 'Shanxi' } },
  { code: '350421', name: { zh: '明溪县', en: 'Mingxi County' }, province: { zh: '福建省', en: 'Fujian' } },
] as const;
export const isDesignatedCounty = (code: string) => DESIGNATED_COUNTIES.some((c) => c.code === code);

/** The band of an annual assessment score (优 ≥ 90, 良 80–89, 中 60–79, 差 < 60); refuses a score outside 0–100. */
export function assessmentBand(score: number): Band | null {
  if (!Number.isFinite(score) || score < 0 || score > 100) return null;
  return bandOfScore(score);
}

/** The years a span covers up to `thisYear` (a span still open runs to this year; one starting later covers none). */
export function activeYears(startYear: number, endYear: number | null, thisYear: number): number[] {
  const last = Math.min(endYear ?? thisYear, thisYear);
  const out: number[] = [];
  for (let y = startYear; y <= last; y++) out.push(y);
  return out;
}

/** The shape of the analytics engine's ProgramFact (kept here so the rule stays pure). */
export interface AssistanceFact {
  kind: 'paired_hospital' | 'tech_base' | 'tech_base_trained';
  areaCode: string;
  year: number;
  subject: string;
  subjectName: string;
  value: number;
}

export interface FactPairing {
  recipientCode: string;
  recipientName: string;
  areaCode: string;
  startYear: number;
  endYear: number | null;
}

export interface FactBase {
  id: number;
  name: string;
  areaCode: string;
  startYear: number;
  endYear: number | null;
  status: UnitStatus;
  /** The years with at least one training. */
  trainingYears: Iterable<number>;
}

/**
 * The facts the indicators count: `paired_hospital` once per county TCM hospital and year with
 * an active pairing (two pairings the same year are one fact); `tech_base` per 适宜技术推广基地
 * and year it operates (not while planned or being built), `tech_base_trained` for those years
 * holding at least one training.
 */
export function assistanceFacts(pairings: FactPairing[], bases: FactBase[], thisYear: number): AssistanceFact[] {
  const out: AssistanceFact[] = [];
  const seen = new Set<string>();
  for (const p of pairings)
    for (const year of activeYears(p.startYear, p.endYear, thisYear)) {
      const k = `${p.recipientCode}\u0000${year}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push({ kind: 'paired_hospital', areaCode: p.areaCode, year, subject: p.recipientCode, subjectName: p.recipientName, value: 1 });
    }
  for (const b of bases) {
    if (b.status === 'PLANNED' || b.status === 'BUILDING') continue;
    const trained = new Set(b.trainingYears);
    const subject = `base:${b.id}`;
    for (const year of activeYears(b.startYear, b.endYear, thisYear)) {
      out.push({ kind: 'tech_base', areaCode: b.areaCode, year, subject, subjectName: b.name, value: 1 });
      if (trained.has(year)) out.push({ kind: 'tech_base_trained', areaCode: b.areaCode, year, subject, subjectName: b.name, value: 1 });
    }
  }
  return out;
}
