/**
 * 国家中医医疗队巡回医疗: teams led by a tertiary TCM hospital, their tours (dates, the counties
 * visited) and the services at each county (诊疗人次, 义诊次数, 培训人次). A team and its tours
 * belong to the lead hospital's area; a county sees the tours that visited it, and of a tour only
 * its own stop unless the team is inside its scope too.
 */
import { AppError } from '../../../domain/errors.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { Repositories, Store } from '../../platform/db/store.js';
import { areaNames, areaWithin, placeName, prefixOf, requireWriter, withAncestors } from './assistance-access.js';
import type { Team, Tour, TourStop } from './capacity.repository.js';

export interface TeamView extends Team {
  leadName: string;
  areaName: string;
  tours: number;
  writable: boolean;
}
export interface TourStopView extends Omit<TourStop, 'tourId'> {
  countyName: string;
  placeName: string;
}
export interface TourView extends Tour {
  teamName: string;
  leadName: string;
  stops: TourStopView[];
  totals: { visits: number; freeClinics: number; trained: number };
  writable: boolean;
}
export interface TourInput {
  startDate: string;
  endDate: string;
  note?: string;
  stops: { countyCode: string; visits?: number; freeClinics?: number; trained?: number }[];
}

const validDay = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().slice(0, 10) === d;

