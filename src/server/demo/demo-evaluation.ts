/**
 * The demo's 示范县 cycle in progress (issue 12): 2022—2024年度创建, assessed on 2024, with
 * applications in every stage across several provinces — so that `wuhua` finds its
 * self-assessment waiting, `yunnan` a county to review, and `nation` national reviews, a
 * publicity with an objection to resolve, and named and rejected units. Deterministic from the
 * seed; only subjects the store holds (a test store of a few areas gets the ones among them).
 */
import type { Division } from '../../domain/org-unit.js';
import type { Stage } from '../../domain/evaluation/workflow.js';

export const DEMO_CYCLE = {
  code: 'DEMO-2022-2024',
  standard: 'DEMO_COUNTY',
  name: '2022—2024年度全国基层中医药工作示范县创建',
  firstYear: 2022,
  lastYear: 2024,
  assessmentYear: '2024',
  applyFrom: '2025-01-01',
  applyTo: '2027-06-30',
  deadlines: { SELF: '2027-03-31', PROVINCE: '2027-05-31', NATIONAL: '2027-09-30' } as Partial<Record<Stage, string>>,
  publicityDays: 7,
};

export interface DemoScore {
  stage: 'SELF' | 'PROVINCE' | 'NATIONAL';
  item: string;
  points: number | null;
  veto: boolean | null;
}

export interface DemoApplication {
  subjectCode: string;
  subjectName: string;
  stage: Stage;
  scores: DemoScore[];
  decisionNote: string | null;
  objection: string | null;
  named: boolean;
}

function unit(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h / 0x1_0000_0000;
}

/** The stages each demo application has reached, by subject: the demo users' own, then a spread over provinces. */
const FIXED: [string, Stage][] = [
  ['530102', 'SELF'], // 五华区: wuhua's self-assessment, begun
  ['530124', 'PROVINCE'], // 富民县: for yunnan to review
];
/** The demo users' own counties: they create in the cycle, so they hold no earlier title. */
export const DEMO_FIXED_SUBJECTS = FIXED.map(([c]) => c);
const SPREAD: Stage[] = ['SELF', 'PROVINCE', 'NATIONAL', 'NATIONAL', 'PUBLICITY', 'NAMED', 'REJECTED'];
const PROVINCES = ['11', '32', '33', '37', '44', '51', '53', '61'];

/** What a unit would score with full manual marks: its automatic items from the data decide whether the standard can pass it. */
export interface Potential {
  total: number;
  passed: boolean;
}

/** Manual scores a stage gave, drawn from the subject's code (a reviewer a little stricter than the county); `full` for a unit the nation passed. */
function manual(code: string, stage: DemoScore['stage'], seed: number, partial: boolean, full = false): DemoScore[] {
  const r = (k: string) => unit(`${seed}:eval:${code}:${stage}:${k}`);
  const strict = stage === 'SELF' ? 0 : 1;
  const half = (max: number, k: string) => (full ? max : Math.max(0, Math.round((max * (0.6 + 0.4 * r(k)) - strict * r(`${k}s`)) * 2) / 2));
  const all: DemoScore[] = [
    { stage, item: 'A1', points: 5, veto: null },
    { stage, item: 'A2', points: full || r('A2') < 0.85 ? 5 : 0, veto: null },
    { stage, item: 'A3', points: half(5, 'A3'), veto: null },
    { stage, item: 'F1', points: half(10, 'F1'), veto: null },
    { stage, item: 'V2', points: null, veto: false },
  ];
  return partial ? all.slice(0, 2) : all;
}

/**
 * The demo's applications. `counties`: the county-level units that may create (none holding the
 * title); `potential`: each one's total with full manual marks — a unit in publicity or named is
 * one the standard passes (the national review gave it full manual marks), as the workflow
 * requires; the rejected one of a province is its weakest.
 */
