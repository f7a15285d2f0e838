/**
 * The facts projects and funds give the analytics engine (indicators project_on_schedule_rate and
 * fund_execution_rate): a project under construction in a year, on schedule in it, and yuan
 * allocated and spent per county and year. On-schedule ages with the clock, so the version holds
 * the day as well as the tables' counts and change sequence.
 */
import { ancestorCodes } from '../../../domain/org-unit.js';
import { chinaDay } from '../../../domain/period.js';
import { fenToYuan } from '../../../domain/funds/allocation.js';
import { onSchedule } from '../../../domain/funds/project.js';
import type { Clock } from '../../platform/clock.js';
import type { Store } from '../../platform/db/store.js';
import type { FactSource, ProgramFact } from '../indicators/engine/program-facts.js';
import { areaNames } from '../supervision/supervision-access.js';

export function projectFacts(store: Store, clock: Clock): FactSource {
  return {
    name: 'projects-funds',
    version: async () => `${await store.repos.projects.factVersion()}@${chinaDay(clock.now())}`,
    facts: async () => {
      const repos = store.repos;
      const today = chinaDay(clock.now());
      const thisYear = Number(today.slice(0, 4));
      const out: ProgramFact[] = [];
      for (const p of await repos.projects.projects(null)) {
        if (p.status === 'DECLARED' || p.status === 'APPROVED') continue;
        const first = Number(p.startDate.slice(0, 4));
        const last = Math.min(thisYear, Number(p.endDate.slice(0, 4)), p.status === 'COMPLETED' || p.status === 'TERMINATED' ? Number(p.updatedAt.slice(0, 4)) : thisYear);
        for (let y = first; y <= last; y++) {
          const subject = `project:${p.id}`;
          out.push({ kind: 'project_active', areaCode: p.areaCode, year: y, subject, subjectName: p.name, value: 1 });
          const day = y < thisYear ? `${y}-12-31` : today;
          if (onSchedule(p.milestones, day)) out.push({ kind: 'project_on_schedule', areaCode: p.areaCode, year: y, subject, subjectName: p.name, value: 1 });
        }
      }
      // Money per county and year (a project's by its county), in yuan.
      const money = new Map<string, { county: string; year: number; allocated: bigint; spent: bigint }>();
      const at = (code: string, year: number) => {
        const county = ancestorCodes(code)[3] ?? code;
        const k = `${county}|${year}`;
        return money.get(k) ?? money.set(k, { county, year, allocated: 0n, spent: 0n }).get(k)!;
      };
      for (const a of await repos.projects.allocations(null)) at(a.areaCode, a.year).allocated += a.amountFen;
      for (const s of await repos.projects.spendings(null)) at(s.areaCode, s.year).spent += s.amountFen;
      const names = await areaNames(repos, [...money.values()].map((m) => m.county));
      for (const m of money.values()) {
        const base = { areaCode: m.county, year: m.year, subject: m.county, subjectName: names.get(m.county) ?? m.county };
        if (m.allocated !== 0n) out.push({ ...base, kind: 'fund_allocated', value: Number(fenToYuan(m.allocated)) });
        if (m.spent !== 0n) out.push({ ...base, kind: 'fund_spent', value: Number(fenToYuan(m.spent)) });
      }
      return out;
    },
  };
}