export class TourService {
  constructor(
    private readonly store: Store,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private now = () => this.clock.now().toISOString();
  private isWriter = (actor: Actor) => actor.role === 'SYSTEM_ADMIN' || actor.role === 'AREA_ADMIN';

  async teams(actor: Actor): Promise<TeamView[]> {
    const prefix = prefixOf(actor);
    const repos = this.store.repos;
    const teams = await repos.assistanceCapacity.teams(prefix);
    const tours = await repos.assistanceCapacity.tours(prefix);
    const leads = await repos.facilities.getMany(teams.map((t) => t.leadCode));
    const names = await areaNames(repos, teams.map((t) => t.areaCode));
    return teams.map((t) => ({
      ...t,
      leadName: leads.get(t.leadCode)?.name ?? t.leadCode,
      areaName: names.get(t.areaCode) ?? t.areaCode,
      tours: tours.filter((x) => x.teamId === t.id).length,
      writable: this.isWriter(actor) && areaWithin(actor.scope, t.areaCode),
    }));
  }

  /** A team led by a tertiary TCM hospital inside the actor's scope. */
  async createTeam(actor: Actor, t: { name: string; leadCode: string }): Promise<TeamView> {
    requireWriter(actor);
    const name = t.name.trim();
    if (!name) throw new AppError('E8616', { field: '医疗队名称' }, { en: 'team name' });
    const team = await this.store.transaction(async (repos) => {
      const lead = await repos.facilities.get(t.leadCode);
      if (!lead) throw new AppError('E1102', { field: 'leadCode', value: t.leadCode });
      if (lead.type !== 'TERTIARY_TCM_HOSPITAL') throw new AppError('E8602', { field: 'leadCode', value: `${lead.name}（${lead.code}）` });
      if (!areaWithin(actor.scope, lead.divisionCode)) throw new AppError('E2102', { field: 'leadCode', value: t.leadCode });
      const made = await repos.assistanceCapacity.insertTeam({ name, leadCode: lead.code, areaCode: lead.divisionCode, createdBy: actor.username, createdAt: this.now() });
      await this.audit.record(repos, actor, { action: 'create', entity: 'asst_team', entityKey: String(made.id), areaCode: made.areaCode, after: made });
      return made;
    });
    return (await this.teams(actor)).find((x) => x.id === team.id)!;
  }

  /** Tours the actor may read, newest first; optionally one team's, or those visiting one county. */
  async tours(actor: Actor, f: { teamId?: number; county?: string } = {}): Promise<TourView[]> {
    if (f.county && !areaWithin(actor.scope, f.county)) throw new AppError('E2102', { field: 'county', value: f.county });
    const tours = await this.store.repos.assistanceCapacity.tours(prefixOf(actor), f);
    return this.views(this.store.repos, actor, tours);
  }

  async tour(actor: Actor, id: number): Promise<TourView> {
    const t = await this.readable(this.store.repos, actor, id);
    return (await this.views(this.store.repos, actor, [t]))[0]!;
  }

  /** A tour the actor may read (its team or one of its counties inside the scope); else "not found". */
  private async readable(repos: Repositories, actor: Actor, id: number): Promise<Tour> {
    const prefix = prefixOf(actor);
    const t = await repos.assistanceCapacity.tour(id);
    if (!t || !(await repos.assistanceCapacity.tours(prefix, { teamId: t.teamId })).some((x) => x.id === id)) throw new AppError('E8608', { field: 'id', value: id });
    return t;
  }

  async views(repos: Repositories, actor: Actor, tours: Tour[]): Promise<TourView[]> {
    const teamIds = [...new Set(tours.map((t) => t.teamId))];
    const teams = new Map<number, Team>();
    for (const id of teamIds) {
      const team = await repos.assistanceCapacity.team(id);
      if (team) teams.set(id, team);
    }
    const leads = await repos.facilities.getMany([...teams.values()].map((t) => t.leadCode));
    const stops = await repos.assistanceCapacity.stopsOf(tours.map((t) => t.id));
    const names = await areaNames(repos, withAncestors(stops.map((s) => s.countyCode)));
    return tours.map((t) => {
      const team = teams.get(t.teamId)!;
      const owner = areaWithin(actor.scope, team.areaCode);
      const mine = stops.filter((s) => s.tourId === t.id && (owner || areaWithin(actor.scope, s.countyCode)));
      return {
        ...t,
        teamName: team.name,
        leadName: leads.get(team.leadCode)?.name ?? team.leadCode,
        stops: mine.map(({ tourId: _, ...s }) => ({ ...s, countyName: names.get(s.countyCode) ?? s.countyCode, placeName: placeName(names, s.countyCode) })),
        totals: { visits: mine.reduce((a, s) => a + s.visits, 0), freeClinics: mine.reduce((a, s) => a + s.freeClinics, 0), trained: mine.reduce((a, s) => a + s.trained, 0) },
        writable: this.isWriter(actor) && owner,
      };
    });
  }

  /** The team, for writing: inside the scope, else refused. */
  private async ownTeam(repos: Repositories, actor: Actor, teamId: number): Promise<Team> {
    const team = await repos.assistanceCapacity.team(teamId);
    if (!team || !(await repos.assistanceCapacity.teams(prefixOf(actor))).some((t) => t.id === teamId)) throw new AppError('E8607', { field: 'teamId', value: teamId });
    if (!areaWithin(actor.scope, team.areaCode)) throw new AppError('E8615', { field: 'teamId', area: (await areaNames(repos, [team.areaCode])).get(team.areaCode) ?? team.areaCode });
    return team;
  }

  /** Dates in order and every stop a county-level division, each once. */
  private async cleanInput(repos: Repositories, t: TourInput): Promise<Omit<TourStop, 'tourId'>[]> {
    if (!validDay(t.startDate)) throw new AppError('E8610', { field: 'startDate', rule: `${t.startDate} 不是有效日期` }, { en: `${t.startDate} is not a date` });
    if (!validDay(t.endDate)) throw new AppError('E8610', { field: 'endDate', rule: `${t.endDate} 不是有效日期` }, { en: `${t.endDate} is not a date` });
    if (t.endDate < t.startDate) throw new AppError('E8610', { field: 'endDate', rule: `结束日期 ${t.endDate} 早于开始日期 ${t.startDate}` }, { en: `end ${t.endDate} is before start ${t.startDate}` });
    if (!t.stops.length) throw new AppError('E8616', { field: '巡回县' }, { en: 'counties visited' });
    const codes = [...new Set(t.stops.map((s) => s.countyCode))];
    const found = new Map((await repos.divisions.getMany(codes)).map((d) => [d.code, d]));
    for (const c of codes) if (found.get(c)?.level !== 3) throw new AppError('E8609', { field: 'stops.countyCode', value: c });
    const seen = new Set<string>();
    return t.stops.filter((s) => !seen.has(s.countyCode) && !!seen.add(s.countyCode)).map((s) => ({ countyCode: s.countyCode, visits: s.visits ?? 0, freeClinics: s.freeClinics ?? 0, trained: s.trained ?? 0 }));
  }

  async createTour(actor: Actor, teamId: number, t: TourInput): Promise<TourView> {
    requireWriter(actor);
    const at = this.now();
    const tour = await this.store.transaction(async (repos) => {
      const team = await this.ownTeam(repos, actor, teamId);
      const stops = await this.cleanInput(repos, t);
      const made = await repos.assistanceCapacity.insertTour({ teamId, startDate: t.startDate, endDate: t.endDate, note: (t.note ?? '').trim(), createdBy: actor.username, createdAt: at, updatedAt: at }, stops);
      await this.audit.record(repos, actor, { action: 'create', entity: 'asst_tour', entityKey: String(made.id), areaCode: team.areaCode, after: { ...made, stops } });
      return made;
    });
    return this.tour(actor, tour.id);
  }

  async updateTour(actor: Actor, id: number, t: TourInput): Promise<TourView> {
    requireWriter(actor);
    await this.store.transaction(async (repos) => {
      const before = await this.readable(repos, actor, id);
      const team = await this.ownTeam(repos, actor, before.teamId);
      const stops = await this.cleanInput(repos, t);
      const beforeStops = await repos.assistanceCapacity.stopsOf([id]);
      await repos.assistanceCapacity.updateTour(id, { startDate: t.startDate, endDate: t.endDate, note: (t.note ?? '').trim(), updatedAt: this.now() }, stops);
      await this.audit.record(repos, actor, { action: 'update', entity: 'asst_tour', entityKey: String(id), areaCode: team.areaCode, before: { ...before, stops: beforeStops }, after: { ...t, stops } });
    });
    return this.tour(actor, id);
  }
}