export function demoApplications(counties: Iterable<Division>, seed: number, potential: ReadonlyMap<string, Potential>): DemoApplication[] {
  const byCode = new Map<string, Division>();
  for (const d of counties) if (d.level === 3) byCode.set(d.code, d);
  const plan = new Map<string, Stage>(FIXED.filter(([c]) => byCode.has(c)));
  const order = (a: Division, b: Division) => unit(`${seed}:pick:${a.code}`) - unit(`${seed}:pick:${b.code}`);
  for (const p of PROVINCES) {
    const inP = [...byCode.values()].filter((d) => d.code.startsWith(p) && !plan.has(d.code)).sort(order);
    const passers = inP.filter((d) => potential.get(d.code)?.passed);
    const others = inP.filter((d) => !potential.get(d.code)?.passed);
    const weakest = [...others].sort((a, b) => (potential.get(a.code)?.total ?? 0) - (potential.get(b.code)?.total ?? 0))[0];
    const stages = SPREAD.map((_, i) => SPREAD[(i + PROVINCES.indexOf(p)) % SPREAD.length]).slice(0, inP.length);
    for (const stage of stages) {
      const passing = stage === 'PUBLICITY' || stage === 'NAMED';
      const from = passing ? passers : stage === 'REJECTED' && weakest && !plan.has(weakest.code) ? [weakest] : others.length ? others : passers;
      const d = from.find((x) => !plan.has(x.code));
      if (d) plan.set(d.code, stage);
    }
  }
  const out: DemoApplication[] = [];
  for (const [code, stage] of [...plan].sort((a, b) => a[0].localeCompare(b[0]))) {
    const reached = ['SELF', 'PROVINCE', 'NATIONAL', 'PUBLICITY', 'NAMED'].indexOf(stage === 'REJECTED' ? 'NATIONAL' : stage);
    const passedNation = stage === 'PUBLICITY' || stage === 'NAMED';
    const scores = [
      ...manual(code, 'SELF', seed, stage === 'SELF'),
      ...(reached >= 2 ? manual(code, 'PROVINCE', seed, false) : []),
      ...(reached >= 3 ? manual(code, 'NATIONAL', seed, false, passedNation) : []),
    ];
    const p = potential.get(code);
    out.push({
      subjectCode: code,
      subjectName: byCode.get(code)!.name,
      stage,
      scores,
      decisionNote:
        stage === 'REJECTED'
          ? `国家评审：总分未达合格线${p ? `（人工项满分时为 ${Math.round(p.total * 10) / 10} 分）` : ''}，不予通过（演示数据）`
          : stage === 'NATIONAL'
            ? '省级评审：推荐（演示数据）'
            : null,
      objection: stage === 'PUBLICITY' ? '有群众反映该县部分村卫生室未实际提供中医药服务（演示数据）' : null,
      named: stage === 'NAMED',
    });
  }
  return out;
}

/** The demo's expert pool: two review groups from four provinces; the first is the demo user `expert`. */
export const DEMO_EXPERTS = [
  { name: '李明', provinceCode: '11', specialty: '中医内科', group: '第一组', username: 'expert', contact: '010-6401xxxx（演示）' },
  { name: '陈静', provinceCode: '32', specialty: '中医管理', group: '第一组', username: null, contact: null },
  { name: '黄志强', provinceCode: '44', specialty: '针灸推拿', group: '第二组', username: null, contact: null },
  { name: '王丽', provinceCode: '51', specialty: '中药学', group: '第二组', username: null, contact: null },
];

/** Findings the demo's first on-site unit already has: the review under way. */
export const DEMO_CHECKS = [
  { item: 'A1', result: 'MET', note: null },
  { item: 'A2', result: 'MET', note: null },
  { item: 'A3', result: 'PARTLY', note: '2024 年专项经费较上年持平，未体现逐年增长（演示数据）' },
  { item: 'B2', result: 'MET', note: null },
] as const;
