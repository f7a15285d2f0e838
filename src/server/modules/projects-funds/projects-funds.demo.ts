/**
 * The projects-and-funds part of the national demo: projects of every type — 两专科一中心 and
 * 国家中医优势专科 at county TCM hospitals, 中医县域医疗中心 in counties of the 三区三州, 中医馆 at
 * township and community health centres, 名医堂 — started 2023–2025 and laid out on the demo's day
 * (milestones done on time, late or not yet; a few completed, declared or terminated); each
 * province's central funds for the demo's year and the two before allocated to its projects and partly spent (some far
 * behind 序时进度); self-evaluations with every band. Deterministic by the seed; idempotent.
 */
import { mulberry32 } from '../../../domain/random.js';
import { fenToYuan, yuanToFen } from '../../../domain/funds/allocation.js';
import { addMonths, inRegionList, milestonesOf, selfEvaluate, type ProjectStatus, type ProjectType, type TargetLeaf } from '../../../domain/funds/project.js';
import { ancestorCodes } from '../../../domain/org-unit.js';
import { chinaDay } from '../../../domain/period.js';
import type { FacilityType } from '../../../domain/facility.js';
import type { Clock } from '../../platform/clock.js';
import type { Store } from '../../platform/db/store.js';
import type { Progress } from '../../platform/progress.js';
import type { Services } from '../../platform/registry.js';
import type { NewProject } from './projects-funds.repository.js';

const FUND = '中央财政中医药服务能力建设资金';
/** How many projects of each facility type's kind, at most (the share of candidates in brackets). */
const PLAN: { type: string; share: number; max: number }[] = [
  { type: 'TWO_SPECIALTIES_ONE_CENTRE', share: 0.12, max: 360 },
  { type: 'TCM_SPECIALTY', share: 0.04, max: 110 },
  { type: 'TCM_HALL', share: 0.006, max: 260 },
  { type: 'FAMOUS_DOCTOR_HALL', share: 0.002, max: 70 },
];
const BUDGET_FEN: Record<string, [number, number]> = {
  TWO_SPECIALTIES_ONE_CENTRE: [300, 800],
  TCM_SPECIALTY: [200, 500],
  COUNTY_MEDICAL_CENTRE: [1500, 4000],
  TCM_HALL: [20, 60],
  FAMOUS_DOCTOR_HALL: [50, 150],
};

