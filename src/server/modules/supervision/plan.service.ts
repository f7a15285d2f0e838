/**
 * Work plans (工作计划): a policy text parsed into its work points, corrected by the user (merge,
 * split, re-level, edit) while a draft, then published — each chosen item becomes a task of the
 * issuing area (lead: the area itself, its office named), to be handed down from there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../domain/errors.js';
import type { Cadence } from '../../../domain/supervision/lights.js';
import { parseWorkPoints, titleOf, type WorkPoint } from '../../../domain/supervision/workpoints.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { Store } from '../../platform/db/store.js';
import { policyText } from './policy-text.js';
import { areaWithin, isAdmin, ownArea, prefixOf } from './supervision-access.js';
import type { Plan, Task } from './supervision.repository.js';
import type { TaskService, TaskView } from './task.service.js';

export interface NewPlan {
  title: string;
  year: number;
  office?: string | null;
  /** The pasted text; or `file` (TXT/DOCX bytes). */
  text?: string;
  file?: Buffer;
  /** The items as the user fixed them; default: as parsed. */
  items?: WorkPoint[];
}

export interface PublishOptions {
  /** The items that become tasks (by path); default: every level-1 item. */
  paths?: string[];
  startDate?: string;
  dueDate?: string;
  cadence?: Cadence | null;
  leadOffice?: string | null;
}

/** Paths recomputed from the levels and numbers, so a re-levelled tree stays consistent; levels start at 1 and go down one at a time. */
export function normaliseItems(items: WorkPoint[]): WorkPoint[] {
  const stack: string[] = [];
  return items.map((i, k) => {
    const text = i.text.trim();
    const number = i.number.trim();
    if (!number) throw new AppError('E8017', { field: `第 ${k + 1} 项的编号` });
    if (!Number.isInteger(i.level) || i.level < 1 || i.level > stack.length + 1) throw new AppError('E1000', { field: `items[${k}].level`, value: i.level }, { zh: `第 ${k + 1} 项的层级 ${i.level} 不合理：应为 1 至 ${stack.length + 1}`, en: `item ${k + 1}: level ${i.level} should be 1 to ${stack.length + 1}` });
    stack.length = i.level - 1;
    stack.push(number);
    return { number, level: i.level, path: stack.join('/'), title: i.title.trim() || titleOf(text), text };
  });
}

export class PlanService {
  constructor(
    private readonly store: Store,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly tasks: TaskService,
    /** Where the programmes' policy texts live (programs/<programme>/policies/*.txt). */
    private readonly programsDir: string,
  ) {}

  /** A policy text shipped with a programme (the demo's plan is seed 001). */
  policy(programme: string, file: string): string {
    return readFileSync(join(this.programsDir, programme, 'policies', file), 'utf8');
  }

  /** Parses without storing (the web's preview; the CLI's `workpoints parse`). */
  async parse(input: { text?: string; file?: Buffer }): Promise<WorkPoint[]> {
    const text = input.file ? await policyText(input.file) : (input.text ?? '');
    return parseWorkPoints(text);
  }

  private requireIssuer(actor: Actor, areaCode: string): void {
    if (!isAdmin(actor) || !areaWithin(actor.scope, areaCode)) throw new AppError('E8007', { field: 'plan', issuer: areaCode, action: '编辑工作计划' });
  }

  async create(actor: Actor, p: NewPlan): Promise<Plan> {
    if (!isAdmin(actor)) throw new AppError('E2101', { role: actor.role });
    const areaCode = ownArea(actor);
    if (!p.title.trim()) throw new AppError('E8017', { field: '计划名称' });
    const sourceText = p.file ? await policyText(p.file) : (p.text ?? '');
    const items = normaliseItems(p.items ?? parseWorkPoints(sourceText));
    if (!items.length) throw new AppError('E8002', { field: 'text' });
    const at = this.clock.now().toISOString();
    return this.store.transaction(async (repos) => {
      const plan = await repos.supervision.insertPlan({ title: p.title.trim(), year: p.year, areaCode, office: p.office?.trim() || null, sourceText, items, status: 'draft', createdBy: actor.username, createdAt: at, publishedAt: null });
      await this.audit.record(repos, actor, { action: 'create', entity: 'sup_plan', entityKey: String(plan.id), areaCode, after: { title: plan.title, year: plan.year, items: items.length } });
      return plan;
    });
  }

