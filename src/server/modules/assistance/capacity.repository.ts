/** 国家中医医疗队 teams and tours (counties visited, services), and capacity units with their trainings and drills. Every list takes the reader's area prefix. */
import type { Kysely } from 'kysely';
import type { ActivityKind, UnitKind, UnitStatus } from '../../../domain/assistance/assistance.js';
import type { DB } from '../../platform/db/database.js';
import { chunks, chunkSize, containsText, inTransaction, reserveSeq } from '../../platform/db/sql-helpers.js';
import { like, type AreaPrefix } from './pairing.repository.js';
import './assistance.tables.js';

export interface Team {
  id: number;
  name: string;
  leadCode: string;
  areaCode: string;
  createdBy: string;
  createdAt: string;
}
export interface Tour {
  id: number;
  teamId: number;
  startDate: string;
  endDate: string;
  note: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}
export interface TourStop {
  tourId: number;
  countyCode: string;
  visits: number;
  freeClinics: number;
  trained: number;
}
export interface Unit {
  id: number;
  kind: UnitKind;
  name: string;
  areaCode: string;
  facilityCode: string | null;
  techniques: string[];
  startYear: number;
  endYear: number | null;
  status: UnitStatus;
  note: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}
export interface Activity {
  id: number;
  unitId: number;
  kind: ActivityKind;
  day: string;
  topic: string;
  people: number;
  note: string;
  createdBy: string;
  createdAt: string;
}
export interface UnitFilter {
  kind?: UnitKind;
  /** Units in this area (inside the prefix). */
  area?: string;
  text?: string;
}

type R<T extends keyof DB> = Omit<DB[T], 'id'> & { id: number };
const num = (v: unknown) => Number(v);
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const toTeam = (r: R<'asst_team'>): Team => ({ id: num(r.id), name: r.name, leadCode: r.lead_code, areaCode: r.area_code, createdBy: r.created_by, createdAt: r.created_at });
const toTour = (r: R<'asst_tour'>): Tour => ({ id: num(r.id), teamId: num(r.team_id), startDate: r.start_date, endDate: r.end_date, note: r.note, createdBy: r.created_by, createdAt: r.created_at, updatedAt: r.updated_at });
const toStop = (r: DB['asst_tour_stop']): TourStop => ({ tourId: num(r.tour_id), countyCode: r.county_code, visits: num(r.visits), freeClinics: num(r.free_clinics), trained: num(r.trained) });
const toUnit = (r: R<'asst_unit'>): Unit => ({
  id: num(r.id), kind: r.kind as UnitKind, name: r.name, areaCode: r.area_code, facilityCode: r.facility_code, techniques: JSON.parse(r.techniques) as string[], startYear: num(r.start_year), endYear: numOrNull(r.end_year),
  status: r.status as UnitStatus, note: r.note, createdBy: r.created_by, createdAt: r.created_at, updatedAt: r.updated_at,
});
const unitRow = (u: Omit<Unit, 'id'>, seq: number) => ({
  kind: u.kind, name: u.name, area_code: u.areaCode, facility_code: u.facilityCode, techniques: JSON.stringify(u.techniques), start_year: u.startYear, end_year: u.endYear, status: u.status, note: u.note,
  created_by: u.createdBy, created_at: u.createdAt, updated_at: u.updatedAt, seq,
});
const toActivity = (r: R<'asst_activity'>): Activity => ({ id: num(r.id), unitId: num(r.unit_id), kind: r.kind as ActivityKind, day: r.day, topic: r.topic, people: num(r.people), note: r.note, createdBy: r.created_by, createdAt: r.created_at });
const activityRow = (a: Omit<Activity, 'id'>, seq: number) => ({ unit_id: a.unitId, kind: a.kind, day: a.day, topic: a.topic, people: a.people, note: a.note, created_by: a.createdBy, created_at: a.createdAt, seq });

export class CapacityRepository {
  constructor(private readonly db: Kysely<DB>) {}

  // ── teams and tours ──
  async insertTeam(t: Omit<Team, 'id'>): Promise<Team> {
    return inTransaction(this.db, async (db) => {
      const r = await db.insertInto('asst_team').values({ name: t.name, lead_code: t.leadCode, area_code: t.areaCode, created_by: t.createdBy, created_at: t.createdAt, seq: await reserveSeq(db, 1) }).returningAll().executeTakeFirstOrThrow();
      return toTeam(r as R<'asst_team'>);
    });
  }

  async team(id: number): Promise<Team | null> {
    const r = await this.db.selectFrom('asst_team').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toTeam(r as R<'asst_team'>) : null;
  }

  /** Teams led inside the prefix, or with a tour that visited a county inside it. */
  async teams(prefix: AreaPrefix): Promise<Team[]> {
    let q = this.db.selectFrom('asst_team').selectAll();
    if (prefix !== null)
      q = q.where((eb) =>
        eb.or([
          eb('area_code', 'like', like(prefix)),
          eb('id', 'in', eb.selectFrom('asst_tour as t').innerJoin('asst_tour_stop as s', 's.tour_id', 't.id').select('t.team_id').where('s.county_code', 'like', like(prefix))),
        ]),
      );
    return (await q.orderBy('id').execute()).map((r) => toTeam(r as R<'asst_team'>));
  }