export async function loadProjectsFundsDemo(services: Services, store: Store, clock: Clock, seed: number, progress: Progress): Promise<void> {
  if ((await store.repos.projects.projects(null)).length > 0) return;
  progress('演示项目资金 projects and funds demo', 0, 3);
  const rnd = mulberry32(seed * 104_729 + 7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const today = chinaDay(clock.now());
  const at = clock.now().toISOString();
  const types = services.projects.types;
  const wan = (range: [number, number]) => Math.round((range[0] + rnd() * (range[1] - range[0])) * 10) * 1000; // 万元 → yuan, to the thousand

  // Subjects: facilities of each type's kinds, sampled deterministically.
  const byType = new Map<FacilityType, { code: string; name: string; divisionCode: string }[]>();
  for await (const f of store.repos.facilities.iterate({ area: { level: 0, code: 'CN' }, types: ['COUNTY_TCM_HOSPITAL', 'CHC', 'THC'], status: 'open' })) {
    const list = byType.get(f.type) ?? byType.set(f.type, []).get(f.type)!;
    list.push({ code: f.code, name: f.name, divisionCode: f.divisionCode });
  }
  const projects: NewProject[] = [];
  const used = new Set<string>();
  const add = (type: ProjectType, subject: { code: string; name: string; areaCode: string }) => {
    const key = `${type.code}|${subject.code}`;
    if (used.has(key)) return;
    used.add(key);
    const startYear = 2023 + Math.floor(rnd() * 3);
    const startDate = `${startYear}-${String(1 + Math.floor(rnd() * 9)).padStart(2, '0')}-01`;
    const endDate = addMonths(startDate, type.months);
    const r = rnd();
    const status: ProjectStatus =
      startDate > today ? 'APPROVED' : endDate < today ? (r < 0.75 ? 'COMPLETED' : r < 0.95 ? 'ACCEPTANCE' : 'TERMINATED') : r < 0.06 ? 'DECLARED' : r < 0.1 ? 'APPROVED' : r < 0.12 ? 'TERMINATED' : 'BUILDING';
    const late = rnd() < 0.2; // one project in five lets a milestone slip
    const milestones = milestonesOf(type, startDate).map((m, i) => {
      if (status === 'DECLARED' || status === 'APPROVED' || m.plannedDate > today) return m;
      if (status === 'COMPLETED' || status === 'ACCEPTANCE') return { ...m, doneDate: addDays(m.plannedDate, -Math.floor(rnd() * 20)) };
      if (late && i === milestonesOf(type, startDate).filter((x) => x.plannedDate <= today).length - 1) return rnd() < 0.5 ? m : { ...m, doneDate: addDays(m.plannedDate, 10 + Math.floor(rnd() * 40)) };
      return { ...m, doneDate: addDays(m.plannedDate, -Math.floor(rnd() * 15)) };
    });
    const weightDone = milestones.filter((m) => m.doneDate).reduce((a, m) => a + m.weight, 0) / milestones.reduce((a, m) => a + m.weight, 0);
    const central = wan(BUDGET_FEN[type.code]!);
    const targets: TargetLeaf[] = type.targets.map((t, i) => ({ ...t, id: `T${i + 1}`, name: t.name.zh, actual: t.indicator ? null : status === 'COMPLETED' ? roundTo(t.target * (0.85 + rnd() * 0.3)) : null }));
    projects.push({
      type: type.code,
      name: `${subject.name}${type.name.zh}`,
      subjectCode: subject.code,
      subjectName: subject.name,
      areaCode: subject.areaCode,
      managerArea: ancestorCodes(subject.areaCode)[1]!,
      startDate,
      endDate,
      status,
      terminatedReason: status === 'TERMINATED' ? pick(['建设用地调整，项目终止', '单位合并，另行立项', '配套资金未落实']) : null,
      budget: { CENTRAL: fenToYuan(BigInt(central) * 100n), PROVINCIAL: fenToYuan(BigInt(Math.round(central * 0.3)) * 100n), MUNICIPAL: '0.00', COUNTY: fenToYuan(BigInt(Math.round(central * 0.2)) * 100n) },
      milestones,
      targets,
      percent: status === 'COMPLETED' ? 100 : Math.round(weightDone * 100),
      createdBy: 'demo',
      createdAt: `${startDate}T02:00:00.000Z`,
      updatedAt: status === 'COMPLETED' || status === 'TERMINATED' ? `${endDate < today ? endDate : today}T02:00:00.000Z` : at,
    });
  };
  for (const plan of PLAN) {
    const type = types.get(plan.type);
    const kinds = (type.subject as { types: FacilityType[] }).types;
    const candidates = kinds.flatMap((k) => byType.get(k) ?? []);
    const n = Math.min(plan.max, Math.max(1, Math.round(candidates.length * plan.share)));
    for (let i = 0; i < n * 3 && projects.filter((p) => p.type === plan.type).length < n && candidates.length; i++) {
      const f = pick(candidates);
      add(type, { code: f.code, name: f.name, areaCode: f.divisionCode });
    }
  }
  // 中医县域医疗中心: up to 64 counties of the 三区三州 in the store.
  const centre = types.get('COUNTY_MEDICAL_CENTRE');
  const list = types.region('THREE_REGIONS');
  if (list) {
    const counties = [];
    for await (const d of store.repos.divisions.iterate({ level: 3, area: { level: 0, code: 'CN' } })) if (inRegionList(list, d.code)) counties.push(d);
    for (const d of counties.filter((_, i) => i % Math.max(1, Math.floor(counties.length / (list.centres ?? 64))) === 0).slice(0, list.centres ?? 64)) add(centre, { code: d.code, name: d.name, areaCode: d.code });
  }
  progress('演示项目资金 projects and funds demo', 1, 3);

  await store.transaction(async (repos) => {
    await repos.projects.insertProjects(projects);
    const stored = await repos.projects.projects(null);
    // Each province's central funds: 2024 (mostly spent) and 2025 (partly), to its funded projects.
    const funded = stored.filter((p) => p.status !== 'DECLARED' && p.status !== 'TERMINATED');
    const byProvince = new Map<string, typeof funded>();
    for (const p of funded) (byProvince.get(p.managerArea) ?? byProvince.set(p.managerArea, []).get(p.managerArea)!).push(p);
    const spendings = [];
    for (const [province, ps] of [...byProvince].sort(([a], [b]) => a.localeCompare(b))) {
      const thisYear = Number(today.slice(0, 4));
      for (const year of [thisYear - 2, thisYear - 1, thisYear]) {
        const mine = ps.filter((p) => Number(p.startDate.slice(0, 4)) <= year && Number(p.endDate.slice(0, 4)) >= year);
        if (!mine.length) continue;
        const lines = mine.map((p) => ({ areaCode: p.areaCode, projectId: p.id, amountFen: yuanToFen(p.budget.CENTRAL) / 2n }));
        await repos.projects.insertBatch(
          { fund: FUND, year, kind: year === thisYear && rnd() < 0.3 ? 'ADVANCE' : 'FORMAL', docNo: `财社〔${year - 1}〕${province}${year}号`, fromArea: province, totalFen: lines.reduce((a, l) => a + l.amountFen, 0n), method: 'MANUAL', basis: null, createdBy: 'demo', createdAt: `${year - 1}-11-20T02:00:00.000Z` },
          lines,
        );
        for (const l of lines) {
          const behind = rnd() < 0.15;
          const share = year < thisYear ? (behind ? 0.3 + rnd() * 0.3 : 0.8 + rnd() * 0.2) : behind ? rnd() * 0.2 : 0.3 + rnd() * 0.5;
          const total = (l.amountFen * BigInt(Math.round(share * 1000))) / 1000n;
          const parts = 1 + Math.floor(rnd() * 3);
          for (let k = 0; k < parts; k++)
            spendings.push({ projectId: l.projectId, areaCode: l.areaCode, year, spentOn: `${year}-${String(3 + k * 3 + Math.floor(rnd() * 3)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 27)).padStart(2, '0')}`, amountFen: total / BigInt(parts), purpose: pick(['设备购置', '业务用房改造', '人员培训', '信息化建设', '专科能力建设']), voucher: `记-${year}-${Math.floor(rnd() * 9000) + 1000}`, createdBy: 'demo', createdAt: at });
        }
      }
    }
    await repos.projects.insertSpendings(spendings.filter((s) => s.spentOn <= today));
    // Self-evaluations of 2024 for the projects under way or done since: every band appears.
    for (const p of stored.filter((x) => (x.status === 'BUILDING' || x.status === 'COMPLETED' || x.status === 'ACCEPTANCE') && x.startDate < '2024-07-01')) {
      const leaves = p.targets.map((l) => ({ ...l, actual: l.actual ?? roundTo(l.target * (0.4 + rnd() * 0.7)) }));
      const e = selfEvaluate(leaves, 0.5 + rnd() * 0.5);
      await repos.projects.insertSelfEval({ projectId: p.id, year: 2024, score: e.score, band: e.band, detail: e, by: 'demo', at });
    }
  });
  progress('演示项目资金 projects and funds demo', 3, 3);
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

const roundTo = (x: number) => Math.round(x * 10) / 10;
