/**
 * The supervision part of the national demo: seed 001's 13 work points as the nation's 2024 plan,
 * each handed down to every province; 云南省 hands 中医药服务能力提升 on to its cities and 昆明市
 * to its counties. Progress is laid out so that, on the day the demo is built, every light shows:
 * closed and done (waiting for 销号), red (past due), blue (extended, due within days), yellow
 * (behind its milestones or a report missing), green. Rectification items come from the 2024 gap
 * list of 村卫生室中医药服务提供率 (provinces by the nation, counties by 云南省), one from a
 * supervision visit to 五华区; a few are submitted and wait for verification. Each demo user's
 * inbox and notifications thus hold real entries. Idempotent: a stored plan is kept.
 */
import { mulberry32 } from '../../../domain/random.js';
import { NATION_CODE } from '../../../domain/org-unit.js';
import { isoDay, reportPeriods } from '../../../domain/supervision/lights.js';
import { parseWorkPoints } from '../../../domain/supervision/workpoints.js';
import type { Actor } from '../../platform/access/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Repositories, Store } from '../../platform/db/store.js';
import type { Progress as ProgressFn } from '../../platform/progress.js';
import type { Services } from '../../platform/registry.js';
import type { Milestone, Rect, Task } from './supervision.repository.js';

export const DEMO_PLAN_TITLE = '2024 年中医医政工作要点';
const PROGRAMME = 'grassroots-tcm';
const POLICY = '2024-中医医政工作要点.txt';
const DAY = 86_400_000;
/** 深入实施基层中医药服务能力提升工程: the work point 云南省 hands on down to the counties. */
const GRASSROOTS_ITEM = '（九）';

type Kind = 'closed' | 'done' | 'red' | 'blue' | 'yellow' | 'green';

const REPORT_TEXT = ['已印发实施方案，明确责任分工', '召开推进会，开展调研摸底', '完成阶段性任务，正在组织自查', '各项任务基本完成，正在总结'];

