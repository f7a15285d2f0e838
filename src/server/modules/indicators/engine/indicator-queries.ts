/**
 * Indicator SQL over the columnar tables: one scan of facilities ⋈ reports per request computes
 * every facility-share and ratio indicator at once (conditional aggregates); county-share
 * indicators count county-level units. The breakdown is by the ancestor column of the level.
 */
import type { Condition, CountyCondition, FactMeasure, Indicator } from '../../../../domain/indicator.js';
import type { DivisionLevel } from '../../../../domain/org-unit.js';
import { parsePeriod } from '../../../../domain/period.js';
import type { Area } from '../../../../domain/scope.js';
import { FACILITY_COPY } from './columnar-store.js';
import type { SqlParam, SqlReader } from './connection-pool.js';

const LEVEL_COL: Record<DivisionLevel, string> = { 1: 'province', 2: 'city', 3: 'county', 4: 'township', 5: 'village' };
const q = (id: string) => `"${id.replace(/"/g, '""')}"`;
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const list = (xs: string[]) => xs.map(lit).join(', ');
/**
 * The report-status condition, with the statuses bound as parameters ($1…): the only text from a
 * request that reaches these queries, so it never enters the SQL (they were checked against the
 * status enum before, too).
 */
const statusFilter = (opts: QueryOptions) =>
  opts.statuses?.length ? { sql: ` and r.status in (${opts.statuses.map((_, i) => `$${i + 1}`).join(', ')})`, params: opts.statuses } : { sql: '', params: [] };

export interface AreaValue {
  area: string;
  period: string;
  indicator: string;
  numerator: number;
  denominator: number;
  expected: number;
  reported: number;
}

export interface QueryOptions {
  /** Only reports of these statuses count (default: every report). */
  statuses?: string[];
}

/** The SQL condition of a facility-share numerator on the joined report `r`. */
export function conditionSql(c: Condition): string {
  if ('element' in c) return `r.${q(c.element)} ${c.op} ${typeof c.value === 'boolean' ? String(c.value) : Number(c.value)}`;
  return `coalesce(r.${q(c.optionCount)}, 0) ${c.op} ${Number(c.value)}`;
}

function areaWhere(alias: string, area: Area, prefix = ''): string {
  return area.level === 0 ? 'true' : `${alias}.${prefix}${LEVEL_COL[area.level as DivisionLevel]} = ${lit(area.code)}`;
}

function periodsCte(periods: string[]): string {
  const rows = periods.map((id) => {
    const p = parsePeriod(id);
    if (!p) throw new Error(`bad period ${id}`);
    return `(${lit(p.id)}, ${lit(p.start)}, ${lit(p.end)})`;
  });
  return `periods(period, p_start, p_end) as (values ${rows.join(', ')})`;
}

/**
 * Facilities of the given types open in the period, and those of them with a report for it (any
 * status), for every unit of `level` inside `area`: the completeness an evaluation's veto reads,
 * for every county of the country in the same two scans as one indicator.
 */
export async function reportCounts(store: SqlReader, dataSet: string, types: string[], period: string, area: Area, level: number): Promise<{ area: string; expected: number; reported: number }[]> {
  const p = parsePeriod(period);
  if (!p) throw new Error(`bad period ${period}`);
  const group = level === 0 ? `'CN'` : `f.${LEVEL_COL[level as DivisionLevel]}`;
  const rgroup = level === 0 ? `'CN'` : `r.f_${LEVEL_COL[level as DivisionLevel]}`;
  const open = await store.all(`select ${group} as area, count(*) as expected from facility_dim f
    where f.type in (${list(types)}) and f.opened <= ${lit(p.end)} and (f.closed is null or f.closed >= ${lit(p.start)}) and ${areaWhere('f', area)}
      ${level > 0 ? `and ${group} is not null` : ''}
    group by all`);
  const reported = await store.all(`select ${rgroup} as area, count(*) as reported from report_fact r
    where r.data_set = ${lit(dataSet)} and r.period = ${lit(p.id)} and r.f_type in (${list(types)})
      and r.f_opened <= ${lit(p.end)} and (r.f_closed is null or r.f_closed >= ${lit(p.start)}) and ${areaWhere('r', area, 'f_')}
      ${level > 0 ? `and ${rgroup} is not null` : ''}
    group by all`);
  const got = new Map(reported.map((r) => [String(r.area), Number(r.reported)]));
  return open.map((r) => ({ area: String(r.area), expected: Number(r.expected), reported: got.get(String(r.area)) ?? 0 }));
}

