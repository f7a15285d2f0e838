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
import type { Assignment, Expert } from './expert.repository.js';

export interface NewExpert {
  name: string;
  provinceCode: string;
  specialty: string;
  contact?: string | null;
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
    return this.store.transaction(async (repos) => {
      const x = await repos.experts.insert({ name: e.name.trim(), provinceCode: e.provinceCode, specialty: e.specialty.trim(), contact: e.contact?.trim() || null, createdAt: this.clock.now().toISOString() });
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

  /** Assigns an expert to an application at the national review: never one of the unit's own province, nor one with a declared conflict. */
  async assign(actor: Actor, applicationId: number, expertId: number): Promise<Assignment[]> {
    this.requireNation(actor);
    const app = await this.store.repos.evaluation.application(applicationId);
    if (!app) throw new AppError('E7004', { field: 'id', value: applicationId });
    if (app.stage !== 'NATIONAL') throw new AppError('E7006', { field: 'stage', stage: app.stage });
    const x = await this.expert(expertId);
    const province = app.subjectCode.slice(0, 2);
    if (x.provinceCode === province) throw new AppError('E7018', { field: 'expertId', value: expertId, expert: x.name, subject: app.subjectName });
    const conflict = await this.store.repos.experts.conflict(expertId, app.subjectCode);
    if (conflict) throw new AppError('E7019', { field: 'expertId', value: expertId, expert: x.name, subject: app.subjectName, note: conflict.note });
    await this.store.transaction(async (repos) => {
      await repos.experts.assign(applicationId, expertId, actor.username, this.clock.now().toISOString());
      await this.audit.record(repos, actor, { action: 'update', entity: 'eval_application', entityKey: String(applicationId), areaCode: app.subjectCode, after: { assigned: { id: x.id, name: x.name } } });
    });
    return this.store.repos.experts.assignments(applicationId);
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