export async function loadSupervisionDemo(services: Services, store: Store, clock: Clock, seed: number, progress: ProgressFn): Promise<void> {
  const existing = await store.repos.supervision.plans(null);
  if (existing.some((p) => p.title === DEMO_PLAN_TITLE && p.areaCode === NATION_CODE)) return;
  progress('演示督导调度 supervision demo', 0, 2);
  const rnd = mulberry32(seed * 7919 + 13);
  const now = clock.now();
  const today = isoDay(now);
  const at = now.toISOString();
  const dayOffset = (n: number) => isoDay(new Date(now.getTime() + n * DAY));
  const text = services.supervisionPlans.policy(PROGRAMME, POLICY);
  const items = parseWorkPoints(text);
  const provinces = await store.repos.divisions.children(null);

  await store.transaction(async (repos) => {
    const plan = await repos.supervision.insertPlan({ title: DEMO_PLAN_TITLE, year: 2024, areaCode: NATION_CODE, office: '医政司', sourceText: text, items, status: 'published', createdBy: 'nation', createdAt: '2024-02-01T02:00:00.000Z', publishedAt: '2024-02-01T02:00:00.000Z' });
    const base = (over: Partial<Task>): Omit<Task, 'id'> => ({
      planId: plan.id, parentId: null, path: '', number: '', title: '', text: '', issuerArea: NATION_CODE, leadArea: NATION_CODE, leadOffice: null, coOwners: [], responsible: [],
      startDate: '2024-01-01', dueDate: '2024-12-31', state: 'not_started', percent: 0, cadence: 'quarterly', milestones: [], kpi: null, escalatedAt: null, doneAt: null, closedAt: null,
      createdAt: '2024-02-01T02:00:00.000Z', updatedAt: at, ...over,
    });
    /** Lays out a task as `kind` on the demo's day: its dates, milestones, state and reports. */
    const layout = async (t: Task, kind: Kind) => {
      let due = t.dueDate;
      let milestones: Milestone[] = [];
      let percent = 0;
      let state: Task['state'] = 'in_progress';
      let doneAt: string | null = null;
      let closedAt: string | null = null;
      if (kind === 'closed' || kind === 'done') {
        percent = 100;
        state = kind;
        doneAt = kind === 'closed' ? '2024-12-20T08:00:00.000Z' : new Date(now.getTime() - 3 * DAY).toISOString();
        closedAt = kind === 'closed' ? '2025-01-10T08:00:00.000Z' : null;
      } else if (kind === 'red') percent = 55 + Math.floor(rnd() * 30);
      else {
        due = dayOffset(kind === 'blue' ? 3 + Math.floor(rnd() * 4) : kind === 'yellow' ? 75 : 120);
        percent = kind === 'blue' ? 85 + Math.floor(rnd() * 10) : kind === 'yellow' ? 40 : 70;
        if (kind !== 'blue') milestones = [{ title: '完成自查', plannedDate: dayOffset(kind === 'yellow' ? -10 : 30), weight: 70 }, { title: '全面完成', plannedDate: due, weight: 30 }];
      }
      const end = kind === 'closed' ? '2024-12-31' : kind === 'done' ? today : kind === 'red' ? '2024-09-30' : today;
      // Reports for every quarter whose deadline has passed (a yellow one misses the last), then the day's.
      const periods = reportPeriods('quarterly', t.startDate, end).filter((p) => p.deadline <= (kind === 'closed' ? '2025-01-05' : today));
      const reported = kind === 'yellow' ? periods.slice(0, -1) : periods;
      for (let i = 0; i < reported.length; i++) {
        const p = reported[i]!;
        const share = kind === 'closed' || kind === 'done' ? Math.min(100, Math.round(((i + 1) / reported.length) * 100)) : Math.round(((i + 1) / Math.max(reported.length, 1)) * percent);
        await repos.supervision.insertProgress({ taskId: t.id, period: p.period, text: REPORT_TEXT[Math.min(REPORT_TEXT.length - 1, Math.floor((i / Math.max(reported.length, 1)) * REPORT_TEXT.length))]!, percent: share, late: false, files: [], reportedBy: 'demo', reportedAt: `${p.deadline}T02:00:00.000Z` });
      }
      if (due !== t.dueDate) await repos.supervision.insertEvent({ taskId: t.id, rectId: null, kind: 'extended', note: '受配套资金到位时间影响，申请延期', detail: { dueDate: due, from: t.dueDate }, by: 'nation', at: '2025-01-08T02:00:00.000Z' });
      if (closedAt) await repos.supervision.insertEvent({ taskId: t.id, rectId: null, kind: 'closed', note: '核验通过，销号', detail: null, by: 'nation', at: closedAt });
      await repos.supervision.updateTask(t.id, { ...t, dueDate: due, milestones, percent, state, doneAt, closedAt, updatedAt: at });
      return { ...t, dueDate: due, milestones, percent, state, doneAt, closedAt };
    };
    const pick = (): Kind => {
      const r = rnd();
      return r < 0.35 ? 'closed' : r < 0.5 ? 'done' : r < 0.63 ? 'red' : r < 0.74 ? 'blue' : r < 0.87 ? 'yellow' : 'green';
    };
    const nationalKinds: Kind[] = ['yellow', 'green', 'blue', 'red', 'yellow', 'green', 'closed', 'yellow', 'yellow', 'closed', 'green', 'red', 'blue'];
    for (let k = 0; k < items.length; k++) {
      const i = items[k]!;
      const national = await repos.supervision.insertTask(base({ path: i.path, number: i.number, title: i.title, text: i.text, leadOffice: '医政司' }));
      await layout(national, nationalKinds[k % nationalKinds.length]!);
      for (const p of provinces) {
        const child = await repos.supervision.insertTask(base({ parentId: national.id, path: i.path, number: i.number, title: i.title, text: i.text, leadArea: p.code }));
        const kind: Kind = p.code === '53' && i.number === GRASSROOTS_ITEM ? 'yellow' : pick();
        const laid = await layout(child, kind);
        if (p.code === '53' && i.number === GRASSROOTS_ITEM) await handDown(repos, laid, layout, base, pick);
      }
    }
  });
  progress('演示督导调度 supervision demo', 1, 2);
  await rectificationDemo(services, store, clock, rnd);
  progress('演示督导调度 supervision demo', 2, 2);
}

/** 云南省 → its cities, 昆明市 → its counties (五华区 among them), each laid out like the rest. */
async function handDown(
  repos: Repositories,
  parent: Task,
  layout: (t: Task, kind: Kind) => Promise<Task>,
  base: (over: Partial<Task>) => Omit<Task, 'id'>,
  pick: () => Kind,
): Promise<void> {
  for (const city of await repos.divisions.children(parent.leadArea)) {
    const t = await repos.supervision.insertTask(base({ ...parent, parentId: parent.id, issuerArea: parent.leadArea, leadArea: city.code, dueDate: '2024-12-31' }));
    const laid = await layout(t, city.code === '5301' ? 'yellow' : pick());
    if (city.code !== '5301') continue;
    for (const county of await repos.divisions.children('5301')) {
      const c = await repos.supervision.insertTask(base({ ...laid, parentId: laid.id, issuerArea: '5301', leadArea: county.code, dueDate: '2024-12-31' }));
      await layout(c, county.code === '530102' ? 'yellow' : pick());
    }
  }
}