/**
 * Values of facility-share and ratio indicators for every unit of `level` inside `area`
 * (level = the area's own level gives the area's total), for each period. One scan per data
 * set and period counts, per area and facility type, each distinct condition and sums each
 * element once; every indicator is then the sum over its types.
 */
export async function facilityIndicatorValues(store: SqlReader, inds: Indicator[], periods: string[], area: Area, level: number, opts: QueryOptions = {}): Promise<AreaValue[]> {
  const fi = inds.filter((i) => i.kind === 'FACILITY_SHARE' || i.kind === 'RATIO');
  const out: AreaValue[] = [];
  const group = level === 0 ? `'CN'` : `f.${LEVEL_COL[level as DivisionLevel]}`;
  const status = statusFilter(opts);
  for (const dataSet of new Set(fi.map((i) => i.dataSet))) {
    const dsInds = fi.filter((i) => i.dataSet === dataSet);
    const conditions = new Map<string, string>(); // sql → alias
    const sums = new Map<string, string>(); // element → alias
    for (const ind of dsInds) {
      if (ind.kind === 'RATIO') {
        for (const el of [(ind.numerator as { sum: string }).sum, (ind.denominator as { sum: string }).sum]) if (!sums.has(el)) sums.set(el, `s${sums.size}`);
      } else {
        const c = conditionSql(ind.numerator as Condition);
        if (!conditions.has(c)) conditions.set(c, `c${conditions.size}`);
      }
    }
    const aggs = [
      'count(*) as reported',
      ...[...conditions].map(([c, alias]) => `count(*) filter (where ${c}) as ${alias}`),
      ...[...sums].map(([el, alias]) => `sum(r.${q(el)}) as ${alias}`),
    ];
    for (const period of periods) {
      const p = parsePeriod(period);
      if (!p) throw new Error(`bad period ${period}`);
      // Two scans, no join: the open facilities per area and type (the denominators), and their
      // reports (which carry the facility's type, dates and ancestors) for the numerators.
      const open = await store.all(`select ${group} as area, f.type as type, count(*) as expected
        from facility_dim f
        where f.opened <= ${lit(p.end)} and (f.closed is null or f.closed >= ${lit(p.start)}) and ${areaWhere('f', area)}
          ${level > 0 ? `and ${group} is not null` : ''}
        group by all`);
      const rgroup = level === 0 ? `'CN'` : `r.f_${LEVEL_COL[level as DivisionLevel]}`;
      const reported = await store.all(`select ${rgroup} as area, r.f_type as type, ${aggs.join(', ')}
        from report_fact r
        where r.data_set = ${lit(dataSet)} and r.period = ${lit(p.id)}${status.sql}
          and r.f_opened <= ${lit(p.end)} and (r.f_closed is null or r.f_closed >= ${lit(p.start)}) and ${areaWhere('r', area, 'f_')}
          ${level > 0 ? `and ${rgroup} is not null` : ''}
        group by all`, status.params);
      const byKey = new Map(reported.map((r) => [`${r.area}\u0000${r.type}`, r]));
      const rows = open.map((e) => ({ ...(byKey.get(`${e.area}\u0000${e.type}`) ?? {}), ...e }));
      const byArea = new Map<string, Record<string, unknown>[]>();
      for (const r of rows) {
        const a = String(r.area);
        if (!byArea.has(a)) byArea.set(a, []);
        byArea.get(a)!.push(r);
      }
      for (const [a, typeRows] of byArea)
        for (const ind of dsInds) {
          const types: string[] = ind.types ?? [];
          const mine = typeRows.filter((r) => types.includes(String(r.type)));
          const total = (col: string) => mine.reduce((acc, r) => acc + Number(r[col] ?? 0), 0);
          const expected = total('expected');
          const reported = total('reported');
          const [numerator, denominator] =
            ind.kind === 'RATIO'
              ? [total(sums.get((ind.numerator as { sum: string }).sum)!), total(sums.get((ind.denominator as { sum: string }).sum)!)]
              : [total(conditions.get(conditionSql(ind.numerator as Condition))!), expected];
          out.push({ area: a, period: p.id, indicator: ind.code, numerator, denominator, expected, reported });
        }
    }
  }
  return out;
}

