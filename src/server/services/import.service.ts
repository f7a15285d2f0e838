/**
 * Import of reports from CSV/XLSX in the import format. Every row is accounted for: inserted,
 * updated, unchanged, or rejected with row, column, stable code and message. Strict mode stores
 * nothing when any row is rejected; partial mode stores the valid rows. Either way the whole
 * import is one transaction, so a crash or kill midway leaves no partial import. Rows stream
 * through in batches, so a national file does not need to fit in memory.
 */
import type { Readable } from 'node:stream';
import { actorLevel, canEdit } from '../../domain/approval.js';
import { AppError, ERRORS, type ErrorCode } from '../../domain/errors.js';
import { isOpenIn } from '../../domain/facility.js';
import { mapHeaders, parseCell, type ColumnRole } from '../../domain/import-format.js';
import { parsePeriod, previousPeriod, type Period } from '../../domain/period.js';
import { elementsFor, normalizeValues, type DataSet, type DataValues } from '../../domain/program.js';
import { facilityInScope } from '../../domain/scope.js';
import { validateValues, type Violation } from '../../domain/validation.js';
import type { FacilityRow } from '../repositories/facility.repository.js';
import type { Report } from '../repositories/report.repository.js';
import { readTable, type TableFormat, type TableRow } from '../import/table-reader.js';
import { writeTemplate } from '../import/template-writer.js';
import type { FacilityService } from './facility.service.js';
import type { Repositories, Store } from '../store.js';
import { requireRole, type Actor } from './actor.js';
import type { AuditService } from './audit.service.js';
import type { Clock } from './clock.js';
import type { MetadataService } from './metadata.service.js';
import { WRITE_ROLES } from './report.service.js';

export type ImportMode = 'strict' | 'partial';

export interface ImportError {
  row: number;
  column: string | null;
  code: string;
  message: string;
  messageEn: string;
}

export interface ImportSummary {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: ImportError[];
  warnings: (ImportError & { facilityCode: string })[];
  /** False for a dry run, or a strict import that rejected rows: nothing was stored. */
  stored: boolean;
}

export interface ImportOptions {
  format: TableFormat;
  mode?: ImportMode;
  dryRun?: boolean;
  dataSet?: string;
}

const BATCH = 2000;
export const TEMPLATE_LIMIT = 20_000;

/** Thrown inside the transaction to roll it back when a strict import rejected rows or it is a dry run. */
class Rollback extends Error {}

interface ParsedRow {
  row: number;
  code: string;
  period: string;
  p: Period | null;
  values: Map<string, string>;
  unknown: { header: string; value: string }[];
}

