/**
 * The assistance part of the national demo: two or three tertiary TCM hospitals in the capital of
 * every mainland province; about 85 % of the county TCM hospitals paired with one (most in their own
 * province, some across provinces, as 东西部协作 pairs do), with staff sent, specialties and
 * clinics built and annual assessments; six 国家中医医疗队 with a dozen tours, the 定点帮扶 counties
 * 五寨县 and 明溪县 among those visited when the store holds them; an 适宜技术推广基地 per province
 * and in about a third of the counties, trainings in 2023–2024; 疫病防治基地 and 救援队伍 with
 * drills; 康复中心 construction units. Deterministic from the seed; idempotent (a state key
 * records it, written in the same transaction); batched, for the ~2,900 county hospitals.
 */
import { DESIGNATED_COUNTIES, type PairingStatus, type UnitKind, type UnitStatus } from '../../../domain/assistance/assistance.js';
import { bandOfScore } from '../../../domain/funds/allocation.js';
import type { Facility } from '../../../domain/facility.js';
import { mulberry32 } from '../../../domain/random.js';
import { NATION_AREA } from '../../../domain/scope.js';
import type { Clock } from '../../platform/clock.js';
import type { Repositories, Store } from '../../platform/db/store.js';
import type { Progress } from '../../platform/progress.js';
import type { Activity, Unit } from './capacity.repository.js';
import type { NewPairingRow, PairingYear } from './pairing.repository.js';

const STATE_KEY = 'assistance_demo';
const BY = 'demo';
const SPECIALTIES = ['针灸科', '康复科', '治未病科', '脾胃病科', '骨伤科', '肛肠科', '中医妇科', '中医儿科', '老年病科', '脑病科', '肺病科', '心血管病科'];
const CLINICS = ['名医工作室', '中医经典病房', '膏方门诊', '针灸门诊', '小儿推拿门诊', '治未病中心'];
const TECHNIQUES = ['针刺', '艾灸', '拔罐', '刮痧', '推拿', '穴位贴敷', '中药熏洗', '耳穴压豆', '小针刀', '督灸', '火针', '中药热熨'];
const CONTENT = ['派驻专家坐诊带教，建设重点专科', '开展远程会诊和疑难病例讨论', '帮助建设中医经典病房，培训骨干医师', '下沉管理团队，推进医院等级评审', '共建名医工作室，推广适宜技术'];
const DRILLS = ['桌面推演', '实战演练', '综合演练', '专项演练'];
/** Provinces (by code) whose hospitals help others across provinces: 北京, 上海, 江苏, 浙江, 广东, 天津, 山东. */
const HELPER_PROVINCES = ['11', '31', '32', '33', '44', '12', '37'];
const YEARS = [2021, 2022, 2023, 2024];
/** 台湾, 香港, 澳门: outside the programme's registry, no hospitals drawn there. */
const OUTSIDE = ['71', '81', '82'];

type Rnd = () => number;
const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const int = (rnd: Rnd, lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
const some = <T>(rnd: Rnd, xs: readonly T[], lo: number, hi: number): T[] => {
  const n = int(rnd, lo, hi);
  const pool = [...xs];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(rnd() * pool.length), 1)[0]!);
  return out;
};
const day = (rnd: Rnd, year: number) => {
  const d = new Date(Date.UTC(year, int(rnd, 2, 10), int(rnd, 1, 28)));
  return d.toISOString().slice(0, 10);
};
const shortName = (name: string) => name.replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$/, '');

/** Tertiary hospitals: two or three in the capital's districts of every mainland province. */
async function tertiaryHospitals(repos: Repositories, rnd: Rnd): Promise<Facility[]> {
  const out: Facility[] = [];
  for (const p of await repos.divisions.children(null)) {
    if (OUTSIDE.includes(p.code)) continue;
    const [capital] = await repos.divisions.children(p.code);
    if (!capital) continue;
    const districts = capital.level === 3 ? [capital] : (await repos.divisions.children(capital.code)).filter((d) => d.level === 3);
    if (!districts.length) continue;
    const short = shortName(p.name);
    const names = [`${short}${/市$/.test(p.name) ? '市' : '省'}中医医院`, `${short}中医药大学第一附属医院`, `${capital.name === '市辖区' ? short : shortName(capital.name)}市中医医院`];
    const n = int(rnd, 2, 3);
    for (let i = 0; i < n; i++) {
      const d = districts[i % districts.length]!;
      out.push({ code: `TTH-${d.code}-${i + 1}`, name: names[i]!, type: 'TERTIARY_TCM_HOSPITAL', divisionCode: d.code, ownership: 'PUBLIC', opened: `19${int(rnd, 50, 89)}-0${int(rnd, 1, 9)}-01`, closed: null, attributes: { grade: '三级甲等' } });
    }
  }
  return out;
}

