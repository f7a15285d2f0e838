/**
 * Projects (项目) and their rules, pure: project types as data (programs/<program>/projects/), the
 * lifecycle 申报 → 立项 → 建设中 → 验收 → 完成 (or 终止 with a reason), milestone dates, the
 * 绩效目标表 and its self-evaluation (绩效自评), and a fund's execution against the plan (序时进度).
 */
import { z } from 'zod';
import { FACILITY_TYPES } from '../facility.js';
import { bandOfScore, type Band } from './allocation.js';

const text = z.object({ zh: z.string().min(1), en: z.string().min(1) });

export const TARGET_CATEGORIES = ['OUTPUT', 'BENEFIT', 'SATISFACTION'] as const;
export type TargetCategory = (typeof TARGET_CATEGORIES)[number];
export const TARGET_SUBS = ['QUANTITY', 'QUALITY', 'TIMELINESS', 'COST', 'SOCIAL', 'SUSTAINABLE', 'SATISFACTION'] as const;
export type TargetSub = (typeof TARGET_SUBS)[number];
export const CATEGORY_NAMES: Record<TargetCategory, { zh: string; en: string }> = {
  OUTPUT: { zh: '产出指标', en: 'Outputs' },
  BENEFIT: { zh: '效益指标', en: 'Benefits' },
  SATISFACTION: { zh: '满意度指标', en: 'Satisfaction' },
};
export const SUB_NAMES: Record<TargetSub, { zh: string; en: string }> = {
  QUANTITY: { zh: '数量指标', en: 'Quantity' },
  QUALITY: { zh: '质量指标', en: 'Quality' },
  TIMELINESS: { zh: '时效指标', en: 'Timeliness' },
  COST: { zh: '成本指标', en: 'Cost' },
  SOCIAL: { zh: '社会效益指标', en: 'Social benefit' },
  SUSTAINABLE: { zh: '可持续影响指标', en: 'Sustainable impact' },
  SATISFACTION: { zh: '服务对象满意度指标', en: 'Satisfaction of those served' },
};
/** The sub-categories each category may hold. */
export const CATEGORY_SUBS: Record<TargetCategory, readonly TargetSub[]> = {
  OUTPUT: ['QUANTITY', 'QUALITY', 'TIMELINESS', 'COST'],
  BENEFIT: ['SOCIAL', 'SUSTAINABLE'],
  SATISFACTION: ['SATISFACTION'],
};
/** 绩效自评 points (财政部 scheme): 产出 50, 效益 30, 满意度 10, and 预算执行率 10. */
export const CATEGORY_POINTS: Record<TargetCategory, number> = { OUTPUT: 50, BENEFIT: 30, SATISFACTION: 10 };
export const BUDGET_POINTS = 10;

export const targetLeaf = z
  .object({
    category: z.enum(TARGET_CATEGORIES),
    sub: z.enum(TARGET_SUBS),
    name: text,
    unit: z.string().max(20),
    direction: z.enum(['>=', '<=']),
    target: z.number(),
    /** A platform indicator: the actual is its live value for the project's area (in % when the unit is %). */
    indicator: z.string().optional(),
  })
  .strict()
  .refine((l) => CATEGORY_SUBS[l.category].includes(l.sub), { message: 'the sub-category does not belong to the category' });
export type TargetLeafTemplate = z.infer<typeof targetLeaf>;

export const projectType = z
  .object({
    code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
    name: text,
    source: z.string().optional(),
    subject: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('FACILITY'), types: z.array(z.enum(FACILITY_TYPES)).min(1) }).strict(),
      z.object({ kind: z.literal('COUNTY'), list: z.string().optional().describe('reference list the county must be on (THREE_REGIONS)') }).strict(),
    ]),
    /** The usual construction period. */
    months: z.number().int().positive(),
    milestones: z.array(z.object({ code: z.string().min(1), name: text, month: z.number().int().min(0), weight: z.number().positive() }).strict()).min(1),
    acceptance: z.object({ standard: z.string().min(1) }).strict(),
    targets: z.array(targetLeaf),
  })
  .strict();
export type ProjectType = z.infer<typeof projectType>;

/** 三区三州 as reference data: code prefixes (province or prefecture) and single counties. */
export const regionList = z.object({ code: z.string(), name: text, note: text.optional(), prefixes: z.array(z.string()), counties: z.array(z.string()), centres: z.number().int().optional() }).strict();
export type RegionList = z.infer<typeof regionList>;
export const inRegionList = (list: RegionList, countyCode: string) => list.counties.includes(countyCode) || list.prefixes.some((p) => countyCode.startsWith(p));

// ---- lifecycle