export class ImportService {
  constructor(
    private readonly store: Store,
    private readonly metadata: MetadataService,
    private readonly facilities: FacilityService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The XLSX template for a period, pre-filled with the facilities open in it in the caller's scope (or an area in it). */
  async template(actor: Actor, dataSet: string, period: string, area?: string): Promise<Buffer> {
    const ds = this.metadata.dataSet(dataSet);
    const p = parsePeriod(period, ds.periodType);
    if (!p) throw new AppError('E1002', { field: 'period', value: period });
    const filter = { ...this.facilities.filterFor(actor, { area }), types: ds.facilityTypes, openBetween: { start: p.start, end: p.end } };
    const list: { code: string; name: string; type: FacilityRow['type'] }[] = [];
    for await (const f of this.store.repos.facilities.iterate(filter)) {
      if (list.length >= TEMPLATE_LIMIT) throw new AppError('E1000', { field: 'area' }, { zh: `模板最多 ${TEMPLATE_LIMIT} 个机构，请选择更小的区域`, en: `a template holds at most ${TEMPLATE_LIMIT} facilities: choose a smaller area` });
      list.push({ code: f.code, name: f.name, type: f.type });
    }
    return writeTemplate(ds, period, list, this.metadata.elements, this.metadata.optionSets);
  }

  async importTable(actor: Actor, input: Readable, opts: ImportOptions): Promise<ImportSummary> {
    requireRole(actor, WRITE_ROLES);
    const ds = this.metadata.dataSet(opts.dataSet ?? 'GTCM_ANNUAL');
    const mode = opts.mode ?? 'strict';
    const summary: ImportSummary = { rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, errors: [], warnings: [], stored: false };
    const rows = readTable(input, opts.format);
    const header = await rows.next();
    if (header.done) throw new AppError('E4013', { row: 1 }, { zh: '文件为空', en: 'empty file' });
    const roles = mapHeaders(header.value.cells, ds, this.metadata.elements);
    if (!roles.some((r) => r.kind === 'org_code') || !roles.some((r) => r.kind === 'period')) {
      summary.errors.push(err(1, null, 'E4012'));
      return summary;
    }
    const seen = new Set<string>();
    try {
      await this.store.transaction(async (repos) => {
        let batch: ParsedRow[] = [];
        for await (const r of rows) {
          batch.push(parseRow(r, roles, ds));
          if (batch.length >= BATCH) {
            await this.processBatch(repos, actor, ds, batch, seen, summary, mode);
            batch = [];
          }
        }
        await this.processBatch(repos, actor, ds, batch, seen, summary, mode);
        if (opts.dryRun || (mode === 'strict' && summary.rejected > 0)) throw new Rollback();
        summary.stored = true;
      });
    } catch (e) {
      if (!(e instanceof Rollback)) throw e;
    }
    if (!summary.stored) {
      // Nothing was stored: report what would have happened, not what did.
      if (!opts.dryRun) summary.inserted = summary.updated = summary.unchanged = 0;
    }
    return summary;
  }

  private async processBatch(repos: Repositories, actor: Actor, ds: DataSet, batch: ParsedRow[], seen: Set<string>, summary: ImportSummary, mode: ImportMode): Promise<void> {
    if (batch.length === 0) return;
    const facilities = await repos.facilities.getMany([...new Set(batch.map((b) => b.code))]);
    const existing = await this.reportsFor(repos, ds, batch, (p) => p.id);
    const previous = await this.reportsFor(repos, ds, batch, (p) => previousPeriod(p));
    const level = actorLevel(actor.scope);
    const now = this.clock.now().toISOString();
    const writes: { report: Report; before: Report | undefined; f: FacilityRow }[] = [];
    for (const r of batch) {
      summary.rows++;
      const errors: ImportError[] = [];
      const f = facilities.get(r.code);
      const key = `${r.code}\u0000${r.period}`;
      if (!r.p) errors.push(err(r.row, 'period', 'E4004', r.period));
      if (seen.has(key)) errors.push(err(r.row, 'org_code', 'E4010', r.code));
      seen.add(key);
      const inScope = !!f && facilityInScope(actor.scope, f);
      if (!f) errors.push(err(r.row, 'org_code', 'E4001', r.code));
      else if (!inScope) errors.push(err(r.row, 'org_code', 'E4002', r.code));
      else if (r.p && !isOpenIn(f, r.p.start, r.p.end)) errors.push(err(r.row, 'period', 'E4003', r.period));
      for (const u of r.unknown) errors.push(err(r.row, u.header, 'E4006', u.value));
      // Nothing about a facility outside the scope is looked at further, so nothing about it leaks.
      const before = inScope && r.p ? existing.get(key) : undefined;
      let values: DataValues = { ...(before?.values ?? {}) };
      if (inScope) {
        const applicable = new Set(elementsFor(ds, f!.type));
        for (const [code, text] of r.values) {
          if (text.trim() === '') continue; // an empty cell provides no value: the stored one stays
          if (!applicable.has(code)) {
            errors.push(err(r.row, code, 'E4005', text));
            continue;
          }
          const parsed = parseCell(text, this.metadata.elements.get(code)!, this.metadata.optionSets);
          if (parsed.ok) values[code] = parsed.value;
          else errors.push(err(r.row, code, parsed.code, text));
        }
        values = normalizeValues(values);
      }
      // A row that provides nothing new (all its cells empty, or equal to the stored values) changes nothing.
      const changes = inScope && (before ? !sameValues(before.values, values) : Object.keys(values).length > 0);
      if (changes && before && !canEdit(before, level)) errors.push(err(r.row, null, 'E4011', before.approvalLevel));
      if (errors.length === 0 && changes && r.p) {
        const v = validateValues(ds, values, previous.get(`${r.code}\u0000${previousPeriod(r.p)}`)?.values ?? null, this.metadata.elementNames);
        for (const x of v.errors) errors.push(violation(r.row, x, 'E4009'));
        for (const x of v.warnings) summary.warnings.push({ ...violation(r.row, x, 'W_CHANGE'), facilityCode: r.code });
      }
      if (errors.length) {
        summary.rejected++;
        summary.errors.push(...errors);
        continue;
      }
      if (!changes) {
        summary.unchanged++;
        continue;
      }
      before ? summary.updated++ : summary.inserted++;
      const keep = before?.status === 'APPROVED';
      writes.push({
        f: f!,
        before,
        report: {
          dataSet: ds.code,
          period: r.period,
          facilityCode: r.code,
          values,
          status: keep ? 'APPROVED' : 'SUBMITTED',
          approvalLevel: keep ? before!.approvalLevel : null,
          submittedAt: keep ? before!.submittedAt : now,
          comment: before?.comment ?? null,
          returnReason: null,
          approvedAt: keep ? before!.approvedAt : null,
          approvedBy: keep ? before!.approvedBy : null,
          createdAt: before?.createdAt ?? now,
          updatedAt: now,
          updatedBy: actor.username,
        },
      });
    }
    if (mode === 'strict' && summary.rejected > 0) return; // nothing will be kept: stop writing
    await repos.reports.upsertMany(writes.map((w) => w.report));
    await this.audit.recordMany(
      repos,
      actor,
      writes.map((w) => ({
        action: 'import' as const,
        entity: 'report',
        entityKey: `${ds.code}/${w.report.period}/${w.report.facilityCode}`,
        areaCode: w.f.divisionCode,
        before: w.before?.values,
        after: w.report.values,
      })),
    );
  }

  /** Reports of the batch's facilities for the row's period (or the one before it). */
  private async reportsFor(repos: Repositories, ds: DataSet, batch: ParsedRow[], which: (p: Period) => string): Promise<Map<string, Report>> {
    const byPeriod = new Map<string, Set<string>>();
    for (const r of batch) {
      if (!r.p) continue;
      const period = which(r.p);
      if (!byPeriod.has(period)) byPeriod.set(period, new Set());
      byPeriod.get(period)!.add(r.code);
    }
    const out = new Map<string, Report>();
    for (const [period, codes] of byPeriod)
      for (const [code, rep] of await repos.reports.getMany(ds.code, period, [...codes])) out.set(`${code}\u0000${period}`, rep);
    return out;
  }
}

function parseRow(r: TableRow, roles: ColumnRole[], ds: DataSet): ParsedRow {
  const out: ParsedRow = { row: r.row, code: '', period: '', p: null, values: new Map(), unknown: [] };
  roles.forEach((role, i) => {
    const cell = (r.cells[i] ?? '').trim();
    if (role.kind === 'org_code') out.code = cell;
    else if (role.kind === 'period') out.period = cell;
    else if (role.kind === 'element') out.values.set(role.code, cell);
    else if (role.kind === 'unknown' && cell !== '') out.unknown.push({ header: role.header, value: cell });
  });
  out.p = parsePeriod(out.period, ds.periodType);
  return out;
}

function err(row: number, column: string | null, code: ErrorCode, value?: unknown): ImportError {
  const def = ERRORS[code];
  const v = value === undefined || value === null || value === '' ? '' : `（${String(value)}）`;
  const ve = value === undefined || value === null || value === '' ? '' : ` (${String(value)})`;
  return { row, column, code, message: `${def.zh}${v}`, messageEn: `${def.en}${ve}` };
}

function violation(row: number, v: Violation, code: string): ImportError {
  const rule = v.severity === 'ERROR';
  return { row, column: v.elements.join(','), code, message: rule ? `${ERRORS.E4009.zh}：${v.message}` : v.message, messageEn: rule ? `${ERRORS.E4009.en}: ${v.messageEn}` : v.messageEn };
}

function sameValues(a: DataValues, b: DataValues): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}