/** Items from the 2024 gap list of 村卫生室中医药服务提供率, and a visit's finding for 五华区. */
async function rectificationDemo(services: Services, store: Store, clock: Clock, rnd: () => number): Promise<void> {
  const nation: Actor = { username: 'nation', role: 'AREA_ADMIN', scope: { kind: 'nation' } };
  const yunnan: Actor = { username: 'yunnan', role: 'AREA_ADMIN', scope: { kind: 'division', code: '53', level: 1 } };
  const now = clock.now();
  const at = now.toISOString();
  const day = (n: number) => isoDay(new Date(now.getTime() + n * DAY));
  const rs = services.rectification;
  const indicator = 'vc_tcm_service';
  const name = '村卫生室中医药服务提供率';
  const items: Omit<Rect, 'id'>[] = [];
  const add = (issuerArea: string, issuedBy: string, c: { areaCode: string; name: string; value: number | null; target: number | null }, deadline: string, state: Rect['state']) =>
    items.push({
      source: 'gap', sourceRef: `${indicator}/2024`, areaCode: c.areaCode, facilityCode: null, subjectName: c.name, problem: `${name} 2024 年为 ${c.value === null ? '无数据' : `${(c.value * 100).toFixed(1)}%`}，未达到目标 ${((c.target ?? 0.8) * 100).toFixed(1)}%`,
      requirement: `${name}达到 ${((c.target ?? 0.8) * 100).toFixed(0)}% 以上`, issuerArea, issuedBy, deadline, indicator, threshold: c.target ?? 0.8, period: '2024', state,
      completion: state === 'submitted' ? '已组织乡镇卫生院对口指导，村卫生室中医药服务正在补齐' : null, files: [], submittedBy: state === 'submitted' ? 'demo' : null, submittedAt: state === 'submitted' ? at : null,
      verifiedBy: null, closedAt: null, createdAt: at, updatedAt: at,
    });
  const provinces = await rs.gapCandidates(nation, { indicator, period: '2024', level: 'province' }).catch(() => ({ items: [] as { areaCode: string; name: string; value: number | null; target: number | null }[] }));
  for (const [k, c] of provinces.items.entries()) add(NATION_CODE, 'nation', c, day(k % 3 === 0 ? -15 : 45), k % 4 === 1 ? 'submitted' : 'open');
  const counties = await rs.gapCandidates(yunnan, { indicator, period: '2024', area: '53', level: 'county' }).catch(() => ({ items: [] as { areaCode: string; name: string; value: number | null; target: number | null }[] }));
  for (const [k, c] of counties.items.slice(0, 40).entries()) add('53', 'yunnan', c, day(k % 5 === 0 ? -10 : k % 5 === 1 ? 5 : 60), rnd() < 0.25 ? 'submitted' : 'open');
  await store.transaction(async (repos) => {
    const made = await repos.supervision.insertRects(items);
    const visit = await repos.supervision.insertVisit({ areaCode: '530102', visitDate: day(-20), team: '昆明市卫生健康委督导组', summary: '对五华区基层中医药工作开展督导检查', issuerArea: '5301', createdBy: 'demo', createdAt: at });
    const [found] = await repos.supervision.insertRects([
      {
        source: 'visit', sourceRef: String(visit.id), areaCode: '530102', facilityCode: null, subjectName: '五华区', problem: '部分社区卫生服务中心中医馆中药饮片台账不全', requirement: '建立中药饮片采购、验收、使用台账', issuerArea: '5301', issuedBy: 'demo',
        deadline: day(20), indicator: null, threshold: null, period: null, state: 'open', completion: null, files: [], submittedBy: null, submittedAt: null, verifiedBy: null, closedAt: null, createdAt: at, updatedAt: at,
      },
    ]);
    const notify = async (area: string, title: string, body: string, link: string) => services.notifications.notifyArea(repos, area, { kind: 'rect_assigned', title, body, link });
    for (const r of made.slice(0, 60)) await notify(r.areaCode, `整改事项：${r.subjectName}`, `${r.problem}；整改时限 ${r.deadline}`, `/supervision/rect/${r.id}`);
    if (found) await notify('530102', '督导检查发现问题：五华区', `${found.problem}；整改时限 ${found.deadline}`, `/supervision/rect/${found.id}`);
  });
}
