/**
 * Review experts (评审专家): the nation keeps the pool (name, province, specialty, contact) and
 * assigns experts to applications at the national review. An expert never reviews a unit of their
 * own province, nor one they declared a conflict with; both are refused with a clear error.
 */
import { AppError } from '../../../domain/errors.js';
import { levelOfCode, NATION_CODE } from '../../../domain/org-unit.js';
import { requireRole, type Actor } from '../../platform/access/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { Store } from '../../platform/db/store.js';
import type { Application } from './evaluation.repository.js';
import type { Assignment, Expert } from './expert.repository.js';

export interface NewExpert {
  name: string;
  provinceCode: string;
  specialty: string;
  contact?: string | null;
  /** The review group (评审组) the expert sits in. */
  group?: string | null;
  /** An existing platform user who is this expert (fills on-site checklists of the applications assigned to them). */
  username?: string | null;
}

export class ExpertService {
  constructor(
    private readonly store: Store,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The nation's admins keep the pool: it holds people's contacts. */
  private requireNation(actor: Actor): void {
    requireRole(actor, ['SYSTEM_ADMIN', 'AREA_ADMIN']);
    if (actor.scope.kind !== 'nation') throw new AppError('E2102', { field: 'expert' });
  }

  async add(actor: Actor, e: NewExpert): Promise<Expert> {
    this.requireNation(actor);
    if (levelOfCode(e.provinceCode) !== 1 || !(await this.store.repos.divisions.get(e.provinceCode))) throw new AppError('E1101', { field: 'provinceCode', value: e.provinceCode });
    if (!e.name.trim() || !e.specialty.trim()) throw new AppError('E7012', { field: e.name.trim() ? 'specialty' : 'name' });
    const username = e.username?.trim() || null;
    if (username && !(await this.store.repos.users.byUsername(username))) throw new AppError('E1103', { field: 'username', value: username });
    if (username && (await this.store.repos.experts.byUsername(username))) throw new AppError('E7025', { field: 'username', value: username });
    return this.store.transaction(async (repos) => {
      const x = await repos.experts.insert({
        name: e.name.trim(), provinceCode: e.provinceCode, specialty: e.specialty.trim(), contact: e.contact?.trim() || null, createdAt: this.clock.now().toISOString(), group: e.group?.trim() || null, username,
      });
      await this.audit.record(repos, actor, { action: 'create', entity: 'eval_expert', entityKey: String(x.id), areaCode: NATION_CODE, after: x });
      return x;
    });
  }

  async list(actor: Actor): Promise<Expert[]> {
    this.requireNation(actor);
    return this.store.repos.experts.list();
  }

  private async expert(id: number): Promise<Expert> {
    const x = await this.store.repos.experts.get(id);
    if (!x) throw new AppError('E7020', { field: 'expertId', value: id });
    return x;
  }

  /** An expert may review the application: it is at the national review, not of the expert's province, no conflict declared. */
  private async check(app: Application, x: Expert): Promise<void> {
    if (app.stage !== 'NATIONAL') throw new AppError('E7006', { field: 'stage', stage: app.stage });
    if (x.provinceCode === app.subjectCode.slice(0, 2)) throw new AppError('E7018', { field: 'expertId', value: x.id, expert: x.name, subject: app.subjectName });
    const conflict = await this.store.repos.experts.conflict(x.id, app.subjectCode);
    if (conflict) throw new AppError('E7019', { field: 'expertId', value: x.id, expert: x.name, subject: app.subjectName, note: conflict.note });
  }

  /** Assigns an expert to an application at the national review: never one of the unit's own province, nor one with a declared conflict. */
  async assign(actor: Actor, applicationId: number, expertId: number): Promise<Assignment[]> {
    this.requireNation(actor);
    const app = await this.store.repos.evaluation.application(applicationId);
    if (!app) throw new AppError('E7004', { field: 'id', value: applicationId });
    const x = await this.expert(expertId);
    await this.check(app, x);
    await this.store.transaction(async (repos) => {
      await repos.experts.assign(applicationId, expertId, actor.username, this.clock.now().toISOString());
      await this.audit.record(repos, actor, { action: 'update', entity: 'eval_application', entityKey: String(applicationId), areaCode: app.subjectCode, after: { assigned: { id: x.id, name: x.name } } });
    });
    return this.store.repos.experts.assignments(applicationId);
  }

  /**
   * Assigns a whole review group: every member, each under the same rules — the first member of
   * the unit's own province, or with a declared conflict, refuses the whole group (nothing assigned).
   */
  async assignGroup(actor: Actor, applicationId: number, group: string): Promise<Assignment[]> {
    this.requireNation(actor);
    const members = await this.store.repos.experts.inGroup(group.trim());
    if (!members.length) throw new AppError('E7020', { field: 'group', value: group });
    const app = await this.store.repos.evaluation.application(applicationId);
    if (!app) throw new AppError('E7004', { field: 'id', value: applicationId });
    for (const x of members) await this.check(app, x);
    await this.store.transaction(async (repos) => {
      const at = this.clock.now().toISOString();
      for (const x of members) await repos.experts.assign(applicationId, x.id, actor.username, at);
      await this.audit.record(repos, actor, { action: 'update', entity: 'eval_application', entityKey: String(applicationId), areaCode: app.subjectCode, after: { group, assigned: members.map((x) => ({ id: x.id, name: x.name })) } });
    });
    return this.store.repos.experts.assignments(applicationId);
  }

  /** The expert the user is, if any (an expert user fills the checklists of what they are assigned). */
  async expertOf(actor: Actor): Promise<Expert | null> {
    return this.store.repos.experts.byUsername(actor.username);
  }

  /** An expert's declared conflict with a unit (kinship, former post, …): they are not assigned to it. */
  async declareConflict(actor: Actor, expertId: number, subjectCode: string, note: string): Promise<void> {
    this.requireNation(actor);
    await this.expert(expertId);
    if (!note?.trim()) throw new AppError('E7012', { field: 'note' });
    await this.store.transaction(async (repos) => {
      await repos.experts.declareConflict(expertId, subjectCode, note.trim(), this.clock.now().toISOString());
      await this.audit.record(repos, actor, { action: 'update', entity: 'eval_expert', entityKey: String(expertId), areaCode: subjectCode, after: { conflict: subjectCode, note: note.trim() } });
    });
  }
}