  async get(actor: Actor, id: number): Promise<{ plan: Plan; tasks: TaskView[] }> {
    const plan = await this.store.repos.supervision.plan(id);
    const prefix = prefixOf(actor);
    if (!plan) throw new AppError('E8003', { field: 'id', value: id });
    const tasks = await this.store.repos.supervision.tasks(prefix, { planId: id });
    if (!areaWithin(actor.scope, plan.areaCode) && !tasks.length) throw new AppError('E8003', { field: 'id', value: id });
    return { plan, tasks: await this.tasks.views(this.store.repos, tasks) };
  }

  async list(actor: Actor): Promise<(Plan & { taskCount: number })[]> {
    const prefix = prefixOf(actor);
    const plans = await this.store.repos.supervision.plans(prefix);
    const tasks = await this.store.repos.supervision.tasks(prefix, {});
    return plans.map((p) => ({ ...p, sourceText: '', taskCount: tasks.filter((t) => t.planId === p.id).length }));
  }

  /** The draft's items as the user fixed them (merge, split, re-level, edit are done on the list). */
  async updateItems(actor: Actor, id: number, items: WorkPoint[], title?: string): Promise<Plan> {
    const plan = await this.store.repos.supervision.plan(id);
    if (!plan) throw new AppError('E8003', { field: 'id', value: id });
    this.requireIssuer(actor, plan.areaCode);
    if (plan.status !== 'draft') throw new AppError('E8004', { field: 'id' });
    const fixed = normaliseItems(items);
    if (!fixed.length) throw new AppError('E8002', { field: 'items' });
    await this.store.transaction(async (repos) => {
      await repos.supervision.updatePlan(id, { items: fixed, ...(title?.trim() && { title: title.trim() }) });
      await this.audit.record(repos, actor, { action: 'update', entity: 'sup_plan', entityKey: String(id), areaCode: plan.areaCode, before: { items: plan.items.length }, after: { items: fixed.length } });
    });
    return (await this.store.repos.supervision.plan(id))!;
  }

  /** Publishes the draft: each chosen item becomes a task led by the issuing area. */
  async publish(actor: Actor, id: number, o: PublishOptions = {}): Promise<{ plan: Plan; tasks: TaskView[] }> {
    const plan = await this.store.repos.supervision.plan(id);
    if (!plan) throw new AppError('E8003', { field: 'id', value: id });
    this.requireIssuer(actor, plan.areaCode);
    if (plan.status !== 'draft') throw new AppError('E8004', { field: 'id' });
    const chosen = o.paths?.length ? o.paths.map((p) => plan.items.find((i) => i.path === p) ?? (() => { throw new AppError('E8016', { field: 'paths', value: p }); })()) : plan.items.filter((i) => i.level === 1);
    const startDate = o.startDate ?? `${plan.year}-01-01`;
    const dueDate = o.dueDate ?? `${plan.year}-12-31`;
    if (dueDate < startDate) throw new AppError('E8009', { field: 'dueDate', rule: `截止日期 ${dueDate} 早于开始日期 ${startDate}` });
    const at = this.clock.now().toISOString();
    await this.store.transaction(async (repos) => {
      const made: Task[] = [];
      for (const i of chosen)
        made.push(
          await repos.supervision.insertTask({
            planId: id, parentId: null, path: i.path, number: i.number, title: i.title, text: i.text, issuerArea: plan.areaCode, leadArea: plan.areaCode, leadOffice: o.leadOffice ?? plan.office, coOwners: [], responsible: [],
            startDate, dueDate, state: 'not_started', percent: 0, cadence: o.cadence === undefined ? 'quarterly' : o.cadence, milestones: [], kpi: null, escalatedAt: null, doneAt: null, closedAt: null, createdAt: at, updatedAt: at,
          }),
        );
      await repos.supervision.updatePlan(id, { status: 'published', publishedAt: at });
      await this.audit.record(repos, actor, { action: 'submit', entity: 'sup_plan', entityKey: String(id), areaCode: plan.areaCode, after: { published: at, tasks: made.map((t) => t.id) } });
    });
    return this.get(actor, id);
  }
}