  async insertTour(t: Omit<Tour, 'id'>, stops: Omit<TourStop, 'tourId'>[]): Promise<Tour> {
    return inTransaction(this.db, async (db) => {
      let seq = await reserveSeq(db, 1 + stops.length);
      const r = await db
        .insertInto('asst_tour')
        .values({ team_id: t.teamId, start_date: t.startDate, end_date: t.endDate, note: t.note, created_by: t.createdBy, created_at: t.createdAt, updated_at: t.updatedAt, seq: seq++ })
        .returningAll()
        .executeTakeFirstOrThrow();
      const tour = toTour(r as R<'asst_tour'>);
      if (stops.length) await db.insertInto('asst_tour_stop').values(stops.map((s) => ({ tour_id: tour.id, county_code: s.countyCode, visits: s.visits, free_clinics: s.freeClinics, trained: s.trained, seq: seq++ }))).execute();
      return tour;
    });
  }

  /** Changes a tour and replaces its stops. */
  async updateTour(id: number, t: Pick<Tour, 'startDate' | 'endDate' | 'note' | 'updatedAt'>, stops: Omit<TourStop, 'tourId'>[]): Promise<void> {
    await inTransaction(this.db, async (db) => {
      let seq = await reserveSeq(db, 1 + stops.length);
      await db.updateTable('asst_tour').set({ start_date: t.startDate, end_date: t.endDate, note: t.note, updated_at: t.updatedAt, seq: seq++ }).where('id', '=', id).execute();
      await db.deleteFrom('asst_tour_stop').where('tour_id', '=', id).execute();
      if (stops.length) await db.insertInto('asst_tour_stop').values(stops.map((s) => ({ tour_id: id, county_code: s.countyCode, visits: s.visits, free_clinics: s.freeClinics, trained: s.trained, seq: seq++ }))).execute();
    });
  }

  async tour(id: number): Promise<Tour | null> {
    const r = await this.db.selectFrom('asst_tour').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toTour(r as R<'asst_tour'>) : null;
  }

  /** Tours of teams led inside the prefix, or visiting a county inside it; optionally one team's, or those visiting one county. */
  async tours(prefix: AreaPrefix, f: { teamId?: number; county?: string } = {}): Promise<Tour[]> {
    let q = this.db.selectFrom('asst_tour').selectAll('asst_tour');
    if (prefix !== null)
      q = q.where((eb) =>
        eb.or([
          eb('asst_tour.team_id', 'in', eb.selectFrom('asst_team').select('id').where('area_code', 'like', like(prefix))),
          eb('asst_tour.id', 'in', eb.selectFrom('asst_tour_stop').select('tour_id').where('county_code', 'like', like(prefix))),
        ]),
      );
    if (f.teamId !== undefined) q = q.where('asst_tour.team_id', '=', f.teamId);
    if (f.county) q = q.where((eb) => eb('asst_tour.id', 'in', eb.selectFrom('asst_tour_stop').select('tour_id').where('county_code', '=', f.county!)));
    return (await q.orderBy('asst_tour.start_date', 'desc').orderBy('asst_tour.id').execute()).map((r) => toTour(r as R<'asst_tour'>));
  }

  async stopsOf(tourIds: number[]): Promise<TourStop[]> {
    const out: TourStop[] = [];
    for (const part of chunks(tourIds, 900)) if (part.length) out.push(...(await this.db.selectFrom('asst_tour_stop').selectAll().where('tour_id', 'in', part).orderBy('tour_id').orderBy('county_code').execute()).map(toStop));
    return out;
  }

  // ── units and activities ──
  async insertUnit(u: Omit<Unit, 'id'>): Promise<Unit> {
    return inTransaction(this.db, async (db) => {
      const r = await db.insertInto('asst_unit').values(unitRow(u, await reserveSeq(db, 1))).returningAll().executeTakeFirstOrThrow();
      return toUnit(r as R<'asst_unit'>);
    });
  }

  /** Many at once (the demo), returning them with their ids in order. */
  async insertUnits(list: Omit<Unit, 'id'>[]): Promise<Unit[]> {
    if (!list.length) return [];
    return inTransaction(this.db, async (db) => {
      let seq = await reserveSeq(db, list.length);
      const out: Unit[] = [];
      for (const part of chunks(list, chunkSize(14))) out.push(...(await db.insertInto('asst_unit').values(part.map((u) => unitRow(u, seq++))).returningAll().execute()).sort((a, b) => Number(a.seq) - Number(b.seq)).map((r) => toUnit(r as R<'asst_unit'>)));
      return out;
    });
  }

