/**
 * Automatic scoring of DEMO_COUNTY against a hand-computed fixture, on a store without demo data:
 * 富民县 (a county) with its public county TCM hospital, two 乡镇卫生院 and five 村卫生室 (one
 * without a report); 五华区 (a district, so B1 does not apply) with one health centre. Every
 * automatic item's numerator, denominator, value and points are worked out by hand below; the
 * CLI prints the contract's columns; the facility standard runs as data; scope holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AutoscoreAnswer } from '../../../src/domain/api/evaluation.js';
import type { FacilityType } from '../../../src/domain/facility.js';
import { SYSTEM_ACTOR } from '../../../src/server/platform/access/actor.js';
import { buildApp, type App } from '../../../src/server/platform/app.js';
import { completeValues, createTestFacility, createTestReport, createTestUserSession, FUMIN, villageOf, WUHUA } from '../../support/builders/index.js';
import { parseCsv, runCli } from '../../support/cli.js';
import { expectError, type Client } from '../../support/http.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let app: App;
let fumin: Client;

async function facility(type: FacilityType, divisionCode: string, values: Record<string, unknown> | null, extra: { code?: string } = {}) {
  const f = await createTestFacility(ctx, { type, divisionCode, ...extra });
  if (values) await createTestReport(ctx, { facility: f, period: '2024', values: completeValues(ctx, type, values) });
  return f;
}

beforeAll(async () => {
  ctx = await createTestContext({ demo: false });
  app = await buildApp(ctx, { logger: false });
  const [t1, t2] = (await ctx.store.repos.divisions.children(FUMIN)).map((d) => d.code);
  await facility('COUNTY_TCM_HOSPITAL', FUMIN, { physicians: 80, tcm_physicians: 40, visits: 1000, tcm_visits: 550, tcm_nondrug_visits: 200 }, { code: 'EV-CTH' });
  const thc = (hall: boolean, tcmPhysicians: number, techniques: string[], tcmVisits: number, elderly: number, children: number) => ({
    has_tcm_hall: hall, physicians: 10, tcm_physicians: tcmPhysicians, technique_categories: techniques, visits: 100, tcm_visits: tcmVisits,
    elderly_residents: 100, elderly_tcm_managed: elderly, children_due: 50, children_tcm_managed: children, tcm_education_sessions: 2,
  });
  const six = ['ACUPUNCTURE', 'MOXIBUSTION', 'GUASHA', 'CUPPING', 'TUINA', 'BONE_SETTING'];
  await facility('THC', t1, thc(true, 3, six, 30, 72, 40));
  await facility('THC', t2, thc(false, 1, six.slice(0, 2), 20, 70, 35));
  const vc = (provides: boolean, techniques: string[], sessions: number) => ({ provides_tcm: provides, has_tcm_pavilion: provides, technique_categories: techniques, physicians: 1, tcm_physicians: 0, visits: 50, tcm_visits: 10, tcm_education_sessions: sessions });
  await facility('VC', await villageOf(ctx, t1, 0), vc(true, six.slice(0, 4), 1));
  await facility('VC', await villageOf(ctx, t1, 1), vc(true, six.slice(0, 4), 1));
  await facility('VC', await villageOf(ctx, t1, 2), vc(true, six.slice(0, 1), 1));
  await facility('VC', await villageOf(ctx, t1, 3), vc(false, [], 0));
  await facility('VC', await villageOf(ctx, t1, 4), null); // open, no report
  const [w1] = (await ctx.store.repos.divisions.children(WUHUA)).map((d) => d.code);
  await facility('CHC', w1, { has_tcm_hall: true, physicians: 10, tcm_physicians: 2, visits: 100, tcm_visits: 25 });
  fumin = (await createTestUserSession(ctx, app, { role: 'AREA_ADMIN', scopeCode: FUMIN })).client;
}, 120_000);
afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

const score = () => ctx.services.autoscore.autoscore(SYSTEM_ACTOR, 'DEMO_COUNTY', '2024', '5301');
const of = (a: AutoscoreAnswer, subject: string) => new Map(a.rows.filter((r) => r.subjectCode === subject).map((r) => [r.item, r]));

describe('DEMO_COUNTY on 富民县, by hand', () => {
  it('every automatic item, in the standard’s order', async () => {
    const rows = of(await score(), FUMIN);
    expect([...rows.keys()]).toEqual(['B1', 'B2', 'B3', 'B4', 'C1', 'C2', 'D1', 'D2', 'D3', 'D4', 'D5', 'E1', 'V1']);
  });

  it('bands: the first band reached, on the unrounded value', async () => {
    const r = of(await score(), FUMIN);
    const pick = (k: string) => [r.get(k)!.numerator, r.get(k)!.denominator, r.get(k)!.points];
    expect(pick('B1')).toEqual([1, 1, 8]); // its public county TCM hospital
    expect(pick('B2')).toEqual([1, 2, 0]); // one of two THCs has a TCM hall: 50% < 90%
    expect(pick('B4')).toEqual([3, 5, 0]); // 3 of 5 open VCs provide TCM: 60% < 70%
    expect(pick('C1')).toEqual([2, 2, 8]);
    expect(pick('D1')).toEqual([1, 2, 0]);
    expect(pick('D2')).toEqual([2, 5, 0]); // two VCs with four categories
    expect(pick('D4')).toEqual([142, 200, 3]); // 71% ≥ 70%
    expect(pick('D5')).toEqual([75, 100, 3]);
    expect(pick('E1')).toEqual([5, 7, 0]); // 2 THCs and 3 VCs held a session, of 7 open
    expect(r.get('B2')!.band).toBeNull();
    expect(r.get('D4')!.band).toBe(0);
  });

  it('linear: C2 at 20% is 3.5 of 7; D3 at 22.5% is 1.5 of 6', async () => {
    const r = of(await score(), FUMIN);
    expect([r.get('C2')!.numerator, r.get('C2')!.denominator, r.get('C2')!.value, r.get('C2')!.points]).toEqual([4, 20, 0.2, 3.5]);
    expect([r.get('D3')!.numerator, r.get('D3')!.denominator, r.get('D3')!.points]).toEqual([90, 400, 1.5]);
  });

  it('no 社区卫生服务站: B3 does not apply', async () => {
    expect(of(await score(), FUMIN).get('B3')).toMatchObject({ applicable: false, value: null, points: null, maxPoints: 6 });
  });

  it('the completeness veto fires: 6 of 7 open grassroots facilities reported (85.7% < 95%)', async () => {
    expect(of(await score(), FUMIN).get('V1')).toMatchObject({ numerator: 6, denominator: 7, veto: true, points: null, indicator: null });
  });

  it('a 市辖区 (五华区) has no B1: not applicable', async () => {
    const r = of(await score(), WUHUA);
    expect(r.get('B1')).toMatchObject({ applicable: false, value: null, points: null });
    expect(r.get('B2')).toMatchObject({ numerator: 1, denominator: 1, points: 8 });
  });

  it('every county-level unit of the area is a subject, those without facilities too', async () => {
    const a = await score();
    const counties = (await ctx.store.repos.divisions.children('5301')).map((d) => d.code).sort();
    expect([...new Set(a.rows.map((r) => r.subjectCode))]).toEqual(counties);
    expect(a.subjects).toBe(counties.length);
  });
});

describe('gtcm evaluation autoscore', () => {
  it('prints the contract’s columns, one row per subject × automatic item', async () => {
    const r = await runCli(ctx.config, ['evaluation', 'autoscore', '--standard', 'DEMO_COUNTY', '--period', '2024', '--area', FUMIN]);
    expect(r.code, r.stderr).toBe(0);
    const text = r.stdout.replace(/^\uFEFF/, '');
    expect(text.split('\n')[0]).toBe('subject_code,subject_name,item,indicator,numerator,denominator,value,points,max_points,applicable,veto');
    const csv = parseCsv(text);
    expect(csv).toHaveLength(13);
    expect(csv.find((c) => c.item === 'C2')).toEqual({
      subject_code: FUMIN, subject_name: '富民县', item: 'C2', indicator: 'tcm_physician_share', numerator: '4', denominator: '20', value: '0.2', points: '3.5', max_points: '7', applicable: 'true', veto: '',
    });
    expect(csv.find((c) => c.item === 'B3')).toMatchObject({ value: '', points: '', applicable: 'false', veto: '' });
    expect(csv.find((c) => c.item === 'V1')).toMatchObject({ indicator: '', points: '', max_points: '', veto: 'true' });
  });

  it('as JSON, with the same values', async () => {
    const r = await runCli(ctx.config, ['evaluation', 'autoscore', '--standard', 'DEMO_COUNTY', '--period', '2024', '--area', FUMIN, '--format', 'json']);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows.find((x) => x.item === 'B3')).toMatchObject({ value: null, applicable: false, veto: null });
    expect(rows.find((x) => x.item === 'V1')).toMatchObject({ veto: true });
  });

  it('an unknown standard is a clear error', async () => {
    const r = await runCli(ctx.config, ['evaluation', 'autoscore', '--standard', 'NOPE', '--period', '2024', '--area', FUMIN]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E7001');
  });
});

describe('a second standard, as data alone', () => {
  it('两专科一中心 scores a county TCM hospital from its own report', async () => {
    const a = await ctx.services.autoscore.autoscore(SYSTEM_ACTOR, 'COUNTY_HOSPITAL_TWO_ONE', '2024', FUMIN);
    const r = of(a, 'EV-CTH');
    expect([...r.keys()]).toEqual(['Q1', 'Q2', 'Q3']);
    expect(r.get('Q1')).toMatchObject({ indicator: 'tcm_visits/visits', numerator: 550, denominator: 1000, points: 12 }); // 55%: the 50% band
    expect(r.get('Q2')).toMatchObject({ numerator: 40, denominator: 80, points: 10 }); // 50%: halfway from 40% to 60%
    expect(r.get('Q3')).toMatchObject({ numerator: 200, denominator: 550, points: roundTo(((200 / 550 - 0.2) / 0.2) * 5) });
  });
});

describe('scope', () => {
  it('a county user scores its own county, and not another', async () => {
    const own = await fumin.get('/api/evaluation/autoscore?standard=DEMO_COUNTY&period=2024');
    expect(own.status).toBe(200);
    expect(new Set((own.body as AutoscoreAnswer).rows.map((r) => r.subjectCode))).toEqual(new Set([FUMIN]));
    expectError(await fumin.get(`/api/evaluation/autoscore?standard=DEMO_COUNTY&period=2024&area=${WUHUA}`), 403, 'E2102');
  });

  it('an answer over the cell bound is refused before anything is computed (E6006)', async () => {
    const counties = (await ctx.store.repos.divisions.children('5301')).length;
    await expect(ctx.services.autoscore.autoscore(SYSTEM_ACTOR, 'DEMO_COUNTY', '2024', '5301', counties * 13 - 1)).rejects.toMatchObject({ code: 'E6006' });
    expect((await ctx.services.autoscore.autoscore(SYSTEM_ACTOR, 'DEMO_COUNTY', '2024', '5301', counties * 13)).rows).toHaveLength(counties * 13);
  });

  it('below the subjects’ level is refused (E7002)', async () => {
    const [t1] = (await ctx.store.repos.divisions.children(FUMIN)).map((d) => d.code);
    await expect(ctx.services.autoscore.autoscore(SYSTEM_ACTOR, 'DEMO_COUNTY', '2024', t1)).rejects.toMatchObject({ code: 'E7002' });
  });
});

function roundTo(x: number): number {
  return Math.round(x * 10) / 10;
}