/**
 * The county-level units that count toward a county-share numerator in each period of the
 * `periods` CTE: those with an open facility of the listed types and ownership, or those holding
 * the title that year.
 */
function coveredCte(ind: Indicator): string {
  const n = ind.numerator as CountyCondition;
  if ('hasTitle' in n) {
    const year = `cast(left(p.period, 4) as integer)`;
    return `covered as (
        select distinct p.period, t.division_code as county from periods p
        join title_fact t on t.title = ${lit(n.hasTitle.title)} and t.granted <= ${year} and (t.withdrawn is null or t.withdrawn > ${year}))`;
  }
  const has = n.hasFacility;
  return `covered as (
        select distinct p.period, f.county from periods p
        join facility_dim f on f.opened <= p.p_end and (f.closed is null or f.closed >= p.p_start)
        where f.type in (${list(has.types)})${has.ownership ? ` and f.ownership = ${lit(has.ownership)}` : ''})`;
}

/** The county-level units in a county-share denominator, inside the area. */
function countyWhere(ind: Indicator, area: Area): string {
  const kinds = ind.counties?.kinds;
  return `d.level = 3${kinds ? ` and d.kind in (${list(kinds)})` : ''} and ${area.level === 3 ? `d.code = ${lit(area.code)}` : areaWhere('d', area)}`;
}

/** County-share indicators: county-level units (the denominator), and those covered (the numerator). */
export async function countyIndicatorValues(store: SqlReader, inds: Indicator[], periods: string[], area: Area, level: number): Promise<AreaValue[]> {
  const ci = inds.filter((i) => i.kind === 'COUNTY_SHARE');
  if (ci.length === 0 || periods.length === 0 || level > 3) return [];
  const out: AreaValue[] = [];
  for (const ind of ci) {
    const group = level === 0 ? `'CN'` : `d.${level === 3 ? 'code' : LEVEL_COL[level as DivisionLevel]}`;
    const sql = `with ${periodsCte(periods)}, ${coveredCte(ind)}
      select p.period, ${group} as area, count(*) as d, count(c.county) as n
      from periods p
      join division_dim d on ${countyWhere(ind, area)}
      left join covered c on c.period = p.period and c.county = d.code
      group by all`;
    for (const row of await store.all(sql))
      out.push({ area: String(row.area), period: String(row.period), indicator: ind.code, numerator: Number(row.n), denominator: Number(row.d), expected: Number(row.d), reported: Number(row.d) });
  }
  return out;
}

/** The facts (or open facilities) of a FACT measure per unit of `level` inside the area in the period's year. */
function measureSql(m: FactMeasure, period: string, area: Area, level: number): string {
  const p = parsePeriod(period);
  if (!p) throw new Error(`bad period ${period}`);
  if ('facilities' in m) {
    const group = level === 0 ? `'CN'` : `f.${LEVEL_COL[level as DivisionLevel]}`;
    return `select ${group} as area, count(*)::double as v from facility_dim f
      where f.type in (${list(m.facilities.types)}) and f.opened <= ${lit(p.end)} and (f.closed is null or f.closed >= ${lit(p.start)}) and ${areaWhere('f', area)}
        ${level > 0 ? `and ${group} is not null` : ''} group by all`;
  }
  const group = level === 0 ? `'CN'` : `x.${LEVEL_COL[level as DivisionLevel]}`;
  return `select ${group} as area, sum(x.value) as v from program_fact x
    where x.kind = ${lit(m.fact)} and x.year = ${Number(p.id.slice(0, 4))} and ${areaWhere('x', area)} ${level > 0 ? `and ${group} is not null` : ''} group by all`;
}