export const PROJECT_STATUSES = ['DECLARED', 'APPROVED', 'BUILDING', 'ACCEPTANCE', 'COMPLETED', 'TERMINATED'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const STATUS_NAMES: Record<ProjectStatus, { zh: string; en: string }> = {
  DECLARED: { zh: '申报', en: 'declared' },
  APPROVED: { zh: '立项', en: 'approved' },
  BUILDING: { zh: '建设中', en: 'under construction' },
  ACCEPTANCE: { zh: '验收', en: 'in acceptance' },
  COMPLETED: { zh: '完成', en: 'completed' },
  TERMINATED: { zh: '终止', en: 'terminated' },
};

export const PROJECT_ACTIONS = ['approve', 'start', 'apply_acceptance', 'terminate'] as const;
export type ProjectAction = (typeof PROJECT_ACTIONS)[number];
export const ACTION_NAMES: Record<ProjectAction | 'accept', { zh: string; en: string }> = {
  approve: { zh: '立项', en: 'approve' },
  start: { zh: '开工建设', en: 'start construction' },
  apply_acceptance: { zh: '申请验收', en: 'apply for acceptance' },
  terminate: { zh: '终止', en: 'terminate' },
  accept: { zh: '验收', en: 'run the acceptance' },
};
/** Who acts: the manager (the level that approves and accepts) or the owner (the subject's own area). */
export const ACTION_BY: Record<ProjectAction, 'manager' | 'owner'> = { approve: 'manager', start: 'owner', apply_acceptance: 'owner', terminate: 'manager' };

/** The status an action leads to from `from`, or null when it is not allowed there. */
export function nextStatus(from: ProjectStatus, action: ProjectAction): ProjectStatus | null {
  if (action === 'terminate') return from === 'COMPLETED' || from === 'TERMINATED' ? null : 'TERMINATED';
  const map: Partial<Record<ProjectStatus, Partial<Record<ProjectAction, ProjectStatus>>>> = {
    DECLARED: { approve: 'APPROVED' },
    APPROVED: { start: 'BUILDING' },
    BUILDING: { apply_acceptance: 'ACCEPTANCE' },
  };
  return map[from]?.[action] ?? null;
}

// ---- milestones

export interface Milestone {
  code: string;
  name: string;
  plannedDate: string;
  weight: number;
  doneDate: string | null;
}

/** `YYYY-MM-DD` plus whole months (clamped to the month's last day). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function milestonesOf(type: ProjectType, startDate: string): Milestone[] {
  return type.milestones.map((m) => ({ code: m.code, name: m.name.zh, plannedDate: addMonths(startDate, m.month), weight: m.weight, doneDate: null }));
}

/** On schedule on `day`: every milestone planned on or before the day was done by its planned date. */
export function onSchedule(milestones: Milestone[], day: string): boolean {
  return milestones.every((m) => m.plannedDate > day || (m.doneDate !== null && m.doneDate <= m.plannedDate));
}

// ---- 绩效目标表 and 绩效自评

export interface TargetLeaf extends Omit<TargetLeafTemplate, 'name'> {
  id: string;
  name: string;
  /** Entered, or read live when bound to an indicator; null when not known yet. */
  actual: number | null;
}

/** How far a leaf is met, 0–1: actual ÷ target for "≥" (capped at 1), target ÷ actual for "≤". */
export function leafCompletion(leaf: Pick<TargetLeaf, 'direction' | 'target' | 'actual'>): number {
  const { actual, target } = leaf;
  if (actual === null || !Number.isFinite(actual)) return 0;
  if (leaf.direction === '>=') return target <= 0 ? 1 : Math.max(0, Math.min(1, actual / target));
  if (actual <= target) return 1;
  return actual <= 0 ? 1 : Math.max(0, Math.min(1, target / actual));
}

export interface SelfEvaluation {
  /** 0–100, one decimal. */
  score: number;
  band: Band;
  /** Per leaf: completion and points earned of points possible. */
  leaves: { id: string; completion: number; points: number; max: number }[];
  budget: { rate: number | null; points: number; max: number };
}

const round1 = (x: number) => Math.round(x * 10 + 1e-9) / 10;

/**
 * 产出 50 · 效益 30 · 满意度 10 split equally among a category's leaves, plus 预算执行率 × 10. A
 * category without leaves gives its points to the others in proportion, so a table without
 * satisfaction leaves is still scored out of 100.
 */
export function selfEvaluate(leaves: TargetLeaf[], executionRate: number | null): SelfEvaluation {
  const present = TARGET_CATEGORIES.filter((c) => leaves.some((l) => l.category === c));
  const presentPoints = present.reduce((a, c) => a + CATEGORY_POINTS[c], 0);
  const scale = presentPoints > 0 ? (100 - BUDGET_POINTS) / presentPoints : 0;
  const out = leaves.map((l) => {
    const mine = leaves.filter((x) => x.category === l.category).length;
    const max = (CATEGORY_POINTS[l.category] * scale) / mine;
    const completion = leafCompletion(l);
    return { id: l.id, completion, points: max * completion, max };
  });
  const rate = executionRate === null ? null : Math.max(0, Math.min(1, executionRate));
  const budgetPoints = (rate ?? 0) * BUDGET_POINTS;
  const score = round1(out.reduce((a, x) => a + x.points, 0) + budgetPoints + (presentPoints === 0 ? 0 : 0));
  return {
    score,
    band: bandOfScore(score),
    leaves: out.map((x) => ({ ...x, points: round1(x.points), max: round1(x.max) })),
    budget: { rate, points: round1(budgetPoints), max: BUDGET_POINTS },
  };
}

// ---- execution against the plan

export type ExecutionWarning = 'ok' | 'behind' | 'far_behind';
export const WARNING_NAMES: Record<ExecutionWarning, { zh: string; en: string }> = {
  ok: { zh: '正常', en: 'on plan' },
  behind: { zh: '执行滞后', en: 'behind plan' },
  far_behind: { zh: '严重滞后', en: 'far behind plan' },
};
/** Behind the plan by more than this many points → 执行滞后; more than the second → 严重滞后. */
export const BEHIND_BY = 0.1;
export const FAR_BEHIND_BY = 0.3;

/** 序时进度: the share of the fund year gone by on `day` (by months: December done = 1; a past year = 1; a future year = 0). */
export function plannedExecution(year: number, day: string): number {
  const y = Number(day.slice(0, 4));
  if (y > year) return 1;
  if (y < year) return 0;
  return Number(day.slice(5, 7)) / 12;
}

export function executionWarning(rate: number | null, planned: number): ExecutionWarning {
  if (rate === null) return 'ok';
  if (rate < planned - FAR_BEHIND_BY) return 'far_behind';
  if (rate < planned - BEHIND_BY) return 'behind';
  return 'ok';
}
