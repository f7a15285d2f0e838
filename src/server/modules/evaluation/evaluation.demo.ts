/**
 * The evaluation's part of the national demo (src/server/demo/demo-evaluation.ts): once the
 * demo's facilities and reports are stored, every county-level unit is scored on the example
 * standard from them (one autoscore of the country), and the 2022—2024 cycle is laid out so that
 * what it shows could have happened — the units in publicity and named are ones the standard
 * passes. Then the expert pool and the on-site review begun. Idempotent: a stored cycle is kept.
 */
import { drawSample } from '../../../domain/evaluation/onsite.js';
import { scoreAutomatic, scoreManual, totalScore, type ItemScore } from '../../../domain/evaluation/scoring.js';
import { allItems, isAutomatic } from '../../../domain/evaluation/standard.js';
import { NATION_CODE, type Division } from '../../../domain/org-unit.js';
import { NATION_AREA } from '../../../domain/scope.js';
import { SYSTEM_ACTOR } from '../../platform/access/actor.js';
import type { Repositories } from '../../platform/db/store.js';
import type { Progress } from '../../platform/progress.js';
import type { Services } from '../../platform/registry.js';
import type { Store } from '../../platform/db/store.js';
import type { Clock } from '../../platform/clock.js';
import { DEMO_CHECKS, DEMO_CYCLE, DEMO_EXPERTS, demoApplications, type DemoApplication, type Potential } from '../../demo/demo-evaluation.js';

export async function loadEvaluationDemo(services: Services, store: Store, clock: Clock, seed: number, progress: Progress): Promise<void> {
  if (await store.repos.evaluation.cycle(DEMO_CYCLE.code)) return;
  progress('演示评审周期 evaluation demo', 0, 1);
  const std = services.standards.get(DEMO_CYCLE.standard);
  const { rows } = await services.autoscore.autoscore(SYSTEM_ACTOR, std.code, DEMO_CYCLE.assessmentYear, NATION_CODE);
  const items = new Map(allItems(std).map((i) => [i.code, i]));
  const auto = new Map<string, { name: string; scores: Map<string, ItemScore> }>();
  for (const r of rows) {
    let a = auto.get(r.subjectCode);
    if (!a) auto.set(r.subjectCode, (a = { name: r.subjectName, scores: new Map() }));
    a.scores.set(r.item, scoreAutomatic(items.get(r.item)!, r.numerator === null || r.denominator === null ? null : { numerator: r.numerator, denominator: r.denominator }));
  }
  const potential = new Map<string, Potential>();
  for (const [code, a] of auto) {
    const m = new Map(a.scores);
    for (const it of allItems(std)) if (!isAutomatic(it)) m.set(it.code, scoreManual(it, it.kind === 'VETO' ? { veto: false } : { points: it.max! }));
    const t = totalScore(std, m);
    potential.set(code, { total: t.total, passed: t.passed });
  }
  // Units holding the title do not create again.
  const titled = new Set((await store.repos.titles.list(NATION_AREA, std.title ?? DEMO_CYCLE.standard)).filter((t) => t.withdrawn === null).map((t) => t.divisionCode));
  const counties: Division[] = [...auto].filter(([code]) => !titled.has(code)).map(([code, a]) => ({ code, name: a.name, level: 3, parentCode: code.slice(0, 4), kind: 'COUNTY' }));
  const applications = demoApplications(counties, seed, potential);
  const now = clock.now().toISOString();
  await store.transaction(async (repos) => {
    await storeApplications(repos, applications, now, std.title ?? DEMO_CYCLE.standard);
    await storeOnsite(repos, now);
  });
  progress('演示评审周期 evaluation demo', 1, 1);
}

async function storeApplications(repos: Repositories, applications: DemoApplication[], now: string, title: string): Promise<void> {
  await repos.evaluation.insertCycle({ ...DEMO_CYCLE, createdAt: now });
  const day = now.slice(0, 10);
  const publicityUntil = new Date(Date.parse(`${day}T00:00:00Z`) + 5 * 86_400_000).toISOString().slice(0, 10);
  const year = Number(day.slice(0, 4));
  for (const a of applications) {
    const app = await repos.evaluation.insertApplication({
      cycle: DEMO_CYCLE.code, subjectCode: a.subjectCode, subjectName: a.subjectName, stage: a.stage, decisionNote: a.decisionNote,
      publicityUntil: a.stage === 'PUBLICITY' ? publicityUntil : null, namedYear: a.named ? year : null, createdAt: now, updatedAt: now,
    });
    await repos.evaluation.upsertScores(app.id, a.scores.map((s) => ({ ...s, applicable: true, note: null, scoredBy: 'demo', scoredAt: now })));
    if (a.objection) await repos.evaluation.insertObjection({ applicationId: app.id, text: a.objection, receivedAt: now, recordedBy: 'demo', resolution: null, resolvedBy: null, resolvedAt: null });
    if (a.named) await repos.titles.upsertMany([{ divisionCode: a.subjectCode, title, granted: year, withdrawn: null, source: DEMO_CYCLE.code }]);
  }
}

/**
 * The demo's expert pool, and the on-site review begun: half the units at the national review
 * drawn at random, each assigned an expert of another province (`expert` where it may), the
 * first of `expert`'s with a few findings.
 */
async function storeOnsite(repos: Repositories, now: string): Promise<void> {
  if ((await repos.experts.list()).length) return;
  const provinces = new Set((await repos.divisions.getMany([...new Set(DEMO_EXPERTS.map((e) => e.provinceCode))])).map((d) => d.code));
  const experts = [];
  for (const e of DEMO_EXPERTS) if (provinces.has(e.provinceCode)) experts.push(await repos.experts.insert({ ...e, createdAt: now }));
  const national = await repos.evaluation.applications(DEMO_CYCLE.code, NATION_AREA, 'NATIONAL');
  if (!experts.length || !national.length) return;
  const picks = drawSample(national.map((a) => ({ applicationId: a.id, subjectCode: a.subjectCode, selfTotal: null, provinceTotal: null, completeness: null })), { random: Math.ceil(national.length / 2), seed: 2024, gapPoints: 10, completenessBelow: 0 });
  await repos.onsite.replaceSample(DEMO_CYCLE.code, picks.map((p) => ({ applicationId: p.applicationId, reasons: p.reasons, detail: p.detail, seed: 2024, drawnBy: 'demo', drawnAt: now })));
  let begun: { applicationId: number; by: string } | null = null;
  for (const p of picks) {
    const x = experts.find((e) => e.provinceCode !== p.subjectCode.slice(0, 2));
    if (!x) continue;
    await repos.experts.assign(p.applicationId, x.id, 'demo', now);
    // The checklist under way is one the demo user `expert` may go on with.
    if (x.username && !begun) begun = { applicationId: p.applicationId, by: x.username };
  }
  if (begun) await repos.onsite.upsertChecks(begun.applicationId, DEMO_CHECKS.map((c) => ({ ...c, checkedBy: begun!.by, checkedAt: now })));
}