export async function loadAssistanceDemo(store: Store, clock: Clock, seed: number, progress: Progress): Promise<void> {
  if ((await store.repos.state.get(STATE_KEY)) !== null) return;
  const rnd = mulberry32(seed * 104_729 + 86);
  const at = clock.now().toISOString();
  const thisYear = clock.now().getUTCFullYear();
  progress('演示帮扶与能力建设 assistance demo', 0, 4);
  await store.transaction(async (repos) => {
    const tertiary = await tertiaryHospitals(repos, rnd);
    await repos.facilities.insertMany(tertiary, at);
    const hospitals: Facility[] = [];
    for await (const f of repos.facilities.iterate({ area: NATION_AREA, types: ['COUNTY_TCM_HOSPITAL'], status: 'open' })) hospitals.push(f);
    const designated = new Set<string>(DESIGNATED_COUNTIES.map((c) => c.code));
    progress('演示帮扶与能力建设 assistance demo', 1, 4);

    // 对口帮扶
    if (tertiary.length) {
      const byProvince = new Map<string, Facility[]>();
      for (const t of tertiary) (byProvince.get(t.divisionCode.slice(0, 2)) ?? byProvince.set(t.divisionCode.slice(0, 2), []).get(t.divisionCode.slice(0, 2))!).push(t);
      const helpers = tertiary.filter((t) => HELPER_PROVINCES.includes(t.divisionCode.slice(0, 2)));
      const rows: NewPairingRow[] = [];
      for (const h of hospitals) {
        if (rnd() > 0.85 && !designated.has(h.divisionCode)) continue;
        const own = byProvince.get(h.divisionCode.slice(0, 2));
        const helper = own && (rnd() < 0.75 || !helpers.length) ? pick(rnd, own) : pick(rnd, helpers.length ? helpers : tertiary);
        // The 定点帮扶 counties are paired throughout (the administration's own commitment).
        const fixed = designated.has(h.divisionCode);
        const startYear = fixed ? int(rnd, 2019, 2021) : int(rnd, 2017, 2023);
        const endYear = fixed || rnd() < 0.8 ? null : startYear + int(rnd, 2, 4);
        const status: PairingStatus = endYear !== null && endYear < thisYear ? 'ENDED' : 'ACTIVE';
        rows.push({ helperCode: helper.code, helperArea: helper.divisionCode, recipientCode: h.code, areaCode: h.divisionCode, startYear, endYear, content: pick(rnd, CONTENT), status, createdBy: BY, createdAt: at, updatedAt: at });
      }
      const ids = await repos.assistancePairings.insertMany(rows);
      const years: PairingYear[] = [];
      rows.forEach((p, i) => {
        for (const year of YEARS) {
          if (year < p.startYear || (p.endYear !== null && year > p.endYear)) continue;
          const score = year < 2024 || rnd() < 0.5 ? Math.round(Math.min(99, Math.max(48, 84 + 9 * (rnd() + rnd() + rnd() - 1.5) * 1.4)) * 10) / 10 : null;
          years.push({
            pairingId: ids[i]!, year, staffSent: int(rnd, 4, 40), specialties: some(rnd, SPECIALTIES, 0, 2), clinics: some(rnd, CLINICS, 0, 1),
            score, band: score === null ? null : bandOfScore(score), comment: score === null ? null : score >= 90 ? '帮扶成效显著' : score >= 60 ? '按计划推进' : '帮扶措施落实不到位，限期整改',
            assessedBy: score === null ? null : BY, assessedAt: score === null ? null : `${year + 1}-01-20T02:00:00.000Z`, updatedAt: at,
          });
        }
      });
      await repos.assistancePairings.upsertYears(years);
    }
    progress('演示帮扶与能力建设 assistance demo', 2, 4);

    // 国家中医医疗队巡回医疗
    const counties = [...new Set(hospitals.map((h) => h.divisionCode))];
    const leads = [...new Map(tertiary.map((t) => [t.divisionCode.slice(0, 2), t])).values()].slice(0, 6);
    if (leads.length && counties.length) {
      const teams = [];
      for (const l of leads) teams.push(await repos.assistanceCapacity.insertTeam({ name: `国家中医医疗队（${l.name}）`, leadCode: l.code, areaCode: l.divisionCode, createdBy: BY, createdAt: at }));
      const mustVisit = counties.filter((c) => designated.has(c));
      for (let i = 0; i < 12; i++) {
        const year = i < 5 ? 2023 : 2024;
        const start = day(rnd, year);
        const end = new Date(Date.parse(start) + int(rnd, 5, 20) * 86_400_000).toISOString().slice(0, 10);
        const visit = new Set(some(rnd, counties, 1, Math.min(4, counties.length)));
        if (mustVisit[i % Math.max(1, mustVisit.length)] && i % 3 === 0) visit.add(mustVisit[i % mustVisit.length]!);
        const stops = [...visit].map((c) => ({ countyCode: c, visits: int(rnd, 300, 2500), freeClinics: int(rnd, 2, 12), trained: int(rnd, 30, 300) }));
        await repos.assistanceCapacity.insertTour({ teamId: teams[i % teams.length]!.id, startDate: start, endDate: end, note: '巡回诊疗、义诊、带教培训基层医务人员', createdBy: BY, createdAt: at, updatedAt: at }, stops);
      }
    }

    // 能力建设
    const units: Omit<Unit, 'id'>[] = [];
    const unit = (kind: UnitKind, name: string, areaCode: string, facilityCode: string | null, startYear: number, status: UnitStatus = 'OPERATING', techniques: string[] = [], note = '') =>
      units.push({ kind, name, areaCode, facilityCode, techniques, startYear, endYear: null, status, note, createdBy: BY, createdAt: at, updatedAt: at });
    const provinces = await repos.divisions.children(null);
    const tertiaryOf = new Map<string, Facility>();
    for (const t of tertiary) if (!tertiaryOf.has(t.divisionCode.slice(0, 2))) tertiaryOf.set(t.divisionCode.slice(0, 2), t);
    for (const p of provinces) {
      if (OUTSIDE.includes(p.code)) continue;
      const host = tertiaryOf.get(p.code) ?? null;
      const short = shortName(p.name);
      unit('TECH_BASE', `${short}中医药适宜技术推广中心`, p.code, host?.code ?? null, int(rnd, 2012, 2019), 'OPERATING', some(rnd, TECHNIQUES, 6, 10));
      if (rnd() < 0.65) unit('EPIDEMIC_BASE', `国家中医疫病防治基地（${host?.name ?? short}）`, p.code, host?.code ?? null, int(rnd, 2021, 2023), rnd() < 0.8 ? 'OPERATING' : 'BUILDING');
      if (rnd() < 0.75) unit('RESCUE_TEAM', `${short}中医紧急医学救援队`, p.code, host?.code ?? null, int(rnd, 2019, 2023));
    }
    for (const h of hospitals) {
      const isDesignated = designated.has(h.divisionCode);
      if (rnd() < 0.33 || isDesignated) unit('TECH_BASE', `${h.name}基层中医药适宜技术推广基地`, h.divisionCode, h.code, int(rnd, 2014, 2022), 'OPERATING', some(rnd, TECHNIQUES, 3, 6));
      if (rnd() < 0.15 || isDesignated) {
        const st: UnitStatus = rnd() < 0.4 ? 'OPERATING' : rnd() < 0.7 ? 'BUILDING' : 'PLANNED';
        unit('REHAB_CENTER', `${h.name}中医康复中心`, h.divisionCode, h.code, int(rnd, 2022, 2024), st, [], st === 'OPERATING' ? '已建成投入使用' : st === 'BUILDING' ? '主体工程施工中' : '已完成立项');
      }
      if (rnd() < 0.03) unit('RESCUE_TEAM', `${h.name}中医应急医疗队`, h.divisionCode, h.code, int(rnd, 2020, 2023));
    }
    const made = await repos.assistanceCapacity.insertUnits(units);
    const acts: Omit<Activity, 'id'>[] = [];
    const act = (u: Unit, kind: Activity['kind'], year: number, topic: string, people: number) => acts.push({ unitId: u.id, kind, day: day(rnd, year), topic, people, note: '', createdBy: BY, createdAt: at });
    for (const u of made) {
      if (u.status !== 'OPERATING') continue;
      for (const year of [2023, 2024]) {
        if (u.kind === 'TECH_BASE' && (rnd() < 0.85 || (designated.has(u.areaCode) && year === 2024))) {
          const n = int(rnd, 1, u.areaCode.length === 2 ? 6 : 3);
          for (let k = 0; k < n; k++) act(u, 'TRAINING', year, pick(rnd, u.techniques.length ? u.techniques : TECHNIQUES), int(rnd, 20, u.areaCode.length === 2 ? 300 : 120));
        }
        if (u.kind === 'EPIDEMIC_BASE' || u.kind === 'RESCUE_TEAM') {
          for (let k = int(rnd, 1, 2); k > 0; k--) act(u, 'DRILL', year, pick(rnd, DRILLS), int(rnd, 30, 200));
          if (rnd() < 0.7) act(u, 'TRAINING', year, u.kind === 'RESCUE_TEAM' ? '中医药应急救治技能' : '疫病中医药防治方案', int(rnd, 40, 300));
        }
      }
    }
    await repos.assistanceCapacity.insertActivities(acts);
    await repos.state.set(STATE_KEY, JSON.stringify({ seed, tertiary: tertiary.length, units: made.length, activities: acts.length }));
  });
  progress('演示帮扶与能力建设 assistance demo', 4, 4);
}