  async updateUnit(id: number, u: Pick<Unit, 'name' | 'facilityCode' | 'techniques' | 'startYear' | 'endYear' | 'status' | 'note' | 'updatedAt'>): Promise<void> {
    await inTransaction(this.db, async (db) => {
      await db
        .updateTable('asst_unit')
        .set({ name: u.name, facility_code: u.facilityCode, techniques: JSON.stringify(u.techniques), start_year: u.startYear, end_year: u.endYear, status: u.status, note: u.note, updated_at: u.updatedAt, seq: await reserveSeq(db, 1) })
        .where('id', '=', id)
        .execute();
    });
  }

  async unit(id: number): Promise<Unit | null> {
    const r = await this.db.selectFrom('asst_unit').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toUnit(r as R<'asst_unit'>) : null;
  }

  /** Units inside the prefix, with the filter, paged. */
  async units(prefix: AreaPrefix, f: UnitFilter, page: { offset: number; limit: number }): Promise<{ items: Unit[]; total: number }> {
    let q = this.db.selectFrom('asst_unit');
    if (prefix !== null) q = q.where('area_code', 'like', like(prefix));
    if (f.area) q = q.where('area_code', 'like', like(f.area));
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.text) q = q.where(containsText(['name'], f.text));
    const [rows, count] = await Promise.all([
      q.selectAll().orderBy('kind').orderBy('area_code').orderBy('id').offset(page.offset).limit(page.limit).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map((r) => toUnit(r as R<'asst_unit'>)), total: Number(count.n) };
  }

  /** How many units of each kind lie inside the prefix. */
  async unitCounts(prefix: AreaPrefix): Promise<{ kind: UnitKind; n: number }[]> {
    let q = this.db.selectFrom('asst_unit').select(['kind', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('kind');
    if (prefix !== null) q = q.where('area_code', 'like', like(prefix));
    return (await q.execute()).map((r) => ({ kind: r.kind as UnitKind, n: Number(r.n) }));
  }

  async insertActivity(a: Omit<Activity, 'id'>): Promise<Activity> {
    return inTransaction(this.db, async (db) => {
      const r = await db.insertInto('asst_activity').values(activityRow(a, await reserveSeq(db, 1))).returningAll().executeTakeFirstOrThrow();
      return toActivity(r as R<'asst_activity'>);
    });
  }

  async insertActivities(list: Omit<Activity, 'id'>[]): Promise<void> {
    if (!list.length) return;
    await inTransaction(this.db, async (db) => {
      let seq = await reserveSeq(db, list.length);
      for (const part of chunks(list, chunkSize(9))) await db.insertInto('asst_activity').values(part.map((a) => activityRow(a, seq++))).execute();
    });
  }

  async activity(id: number): Promise<Activity | null> {
    const r = await this.db.selectFrom('asst_activity').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toActivity(r as R<'asst_activity'>) : null;
  }

  /** Deletes an activity; its unit takes a new change sequence, so the fact source's version moves on even when the deleted row held the highest. */
  async deleteActivity(id: number): Promise<void> {
    await inTransaction(this.db, async (db) => {
      const a = await db.selectFrom('asst_activity').select('unit_id').where('id', '=', id).executeTakeFirst();
      if (!a) return;
      await db.deleteFrom('asst_activity').where('id', '=', id).execute();
      await db.updateTable('asst_unit').set({ seq: await reserveSeq(db, 1) }).where('id', '=', Number(a.unit_id)).execute();
    });
  }

  async activitiesOf(unitIds: number[]): Promise<Activity[]> {
    const out: Activity[] = [];
    for (const part of chunks(unitIds, 900))
      if (part.length) out.push(...(await this.db.selectFrom('asst_activity').selectAll().where('unit_id', 'in', part).orderBy('day', 'desc').orderBy('id').execute()).map((r) => toActivity(r as R<'asst_activity'>)));
    return out;
  }

  /** Every 适宜技术推广基地 with the years it held a training: the fact source's input. */
  async baseFactInput(): Promise<{ id: number; name: string; areaCode: string; startYear: number; endYear: number | null; status: UnitStatus; trainingYears: number[] }[]> {
    const bases = (await this.db.selectFrom('asst_unit').selectAll().where('kind', '=', 'TECH_BASE').orderBy('id').execute()).map((r) => toUnit(r as R<'asst_unit'>));
    const days = await this.db
      .selectFrom('asst_activity as a')
      .innerJoin('asst_unit as u', 'u.id', 'a.unit_id')
      .select(['a.unit_id', 'a.day'])
      .where('u.kind', '=', 'TECH_BASE')
      .where('a.kind', '=', 'TRAINING')
      .execute();
    const years = new Map<number, Set<number>>();
    for (const d of days) {
      const id = Number(d.unit_id);
      if (!years.has(id)) years.set(id, new Set());
      years.get(id)!.add(Number(d.day.slice(0, 4)));
    }
    return bases.map((b) => ({ id: b.id, name: b.name, areaCode: b.areaCode, startYear: b.startYear, endYear: b.endYear, status: b.status, trainingYears: [...(years.get(b.id) ?? [])] }));
  }
}
