/**
 * The approval workflow: the county approves submitted reports (or returns them with a reason),
 * then the city, the province and the nation. Every step is scoped and audited.
 */
import { actorLevel, canApprove, canReturn, type ReportStatus } from '../../../domain/approval.js';
import { AppError } from '../../../domain/errors.js';
import type { FacilityFilter } from '../org-units/facility.repository.js';
import type { WorkItem } from './workflow.repository.js';
import type { Repositories, Store } from '../../platform/db/store.js';
import type { Report } from '../../../domain/data-entry/report.js';
import { ADMIN_ROLES, requireRole, type Actor } from '../../platform/access/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { FacilityService } from '../org-units/facility.service.js';
import type { ReportService } from '../data-entry/report.service.js';

export type WorkItemView = WorkItem & { divisionName: string; canApprove: boolean; canReturn: boolean };

export class ApprovalService {
  constructor(
    private readonly store: Store,
    private readonly reports: ReportService,
    private readonly facilities: FacilityService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Reports in the area; `waiting`: only those waiting for the caller's level. */
  async list(actor: Actor, query: { dataSet?: string; period: string; area?: string; status?: ReportStatus; waiting?: boolean }, page: number, pageSize: number): Promise<{ items: WorkItemView[]; total: number }> {
    const q = { ...query, dataSet: this.reports.dataSetCode(query.dataSet) };
    this.reports.dataSetAndPeriod(q.dataSet, q.period);
    const filter = this.facilities.filterFor(actor, { area: q.area });
    const r = await this.store.repos.workflow.workList(q, filter, q.status, { offset: (page - 1) * pageSize, limit: pageSize }, q.waiting ? actorLevel(actor.scope) : undefined);
    const names = new Map((await this.store.repos.divisions.getMany([...new Set(r.items.map((i) => i.divisionCode))])).map((d) => [d.code, d.name]));
    const level = actorLevel(actor.scope);
    const admin = ADMIN_ROLES.includes(actor.role);
    return {
      total: r.total,
      items: r.items.map((i) => ({ ...i, divisionName: names.get(i.divisionCode) ?? '', canApprove: admin && canApprove(i, level), canReturn: admin && canReturn(i, level) })),
    };
  }

  /** Approves the named reports at the caller's level; each must wait for exactly that level. */
  async approve(actor: Actor, dataSetCode: string | undefined, period: string, facilityCodes: string[]): Promise<number> {
    requireRole(actor, ADMIN_ROLES);
    const dataSet = this.reports.dataSetCode(dataSetCode);
    this.reports.dataSetAndPeriod(dataSet, period);
    const level = actorLevel(actor.scope);
    return this.store.transaction(async (repos) => {
      const { found, facilities } = await this.named(repos, actor, dataSet, period, facilityCodes, (r) =>
        canApprove(r, level) ? null : new AppError('E5101', { field: 'facilityCodes', value: r.facilityCode, status: r.status, approvalLevel: r.approvalLevel }),
      );
      await this.setApproved(repos.workflow, actor, dataSet, period, facilityCodes, level);
      await this.audit.recordMany(
        repos,
        actor,
        facilityCodes.map((code) => {
          const r = found.get(code)!;
          return { action: 'approve', entity: 'report', entityKey: `${dataSet}/${period}/${code}`, areaCode: facilities.get(code)!.divisionCode, before: { status: r.status, approvalLevel: r.approvalLevel }, after: { status: 'APPROVED', approvalLevel: level } };
        }),
      );
      return facilityCodes.length;
    });
  }

  /** Approves every report in the area (default: the caller's scope) that waits for the caller's level. */
  async approveAll(actor: Actor, dataSetCode: string | undefined, period: string, area?: string): Promise<number> {
    requireRole(actor, ADMIN_ROLES);
    const dataSet = this.reports.dataSetCode(dataSetCode);
    this.reports.dataSetAndPeriod(dataSet, period);
    const level = actorLevel(actor.scope);
    if (level > 3) throw new AppError('E5101', { level });
    const filter: FacilityFilter = this.facilities.filterFor(actor, { area });
    return this.store.transaction(async (repos) => {
      const codes = await repos.workflow.waitingFor({ dataSet, period }, filter, level);
      if (codes.length === 0) return 0;
      await this.setApproved(repos.workflow, actor, dataSet, period, codes, level);
      const facilities = await repos.facilities.getMany(codes);
      await this.audit.recordMany(
        repos,
        actor,
        codes.map((code) => ({
          action: 'approve' as const,
          entity: 'report',
          entityKey: `${dataSet}/${period}/${code}`,
          areaCode: facilities.get(code)?.divisionCode ?? filter.area.code,
          before: { approvalLevel: level === 3 ? null : level + 1 },
          after: { status: 'APPROVED', approvalLevel: level, bulk: true },
        })),
      );
      return codes.length;
    });
  }

  /** Returns (unlocks) the named reports with a reason; the facility may then edit and resubmit. */
  async return(actor: Actor, dataSetCode: string | undefined, period: string, facilityCodes: string[], reason: string): Promise<number> {
    requireRole(actor, ADMIN_ROLES);
    const dataSet = this.reports.dataSetCode(dataSetCode);
    this.reports.dataSetAndPeriod(dataSet, period);
    if (!reason.trim()) throw new AppError('E5103', { field: 'reason' });
    const level = actorLevel(actor.scope);
    const now = this.clock.now().toISOString();
    return this.store.transaction(async (repos) => {
      const { found, facilities } = await this.named(repos, actor, dataSet, period, facilityCodes, (r) =>
        canReturn(r, level) ? null : new AppError('E5104', { field: 'facilityCodes', value: r.facilityCode, status: r.status, approvalLevel: r.approvalLevel }),
      );
      await this.audit.recordMany(
        repos,
        actor,
        facilityCodes.map((code) => {
          const r = found.get(code)!;
          return { action: 'return', entity: 'report', entityKey: `${dataSet}/${period}/${code}`, areaCode: facilities.get(code)!.divisionCode, before: { status: r.status, approvalLevel: r.approvalLevel }, after: { status: 'RETURNED', reason: reason.trim() } };
        }),
      );
      await repos.workflow.setState({ dataSet, period }, facilityCodes, { status: 'RETURNED', approvalLevel: null, approvedAt: null, approvedBy: null, returnReason: reason.trim(), updatedAt: now, updatedBy: actor.username });
      return facilityCodes.length;
    });
  }

  /**
   * The named reports and their facilities, checked in bulk — the facilities against the
   * caller's scope in one query, the reports in another — in the order given: the first unknown
   * facility (E1102), facility outside the scope (E2102), missing report (E1105) or report in the
   * wrong state (`refuse`) stops it.
   */
  private async named(repos: Repositories, actor: Actor, dataSet: string, period: string, codes: string[], refuse: (r: Report) => AppError | null) {
    const facilities = await this.facilities.readableMany(repos, actor, codes);
    const found = await repos.reports.getMany(dataSet, period, codes);
    for (const code of codes) {
      const r = found.get(code);
      if (!r) throw new AppError('E1105', { field: 'facilityCodes', value: code });
      const refusal = refuse(r);
      if (refusal) throw refusal;
    }
    return { found, facilities };
  }

  private async setApproved(workflow: Store['repos']['workflow'], actor: Actor, dataSet: string, period: string, codes: string[], level: number): Promise<void> {
    const now = this.clock.now().toISOString();
    await workflow.setState({ dataSet, period }, codes, { status: 'APPROVED', approvalLevel: level, approvedAt: now, approvedBy: actor.username, returnReason: null, updatedAt: now, updatedBy: actor.username });
  }
}
