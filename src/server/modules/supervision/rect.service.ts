/**
 * Rectification lists (整改清单, 清单化管理): items from a gap list (areas or facilities short of an
 * indicator's target, one item each, owned by the area's administrators), from evaluation review
 * findings, and from supervision visits (督导检查). 销号: the owner submits completion with
 * evidence → the issuing level verifies → closed, or reopened. An item tied to an indicator is not
 * closed while the live value still misses the threshold: the refusal says the value now.
 */
import { AppError } from '../../../domain/errors.js';
import { targetStatus } from '../../../domain/indicator.js';
import { ancestorCodes, levelOfCode } from '../../../domain/org-unit.js';
import { isoDay, daysBetween, type Light } from '../../../domain/supervision/lights.js';
import { SYSTEM_ACTOR, type Actor } from '../../platform/access/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { Repositories, Store } from '../../platform/db/store.js';
import type { NotificationService } from '../../platform/notifications/notification.service.js';
import type { MetadataService } from '../../platform/program/metadata.service.js';
import type { AnalyticsService, LevelName } from '../indicators/analytics.service.js';
import { readAttachment, storeAttachment } from './attachments.js';
import { areaNames, areaWithin, isAdmin, ownArea, prefixOf } from './supervision-access.js';
import type { ProgressFile, Rect, RectSource, RectState, SupEvent, Visit } from './supervision.repository.js';

export interface GapQuery {
  indicator: string;
  period: string;
  area?: string;
  /** Areas of this level short of the target; or `facilities`: the facilities that fall short. */
  level?: Exclude<LevelName, 'nation'> | 'facilities';
}

export interface GapCandidate {
  areaCode: string;
  facilityCode: string | null;
  name: string;
  value: number | null;
  target: number | null;
}

export interface RectView extends Rect {
  areaName: string;
  issuerName: string;
  light: Light;
  indicatorName: string | null;
}

export interface LiveCheck {
  value: number | null;
  met: boolean | null;
  /** How it reads: 78.5% / 是 / 否 / 无数据. */
  text: string;
}

export interface NewRect {
  areaCode: string;
  problem: string;
  requirement: string;
  deadline: string;
  indicator?: string | null;
  threshold?: number | null;
  period?: string | null;
  source?: Extract<RectSource, 'evaluation' | 'manual'>;
  sourceRef?: string | null;
}

export function rectLight(r: Pick<Rect, 'state' | 'deadline'>, today: string): Light {
  if (r.state === 'closed') return 'done';
  const d = daysBetween(today, r.deadline);
  if (d < 0) return 'red';
  if (r.state === 'open' && d <= 7) return 'blue';
  return 'green';
}

const pct = (v: number | null) => (v === null ? '无数据' : `${(v * 100).toFixed(1)}%`);

export class RectService {
  constructor(
    private readonly store: Store,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly notifications: NotificationService,
    private readonly analytics: AnalyticsService,
    private readonly metadata: MetadataService,
    /** limits.evidenceBytes: the largest attachment. */
    private readonly attachmentBytes = 20 * 1024 * 1024,
  ) {}

  private today = () => isoDay(this.clock.now());
  private link = (id: number) => `/supervision/rect/${id}`;

  private requireIssuerLevel(actor: Actor): string {
    if (!isAdmin(actor)) throw new AppError('E2101', { role: actor.role });
    return ownArea(actor);
  }