/** FACT indicators: Σ numerator facts ÷ Σ denominator facts (or open facilities) per unit; completeness does not apply (no report expected: 0 and 0). */
export async function factIndicatorValues(store: SqlReader, inds: Indicator[], periods: string[], area: Area, level: number): Promise<AreaValue[]> {
  const out: AreaValue[] = [];
  if (level > 4) return out;
  for (const ind of inds.filter((i) => i.kind === 'FACT'))
    for (const period of periods) {
      const num = new Map((await store.all(measureSql(ind.numerator as { fact: string }, period, area, level))).map((r) => [String(r.area), Number(r.v)]));
      const den = new Map((await store.all(measureSql(ind.denominator as FactMeasure, period, area, level))).map((r) => [String(r.area), Number(r.v)]));
      for (const a of new Set([...den.keys(), ...num.keys()])) {
        const d = den.get(a) ?? 0;
        // No report is expected for programme records: completeness (the widest expected count on a page) must not read them.
        out.push({ area: a, period, indicator: ind.code, numerator: num.get(a) ?? 0, denominator: d, expected: 0, reported: 0 });
      }
    }
  return out;
}

/** The subjects of a FACT indicator's denominator whose own ratio falls short (below the threshold, or below 1 without one). */
function factGapQuery(ind: Indicator, period: string, area: Area, threshold: number | null): string {
  const p = parsePeriod(period)!;
  const year = Number(p.id.slice(0, 4));
  const limit = threshold ?? 1;
  const n = `(select subject, sum(value) as v from program_fact where kind = ${lit((ind.numerator as { fact: string }).fact)} and year = ${year} group by subject)`;
  const den = ind.denominator as FactMeasure;
  if ('facilities' in den)
    return `select f.code, f.name, f.type, f.division as division_code, coalesce(n.v, 0) as value, true as reported
      from facility_dim f left join ${n} n on n.subject = f.code
      where f.type in (${list(den.facilities.types)}) and f.opened <= ${lit(p.end)} and (f.closed is null or f.closed >= ${lit(p.start)}) and ${areaWhere('f', area)}
        and coalesce(n.v, 0) < ${limit}`;
  return `select * from (select d.subject as code, any_value(d.subject_name) as name, null as type, any_value(d.area) as division_code,
      case when sum(d.value) > 0 then coalesce(any_value(n.v), 0) / sum(d.value) end as value, true as reported
      from program_fact d left join ${n} n on n.subject = d.subject
      where d.kind = ${lit(den.fact)} and d.year = ${year} and ${areaWhere('d', area)} group by d.subject) where value is null or value < ${limit}`;
}

export interface GapRow {
  code: string;
  name: string;
  type: string | null;
  divisionCode: string;
  value: number | null;
  reported: boolean;
}

