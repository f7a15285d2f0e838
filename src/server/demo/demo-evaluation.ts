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
const SPREAD: Stage[] = ['SELF', 'PROVINCE', 'NATIONAL', 'NATIONAL', 'PUBLICITY', 'NAMED', 'REJECTED'];
const PROVINCES = ['11', '32', '33', '37', '44', '51', '53', '61'];

/** Manual scores a stage gave, drawn from the subject's code (a reviewer a little stricter than the county). */
function manual(code: string, stage: DemoScore['stage'], seed: number, partial: boolean): DemoScore[] {
  const r = (k: string) => unit(`${seed}:eval:${code}:${stage}:${k}`);
  const strict = stage === 'SELF' ? 0 : 1;
  const half = (max: number, k: string) => Math.max(0, Math.round((max * (0.6 + 0.4 * r(k)) - strict * r(`${k}s`)) * 2) / 2);
  const all: DemoScore[] = [
    { stage, item: 'A1', points: 5, veto: null },
    { stage, item: 'A2', points: r('A2') < 0.85 ? 5 : 0, veto: null },
    { stage, item: 'A3', points: half(5, 'A3'), veto: null },
    { stage, item: 'F1', points: half(10, 'F1'), veto: null },
    { stage, item: 'V2', points: null, veto: false },
  ];
  return partial ? all.slice(0, 2) : all;
}

export function demoApplications(divisions: Iterable<Division>, seed: number): DemoApplication[] {
  const counties = new Map<string, Division>();
  for (const d of divisions) if (d.level === 3) counties.set(d.code, d);
  const plan = new Map<string, Stage>(FIXED.filter(([c]) => counties.has(c)));
  for (const p of PROVINCES) {
    const inP = [...counties.values()].filter((d) => d.code.startsWith(p) && !plan.has(d.code));
    inP.sort((a, b) => unit(`${seed}:pick:${a.code}`) - unit(`${seed}:pick:${b.code}`));
    inP.slice(0, SPREAD.length).forEach((d, i) => plan.set(d.code, SPREAD[(i + PROVINCES.indexOf(p)) % SPREAD.length]));
  }
  const out: DemoApplication[] = [];
  for (const [code, stage] of [...plan].sort((a, b) => a[0].localeCompare(b[0]))) {
    const reached = ['SELF', 'PROVINCE', 'NATIONAL', 'PUBLICITY', 'NAMED'].indexOf(stage === 'REJECTED' ? 'NATIONAL' : stage);
    const scores = [
      ...manual(code, 'SELF', seed, stage === 'SELF'),
      ...(reached >= 2 ? manual(code, 'PROVINCE', seed, false) : []),
      ...(reached >= 3 ? manual(code, 'NATIONAL', seed, false) : []),
    ];
    out.push({
      subjectCode: code,
      subjectName: counties.get(code)!.name,
      stage,
      scores,
      decisionNote: stage === 'REJECTED' ? '国家评审：年报上报率低于 95%，一票否决（演示数据）' : stage === 'NATIONAL' ? '省级评审：推荐（演示数据）' : null,
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
