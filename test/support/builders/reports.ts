/** Typed builder for reports. */
import type { ReportStatus } from '../../../src/domain/approval.js';
import type { Facility } from '../../../src/domain/facility.js';
import { requiredElements, type DataValues } from '../../../src/domain/program.js';
import type { Report } from '../../../src/server/modules/data-entry/report.repository.js';
import type { TestContext } from '../test-context.js';

export interface TestReport {
  facility: Facility;
  period: string;
  /** Type-checked against the elements that apply to the facility (an unknown or inapplicable one throws). Default: 5 physicians, 100 visits. */
  values?: Record<string, unknown>;
  /** Default SUBMITTED. */
  status?: ReportStatus;
  /** For an APPROVED report, the level that approved it last (3 county … 0 nation); default 3. */
  approvalLevel?: number;
  /** For a RETURNED report; default 请核实. */
  returnReason?: string;
  dataSet?: string;
  /** Who last changed it (and approved it, when approved); default `test`. */
  by?: string;
}

export const DEFAULT_VALUES = { physicians: 5, visits: 100 };

/**
 * Stores a report in the given workflow state directly through the repository (no scope, no
 * rules, no audit record: it is test set-up, and a state such as "approved by the city" cannot
 * be reached in one service call). Values are type-checked as the report service does.
 */
export async function createTestReport(ctx: TestContext, r: TestReport): Promise<Report> {
  const dataSet = r.dataSet ?? 'GTCM_ANNUAL';
  const status = r.status ?? 'SUBMITTED';
  const at = ctx.clock.now().toISOString();
  const by = r.by ?? 'test';
  const row = { ...r.facility, createdAt: at, updatedAt: at };
  const values: DataValues = ctx.services.reports.cleanValues(ctx.metadata.dataSet(dataSet), row, r.values ?? DEFAULT_VALUES);
  const approved = status === 'APPROVED';
  const report: Report = {
    dataSet,
    period: r.period,
    facilityCode: r.facility.code,
    values,
    status,
    approvalLevel: approved ? (r.approvalLevel ?? 3) : null,
    submittedAt: status === 'DRAFT' ? null : at,
    comment: null,
    returnReason: status === 'RETURNED' ? (r.returnReason ?? '请核实') : null,
    approvedAt: approved ? at : null,
    approvedBy: approved ? by : null,
    createdAt: at,
    updatedAt: at,
    updatedBy: by,
  };
  await ctx.store.repos.reports.upsert(report);
  return report;
}

/** Plausible values for every element a form requires (they pass the data set's rules), by element. */
const REQUIRED_DEFAULTS: Record<string, unknown> = {
  has_tcm_hall: true,
  has_tcm_pavilion: true,
  provides_tcm: true,
  physicians: 5,
  tcm_physicians: 1,
  visits: 100,
  tcm_visits: 20,
};

/**
 * Values that fill every required element of the facility type's form (the metadata's
 * `required`), with the test's own values on top — for tests whose subject is not completeness.
 */
export function completeValues(ctx: TestContext, type: Facility['type'], own: Record<string, unknown> = {}, dataSet?: string): Record<string, unknown> {
  const required = requiredElements(ctx.metadata.dataSet(dataSet), type);
  const missing = required.filter((code) => !(code in REQUIRED_DEFAULTS));
  if (missing.length) throw new Error(`completeValues: no default for ${missing.join(', ')}`);
  return { ...Object.fromEntries(required.map((code) => [code, REQUIRED_DEFAULTS[code]])), ...own };
}