/** The query of the units (facilities, or counties) of an area that fall short of the indicator, and its parameters. */
function gapQuery(ind: Indicator, period: string, area: Area, threshold: number | null, opts: QueryOptions): { base: string; params: SqlParam[] } {
  const p = parsePeriod(period);
  if (!p) throw new Error(`bad period ${period}`);
  const open = `f.opened <= ${lit(p.end)} and (f.closed is null or f.closed >= ${lit(p.start)})`;
  const status = statusFilter(opts);
  let base: string;
  if (ind.kind === 'FACT') return { base: factGapQuery(ind, period, area, threshold), params: [] };
  if (ind.kind === 'COUNTY_SHARE') {
    base = `with ${periodsCte([period])}, ${coveredCte(ind)}
      select d.code, d.name, null as type, d.code as division_code, 0.0 as value, true as reported
      from division_dim d
      where ${countyWhere(ind, area)} and not exists (select 1 from covered c where c.county = d.code)`;
  } else {
    const join = `from facility_dim f left join report_fact r on r.facility_code = f.code and r.data_set = ${lit(ind.dataSet)} and r.period = ${lit(period)}${status.sql}
      where f.type in (${list(ind.types ?? [])}) and ${open} and ${areaWhere('f', area)}`;
    if (ind.kind === 'RATIO') {
      const num = (ind.numerator as { sum: string }).sum;
      const den = (ind.denominator as { sum: string }).sum;
      const value = `case when r.${q(den)} > 0 then r.${q(num)} / r.${q(den)} end`;
      base = `select f.code, f.name, f.type, f.division as division_code, ${value} as value, r.facility_code is not null as reported ${join}
        and (r.facility_code is null or ${value} is null${threshold === null ? '' : ` or ${value} < ${threshold}`})`;
    } else {
      const c = ind.numerator as Condition;
      const col = 'element' in c ? c.element : c.optionCount;
      const value = 'element' in c && typeof c.value === 'boolean' ? `case when r.${q(col)} then 1.0 when r.${q(col)} = false then 0.0 end` : `r.${q(col)}::double`;
      base = `select f.code, f.name, f.type, f.division as division_code, ${value} as value, r.facility_code is not null as reported ${join}
        and not coalesce(${conditionSql(c)}, false)`;
    }
  }
  // A county-share list has no report join: no status parameters to bind.
  return { base, params: ind.kind === 'COUNTY_SHARE' ? [] : status.params };
}

/** The facilities (or counties) of an area that fall short of the indicator, worst first. */
export async function gapRows(store: SqlReader, ind: Indicator, period: string, area: Area, threshold: number | null, page: { offset: number; limit: number }, opts: QueryOptions = {}): Promise<{ items: GapRow[]; total: number }> {
  const { base, params } = gapQuery(ind, period, area, threshold, opts);
  const [count] = await store.all(`select count(*) as n from (${base})`, params);
  const rows = await store.all(`${base} order by reported, value nulls first, code limit ${page.limit} offset ${page.offset}`, params);
  return {
    total: Number(count.n),
    items: rows.map((r) => ({ code: String(r.code), name: String(r.name), type: (r.type as string) ?? null, divisionCode: String(r.division_code), value: r.value === null ? null : Number(r.value), reported: Boolean(r.reported) })),
  };
}

/**
 * How many units fall short in each area of a level below the view (by the first `codeLength`
 * characters of their division's code: 4 a city, 6 a county, 9 a township), most first.
 */
export async function gapCounts(store: SqlReader, ind: Indicator, period: string, area: Area, threshold: number | null, codeLength: number, opts: QueryOptions = {}): Promise<{ area: string; gaps: number }[]> {
  const { base, params } = gapQuery(ind, period, area, threshold, opts);
  const n = Number(codeLength);
  const rows = await store.all(`select substr(division_code, 1, ${n}) as area, count(*) as n from (${base}) where length(division_code) >= ${n} group by 1 order by n desc, area`, params);
  return rows.map((r) => ({ area: String(r.area), gaps: Number(r.n) }));
}

/** A facility's own rows of the fact table (its reported values as the engine sees them). */
export async function facilityFacts(store: SqlReader, code: string): Promise<Record<string, unknown>[]> {
  return store.all(`select * exclude (${FACILITY_COPY.map((c) => `f_${c}`).join(', ')}) from report_fact where facility_code = $1 order by data_set, period`, [code]);
}

/**
 * How many units of `level` lie inside the area (1 at the area's own level): the rows an answer
 * may have per period and indicator, counted before anything is computed.
 */
export async function unitCount(store: SqlReader, area: Area, level: number): Promise<number> {
  if (level <= area.level) return 1;
  const [r] = await store.all<{ n: number }>(`select count(*)::integer as n from division_dim d where d.level = ${Number(level)} and ${areaWhere('d', area)}`);
  return Number(r.n);
}

/** The periods of a data set that hold at least one report, oldest first. */
export async function reportedPeriods(store: SqlReader, dataSet: string): Promise<string[]> {
  return (await store.all<{ period: string }>(`select distinct period from report_fact where data_set = $1 order by period`, [dataSet])).map((r) => r.period);
}