  private checkDeadline(d: string): void {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(d))) throw new AppError('E8009', { field: 'deadline', rule: '日期格式为 YYYY-MM-DD' });
  }

  /** The areas (or facilities) inside the reader's scope that fall short of the indicator's target: the gap list, for choosing. */
  async gapCandidates(actor: Actor, q: GapQuery): Promise<{ target: number | null; items: GapCandidate[] }> {
    const ind = this.metadata.indicator(q.indicator);
    if (q.level === 'facilities') {
      const r = await this.analytics.gaps(actor, q.indicator, q.period, q.area, 1, 500);
      return { target: r.target, items: r.items.map((i) => ({ areaCode: ancestorCodes(i.divisionCode)[3] ?? i.divisionCode, facilityCode: i.code, name: `${i.countyName ?? ''}${i.townshipName ?? ''} ${i.name}`.trim(), value: i.value, target: r.target })) };
    }
    const rows = await this.analytics.values(actor, { indicators: [q.indicator], periods: [q.period], area: q.area, level: q.level ?? 'county' });
    return { target: ind.targets[0]?.threshold ?? null, items: rows.filter((r) => r.met === false).map((r) => ({ areaCode: r.areaCode, facilityCode: null, name: r.areaName, value: r.value, target: r.target })) };
  }

  /** One item for each chosen area or facility of the gap list, the indicator attached; refuses a code that is not short of the target. */
  async fromGaps(actor: Actor, q: GapQuery, choose: { codes: string[]; deadline: string; requirement?: string }): Promise<RectView[]> {
    const issuerArea = this.requireIssuerLevel(actor);
    this.checkDeadline(choose.deadline);
    const ind = this.metadata.indicator(q.indicator);
    const { target, items } = await this.gapCandidates(actor, q);
    const byCode = new Map(items.map((i) => [i.facilityCode ?? i.areaCode, i]));
    const picked = (choose.codes.length ? choose.codes : [...byCode.keys()]).map((c) => byCode.get(c) ?? (() => { throw new AppError('E1000', { field: 'codes', value: c }, { zh: `${c} 不在未达标名单中`, en: `${c} is not in the gap list` }); })());
    const at = this.clock.now().toISOString();
    const made = await this.store.transaction(async (repos) => {
      const rects = await repos.supervision.insertRects(
        picked.map((i) => ({
          source: 'gap', sourceRef: `${q.indicator}/${q.period}`, areaCode: i.areaCode, facilityCode: i.facilityCode, subjectName: i.name,
          problem: `${ind.name.zh} ${q.period} 年为 ${pct(i.value)}，未达到目标 ${pct(target)}`, requirement: choose.requirement?.trim() || `${ind.name.zh}达到 ${pct(target)} 以上`,
          issuerArea, issuedBy: actor.username, deadline: choose.deadline, indicator: q.indicator, threshold: target, period: q.period, state: 'open', completion: null, files: [],
          submittedBy: null, submittedAt: null, verifiedBy: null, closedAt: null, createdAt: at, updatedAt: at,
        })),
      );
      await this.afterCreate(repos, actor, rects);
      return rects;
    });
    return this.views(this.store.repos, made);
  }

  /** An item from an evaluation review finding, or written by hand. */
  async create(actor: Actor, n: NewRect): Promise<RectView> {
    const issuerArea = this.requireIssuerLevel(actor);
    this.checkDeadline(n.deadline);
    if (!levelOfCode(n.areaCode) || !areaWithin(actor.scope, n.areaCode)) throw new AppError('E2102', { field: 'areaCode', value: n.areaCode });
    if (!n.problem.trim()) throw new AppError('E8017', { field: '问题' });
    if (n.indicator) this.metadata.indicator(n.indicator);
    const name = (await areaNames(this.store.repos, [n.areaCode])).get(n.areaCode) ?? n.areaCode;
    const at = this.clock.now().toISOString();
    const [made] = await this.store.transaction(async (repos) => {
      const rects = await repos.supervision.insertRects([
        {
          source: n.source ?? 'manual', sourceRef: n.sourceRef ?? null, areaCode: n.areaCode, facilityCode: null, subjectName: name, problem: n.problem.trim(), requirement: n.requirement.trim(), issuerArea, issuedBy: actor.username,
          deadline: n.deadline, indicator: n.indicator ?? null, threshold: n.indicator ? (n.threshold ?? this.metadata.indicator(n.indicator).targets[0]?.threshold ?? null) : null, period: n.indicator ? (n.period ?? null) : null,
          state: 'open', completion: null, files: [], submittedBy: null, submittedAt: null, verifiedBy: null, closedAt: null, createdAt: at, updatedAt: at,
        },
      ]);
      await this.afterCreate(repos, actor, rects);
      return rects;
    });
    return (await this.views(this.store.repos, [made!]))[0]!;
  }

  /** 督导检查: a visit to an area with its findings, each an item. */
  async visit(actor: Actor, v: { areaCode: string; visitDate: string; team: string; summary: string; findings: { problem: string; requirement: string; deadline: string; areaCode?: string }[] }): Promise<{ visit: Visit; items: RectView[] }> {
    const issuerArea = this.requireIssuerLevel(actor);
    if (!levelOfCode(v.areaCode) || !areaWithin(actor.scope, v.areaCode)) throw new AppError('E2102', { field: 'areaCode', value: v.areaCode });
    this.checkDeadline(v.visitDate);
    for (const f of v.findings) {
      this.checkDeadline(f.deadline);
      if (f.areaCode && (!levelOfCode(f.areaCode) || !areaWithin(actor.scope, f.areaCode))) throw new AppError('E2102', { field: 'findings.areaCode', value: f.areaCode });
    }
    const names = await areaNames(this.store.repos, [v.areaCode, ...v.findings.flatMap((f) => (f.areaCode ? [f.areaCode] : []))]);
    const at = this.clock.now().toISOString();
    const out = await this.store.transaction(async (repos) => {
      const visit = await repos.supervision.insertVisit({ areaCode: v.areaCode, visitDate: v.visitDate, team: v.team.trim(), summary: v.summary.trim(), issuerArea, createdBy: actor.username, createdAt: at });
      const rects = await repos.supervision.insertRects(
        v.findings.map((f) => ({
          source: 'visit', sourceRef: String(visit.id), areaCode: f.areaCode ?? v.areaCode, facilityCode: null, subjectName: names.get(f.areaCode ?? v.areaCode) ?? v.areaCode, problem: f.problem.trim(), requirement: f.requirement.trim(),
          issuerArea, issuedBy: actor.username, deadline: f.deadline, indicator: null, threshold: null, period: null, state: 'open', completion: null, files: [], submittedBy: null, submittedAt: null, verifiedBy: null, closedAt: null, createdAt: at, updatedAt: at,
        })),
      );
      await this.audit.record(repos, actor, { action: 'create', entity: 'sup_visit', entityKey: String(visit.id), areaCode: v.areaCode, after: { visit, findings: rects.length } });
      await this.afterCreate(repos, actor, rects);
      return { visit, rects };
    });
    return { visit: out.visit, items: await this.views(this.store.repos, out.rects) };
  }

  private async afterCreate(repos: Repositories, actor: Actor, rects: Rect[]): Promise<void> {
    await this.audit.recordMany(repos, actor, rects.map((r) => ({ action: 'create', entity: 'sup_rect', entityKey: String(r.id), areaCode: r.areaCode, after: { problem: r.problem, deadline: r.deadline, indicator: r.indicator } })));
    for (const r of rects) await this.notifications.notifyArea(repos, r.areaCode, { kind: 'rect_assigned', title: `整改事项：${r.subjectName}`, body: `${r.problem}；整改时限 ${r.deadline}`, link: this.link(r.id) }, actor.username);
  }

  async views(repos: Repositories, rects: Rect[]): Promise<RectView[]> {
    const names = await areaNames(repos, rects.flatMap((r) => [r.areaCode, r.issuerArea]));
    const today = this.today();
    return rects.map((r) => ({ ...r, areaName: names.get(r.areaCode) ?? r.areaCode, issuerName: names.get(r.issuerArea) ?? r.issuerArea, light: rectLight(r, today), indicatorName: r.indicator ? this.metadata.indicator(r.indicator).name.zh : null }));
  }

  async list(actor: Actor, f: { states?: RectState[]; source?: RectSource } = {}): Promise<RectView[]> {
    return this.views(this.store.repos, await this.store.repos.supervision.rects(prefixOf(actor), f));
  }

  async readable(actor: Actor, id: number): Promise<Rect> {
    const r = await this.store.repos.supervision.rect(id);
    if (!r || actor.scope.kind === 'facility' || (!areaWithin(actor.scope, r.areaCode) && !areaWithin(actor.scope, r.issuerArea))) throw new AppError('E8013', { field: 'id', value: id });
    return r;
  }

  async detail(actor: Actor, id: number): Promise<RectView & { events: SupEvent[]; live: LiveCheck | null }> {
    const r = await this.readable(actor, id);
    const [view] = await this.views(this.store.repos, [r]);
    return { ...view!, events: await this.store.repos.supervision.events({ rectId: id }), live: await this.live(r) };
  }

  /** The indicator's value now, for the item's area (or whether its facility still falls short). */
  async live(r: Rect): Promise<LiveCheck | null> {
    if (!r.indicator || !r.period) return null;
    const ind = this.metadata.indicator(r.indicator);
    if (r.facilityCode) {
      const fac = await this.store.repos.facilities.get(r.facilityCode);
      const township = fac ? (ancestorCodes(fac.divisionCode)[4] ?? fac.divisionCode) : r.areaCode;
      const g = await this.analytics.gaps(SYSTEM_ACTOR, r.indicator, r.period, township, 1, 500);
      const still = g.items.find((i) => i.code === r.facilityCode);
      return { value: still?.value ?? null, met: !still, text: still ? (g.valueKind === 'boolean' ? '否（仍未达标）' : pct(still.value)) : '已达标' };
    }
    const [row] = await this.analytics.values(SYSTEM_ACTOR, { indicators: [r.indicator], periods: [r.period], area: r.areaCode });
    const value = row?.value ?? null;
    const t = ind.targets[0];
    const met = value === null || r.threshold === null ? null : targetStatus({ ...ind, targets: [{ ...(t ?? { deadline: '', source: '', clause: { zh: '', en: '' }, comparison: '>=' }), threshold: r.threshold }] }, value).met;
    return { value, met, text: pct(value) };
  }

  private requireOwner(actor: Actor, r: Rect): void {
    if (!isAdmin(actor) || !areaWithin(actor.scope, r.areaCode)) throw new AppError('E8015', { field: 'id', area: r.areaCode });
  }

  private requireIssuer(actor: Actor, r: Rect, action: string): void {
    if (!isAdmin(actor) || !areaWithin(actor.scope, r.issuerArea)) throw new AppError('E8007', { field: 'id', issuer: r.issuerArea, action });
  }

  private async event(repos: Repositories, actor: Actor, r: Rect, kind: string, note: string, detail?: unknown): Promise<void> {
    await repos.supervision.insertEvent({ taskId: null, rectId: r.id, kind, note, detail, by: actor.username, at: this.clock.now().toISOString() });
  }

  /** Evidence of the rectification, by the owner while the item is open. */
  async attach(actor: Actor, id: number, filename: string | undefined, content: Buffer): Promise<ProgressFile> {
    const r = await this.readable(actor, id);
    this.requireOwner(actor, r);
    if (r.state !== 'open') throw new AppError('E8008', { field: 'state', state: r.state === 'submitted' ? '待核验' : '已销号', action: '上传佐证材料' });
    const at = this.clock.now().toISOString();
    return this.store.transaction(async (repos) => {
      const file = await storeAttachment(repos, r.files, filename, content, this.attachmentBytes, at);
      await repos.supervision.updateRect(id, { files: [...r.files, file], updatedAt: at });
      await this.audit.record(repos, actor, { action: 'attach', entity: 'sup_rect', entityKey: String(id), areaCode: r.areaCode, after: file });
      return file;
    });
  }

  async file(actor: Actor, id: number, sha256: string) {
    const r = await this.readable(actor, id);
    return readAttachment(this.store.repos, r.files, sha256);
  }

  /** The owner submits completion with its evidence; the issuing level is told. */
  async submit(actor: Actor, id: number, completion: string, files: ProgressFile[] = []): Promise<RectView> {
    const r = await this.readable(actor, id);
    this.requireOwner(actor, r);
    if (r.state !== 'open') throw new AppError('E8008', { field: 'state', state: r.state === 'submitted' ? '待核验' : '已销号', action: '提交整改' });
    if (!completion.trim()) throw new AppError('E8017', { field: '整改情况' });
    const at = this.clock.now().toISOString();
    await this.store.transaction(async (repos) => {
      await repos.supervision.updateRect(id, { state: 'submitted', completion: completion.trim(), files: [...r.files, ...files], submittedBy: actor.username, submittedAt: at, updatedAt: at });
      await this.event(repos, actor, r, 'submitted', completion.trim(), { files: files.length });
      await this.audit.record(repos, actor, { action: 'submit', entity: 'sup_rect', entityKey: String(id), areaCode: r.areaCode, before: { state: r.state }, after: { state: 'submitted', completion: completion.trim() } });
      await this.notifications.notifyArea(repos, r.issuerArea, { kind: 'rect_submitted', title: `待核验销号：${r.subjectName}`, body: completion.trim(), link: this.link(id) }, actor.username);
    });
    return this.detail(actor, id);
  }

  /** The issuing level verifies: closes (only when the data show it, for an item tied to an indicator) or reopens with a note. */
  async verify(actor: Actor, id: number, accept: boolean, note: string): Promise<RectView> {
    const r = await this.readable(actor, id);
    this.requireIssuer(actor, r, accept ? '核验销号' : '退回整改');
    if (r.state !== 'submitted') throw new AppError('E8008', { field: 'state', state: r.state === 'open' ? '整改中' : '已销号', action: accept ? '核验销号' : '退回整改' });
    const live = await this.live(r);
    if (accept && live && live.met !== true) throw new AppError('E8014', { field: 'indicator', indicator: this.metadata.indicator(r.indicator!).name.zh, value: live.text, threshold: pct(r.threshold) });
    if (!accept && !note.trim()) throw new AppError('E7012', { field: 'note' });
    const at = this.clock.now().toISOString();
    await this.store.transaction(async (repos) => {
      await repos.supervision.updateRect(id, accept ? { state: 'closed', verifiedBy: actor.username, closedAt: at, updatedAt: at } : { state: 'open', updatedAt: at });
      await this.event(repos, actor, r, accept ? 'closed' : 'reopened', note.trim() || (accept ? '核验通过，销号' : '退回'), { live });
      await this.audit.record(repos, actor, { action: accept ? 'approve' : 'return', entity: 'sup_rect', entityKey: String(id), areaCode: r.areaCode, before: { state: r.state }, after: { state: accept ? 'closed' : 'open', live, note: note.trim() } });
      await this.notifications.notifyArea(repos, r.areaCode, { kind: accept ? 'rect_closed' : 'rect_reopened', title: `${accept ? '已销号' : '退回整改'}：${r.subjectName}`, body: note.trim() || (accept ? '核验通过' : ''), link: this.link(id) }, actor.username);
    });
    return this.detail(actor, id);
  }
}
