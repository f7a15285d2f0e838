/**
 * Import of reports from CSV/XLSX in the import format. Every row is accounted for: inserted,
 * updated, unchanged, or rejected with row, column, stable code and message. Strict mode stores
 * nothing when any row is rejected; partial mode stores the valid rows. Either way the whole
 * import is one transaction, so a crash or kill midway leaves no partial import. Rows stream
 * through in batches, so a national file does not need to fit in memory.
 *
 * Bounded (config.limits): the file is read from disk (an upload is received whole first,
 * upload-spool.ts), an XLSX file's inflated size is checked before it is parsed (E4018), and
 * the header — readable, org_code and period present, not too many columns — before the
 * transaction opens; rows (E4015), columns (E4016) and cell length (E4017) while streaming. At
 * most `importErrors` errors and as many warnings are listed, the rest counted; echoed values
 * are cut to `echoChars`.
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { actorLevel, canEdit } from '../../../domain/approval.js';
import { AppError } from '../../../domain/errors.js';
import { isOpenIn } from '../../../domain/facility.js';
import { mapHeaders, parseCell, type ColumnRole } from '../../../domain/import-format.js';
import { chinaDay, collectingPeriod, isOpenForReporting, parsePeriod, previousPeriod, type Period } from '../../../domain/period.js';
import type { ImportSummaryView } from '../../../domain/api/import-export.js';
import { elementsFor, normalizeValues, type DataSet, type DataValues } from '../../../domain/program.js';
import { facilityInScope } from '../../../domain/scope.js';
import { validateValues } from '../../../domain/validation.js';
import { loadLimits, type Limits } from '../../platform/config.js';
import { columnLetter, IssueList, issue, located, violationIssue, type ColumnPlaces, type ImportError } from './import-issues.js';
import type { FacilityBrief, FacilityRow } from '../org-units/facility.repository.js';
import type { Report } from '../../../domain/data-entry/report.js';
import { writtenReport } from '../../../domain/data-entry/report.js';
import { readTable, type TableFormat, type TableRow } from './table-reader.js';
import { checkXlsx } from './xlsx-guard.js';
import { scanCsv, type CsvEncoding } from './csv-guard.js';
import { refuseOtherSpreadsheets } from './file-kind.js';
import { writeTemplate } from './template-writer.js';
import type { FacilityService } from '../org-units/facility.service.js';
import type { Repositories, Store } from '../../platform/db/store.js';
import { requireRole, type Actor } from '../../platform/access/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { MetadataService } from '../../platform/program/metadata.service.js';
import { WRITE_ROLES } from '../data-entry/report.service.js';

export type ImportMode = 'strict' | 'partial';
export type { ImportError } from './import-issues.js';

/** What an import did (src/domain/api/import-export.ts, the answer of POST /api/imports). */
export type ImportSummary = ImportSummaryView;

export interface ImportOptions {
  format: TableFormat;
  mode?: ImportMode;
  dryRun?: boolean;
  dataSet?: string;
  /** The bounds of config.limits (the route and the CLI pass the configured ones); default: the built-in defaults. */
  limits?: Limits;
}

const DEFAULT_LIMITS = loadLimits({});

const BATCH = 2000;
export const TEMPLATE_LIMIT = 20_000;
/** Rows written by one import after which the store's statistics are refreshed (Store.analyze). */
const ANALYZE_AFTER_ROWS = 100_000;

/** Thrown inside the transaction to roll it back when a strict import rejected rows or it is a dry run. */
class Rollback extends Error {}

interface ParsedRow {
  row: number;
  code: string;
  period: string;
  p: Period | null;
  /** The element cells, trimmed, in the order of Layout.elements. */
  cells: string[];
  unknown: { index: number; header: string; value: string }[];
}

/**
 * Where the header puts each meaning, worked out once per file: the column of org_code and of
 * period (the last one, if a header repeats them), and each element's column — in the order the
 * elements first appear, a repeated element's value taken from its last column.
 */
interface Layout {
  org: number;
  period: number;
  elements: { code: string; index: number }[];
  unknown: { index: number; header: string }[];
}

/** The running state of one import: counts, the capped lists, what was seen. */
interface Run {
  summary: ImportSummary;
  errors: IssueList<ImportError>;
  warnings: IssueList<ImportError & { facilityCode: string }>;
  /** The facility codes seen in the file so far, by period (a second row of the same report is refused). */
  seen: Map<string, Set<string>>;
  /** Per unknown column (by position): its one error and how many rows had a value in it. */
  unknown: Map<number, { error: ImportError; rows: number }>;
  echo: number;
  /** Where each meaning stands in the file (from its header). */
  places: ColumnPlaces;
  /** A dry run checks every row and writes none. */
  dryRun: boolean;
  /** The elements each facility type reports: looked up once per import. */
  applicable: Map<FacilityRow['type'], Set<string>>;
  /** The period before each period of the file (previousPeriod, worked out once per period). */
  periodsBefore: Map<string, string>;
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
  async template(actor: Actor, dataSet: string | undefined, period: string, area?: string): Promise<Buffer> {
    const ds = this.metadata.dataSet(dataSet);
    const p = parsePeriod(period, ds.periodType);
    if (!p) throw new AppError('E1002', { field: 'period', value: period });
    const filter = { ...this.facilities.filterFor(actor, { area }), types: ds.facilityTypes, openBetween: { start: p.start, end: p.end } };
    const list: { code: string; name: string; type: FacilityRow['type'] }[] = [];
    for await (const f of this.store.repos.facilities.iterate(filter)) {
      if (list.length >= TEMPLATE_LIMIT) throw new AppError('E4020', { field: 'area', limit: TEMPLATE_LIMIT });
      list.push({ code: f.code, name: f.name, type: f.type });
    }
    return writeTemplate(ds, period, list, this.metadata.elements, this.metadata.optionSets);
  }

  /** What can be refused before a byte of the file is read: the caller's role, the data set. */
  authorize(actor: Actor, opts: Pick<ImportOptions, 'dataSet'>): void {
    requireRole(actor, WRITE_ROLES);
    this.metadata.dataSet(opts.dataSet);
  }

  /** Imports a file on disk (an upload received whole, or the CLI's file): the XLSX check first, then the table. */
  async importFile(actor: Actor, path: string, opts: ImportOptions): Promise<ImportSummary> {
    this.authorize(actor, opts);
    const limits = opts.limits ?? DEFAULT_LIMITS;
    // Rows are counted before the transaction opens (cheap scans of the file on disk), so a file
    // of millions of rows is refused at once instead of holding the store while it is parsed.
    await refuseOtherSpreadsheets(path);
    const scan = opts.format === 'xlsx' ? { records: (await checkXlsx(path, limits.xlsxUncompressedBytes)).rows, encoding: 'utf-8' as const } : await scanCsv(path, limits);
    if (scan.records - 1 > limits.importRows) throw new AppError('E4015', { limit: limits.importRows });
    return this.run(actor, createReadStream(path), opts, scan.encoding);
  }

  /** Imports a CSV stream (an XLSX file goes through importFile, which checks it before it is inflated). */
  async importTable(actor: Actor, input: Readable, opts: ImportOptions): Promise<ImportSummary> {
    if (opts.format !== 'csv') throw new Error('an XLSX import reads a file: use importFile');
    return this.run(actor, input, opts);
  }

  private async run(actor: Actor, input: Readable, opts: ImportOptions, encoding: CsvEncoding = 'utf-8'): Promise<ImportSummary> {
    this.authorize(actor, opts);
    const ds = this.metadata.dataSet(opts.dataSet);
    const mode = opts.mode ?? 'strict';
    const limits = opts.limits ?? DEFAULT_LIMITS;
    const summary: ImportSummary = {
      rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, skipped: 0,
      errors: [], errorsTotal: 0, errorsTruncated: false, warnings: [], warningsTotal: 0, warningsTruncated: false, stored: false,
    };
    const run: Run = {
      summary, errors: new IssueList(limits.importErrors), warnings: new IssueList(limits.importErrors), seen: new Map(), unknown: new Map(), echo: limits.echoChars,
      places: new Map(), dryRun: opts.dryRun === true, applicable: new Map(), periodsBefore: new Map(),
    };
    const rows = readTable(input, opts.format, limits, encoding);
    try {
      // The header is read, and the file refused if it is no table, before the transaction opens.
      const header = await rows.next();
      if (header.done) throw new AppError('E4013', { row: 1 }, { zh: '文件为空', en: 'empty file' });
      const roles = mapHeaders(header.value.cells, ds, this.metadata.elements);
      run.places = placesOf(roles, header.value.cells);
      const missing = (['org_code', 'period'] as const).filter((k) => !roles.some((r) => r.kind === k));
      if (missing.length) {
        run.errors.push({ ...issue(1, null, 'E4012', missing.join('、')), header: missing.join('、') });
        return finish(run);
      }
      const layout = layoutOf(roles);
      await this.store.transaction(async (repos) => {
        let batch: ParsedRow[] = [];
        for await (const r of rows) {
          batch.push(parseRow(r, layout, ds));
          if (batch.length >= BATCH) {
            await this.processBatch(repos, actor, ds, layout, batch, run, mode);
            batch = [];
          }
        }
        await this.processBatch(repos, actor, ds, layout, batch, run, mode);
        if (opts.dryRun || (mode === 'strict' && summary.rejected > 0)) throw new Rollback();
        summary.stored = true;
      });
    } catch (e) {
      if (!(e instanceof Rollback)) throw e;
    } finally {
      await rows.return(undefined);
      input.destroy();
    }
    // A large import changes the tables' statistics (a new period of half a million reports).
    if (summary.stored && summary.inserted + summary.updated >= ANALYZE_AFTER_ROWS) await this.store.analyze(['report', 'audit_log']);
    if (!summary.stored) {
      // Nothing was stored: report what would have happened, not what did.
      if (!opts.dryRun) summary.inserted = summary.updated = summary.unchanged = 0;
    }
    return finish(run);
  }

  private async processBatch(repos: Repositories, actor: Actor, ds: DataSet, layout: Layout, batch: ParsedRow[], run: Run, mode: ImportMode): Promise<void> {
    if (batch.length === 0) return;
    const { summary, seen, echo } = run;
    const facilities = await repos.facilities.briefs([...new Set(batch.map((b) => b.code))]);
    // By period, then facility code: the codes are the parser's own strings, hashed once.
    const existing = new Map<string, Map<string, Report>>();
    for (const [period, codes] of codesByPeriod(batch, (p) => p.id)) existing.set(period, await repos.reports.getMany(ds.code, period, codes));
    const previous = new Map<string, Map<string, DataValues>>();
    for (const [period, codes] of codesByPeriod(batch, (p) => this.periodBefore(run, p))) previous.set(period, await repos.reports.valuesMany(ds.code, period, codes));
    const level = actorLevel(actor.scope);
    const now = this.clock.now().toISOString();
    const today = chinaDay(this.clock.now());
    const writes: { report: Report; before: Report | undefined; f: FacilityBrief }[] = [];
    for (const r of batch) {
      summary.rows++;
      const errors: ImportError[] = [];
      const f = facilities.get(r.code);
      if (!r.p) errors.push(issue(r.row, 'period', 'E1002', r.period, echo));
      else if (!isOpenForReporting(r.p.id, ds, today))
        errors.push(issue(r.row, 'period', 'E1406', undefined, echo, { period: r.period, collecting: collectingPeriod(ds, today) }));
      let seenInPeriod = seen.get(r.period);
      if (!seenInPeriod) seen.set(r.period, (seenInPeriod = new Set()));
      if (seenInPeriod.has(r.code)) errors.push(issue(r.row, 'org_code', 'E4010', r.code, echo));
      seenInPeriod.add(r.code);
      const inScope = !!f && facilityInScope(actor.scope, f);
      if (!f) errors.push(issue(r.row, 'org_code', 'E4001', r.code, echo));
      else if (!inScope) errors.push(issue(r.row, 'org_code', 'E4002', r.code, echo));
      else if (r.p && !isOpenIn(f, r.p.start, r.p.end)) errors.push(issue(r.row, 'period', 'E4003', r.period, echo));
      // A value in an unknown column rejects its row, but the column is listed once, at its first value.
      let unknownValue = false;
      for (const u of r.unknown) {
        unknownValue = true;
        const seenColumn = run.unknown.get(u.index);
        if (seenColumn) seenColumn.rows++;
        else {
          const error = issue(r.row, u.header, 'E4006', u.value, echo);
          run.unknown.set(u.index, { error, rows: 1 });
          errors.push(error);
        }
      }
      // Nothing about a facility outside the scope is looked at further, so nothing about it leaks.
      const before = inScope && r.p ? existing.get(r.p.id)?.get(r.code) : undefined;
      let values: DataValues = { ...(before?.values ?? {}) };
      if (inScope) {
        let applicable = run.applicable.get(f!.type);
        if (!applicable) run.applicable.set(f!.type, (applicable = new Set(elementsFor(ds, f!.type))));
        for (let i = 0; i < layout.elements.length; i++) {
          const code = layout.elements[i].code;
          const text = r.cells[i];
          if (text === '') continue; // an empty cell provides no value: the stored one stays
          if (!applicable.has(code)) {
            errors.push(issue(r.row, code, 'E1402', text, echo));
            continue;
          }
          const parsed = parseCell(text, this.metadata.elements.get(code)!, this.metadata.optionSets);
          if (parsed.ok) values[code] = parsed.value;
          else errors.push(issue(r.row, code, parsed.code, text, echo));
        }
        values = normalizeValues(values);
      }
      // A row that provides nothing new (all its cells empty, or equal to the stored values) changes nothing.
      const changes = inScope && (before ? !sameValues(before.values, values) : Object.keys(values).length > 0);
      if (changes && before && !canEdit(before, level)) errors.push(issue(r.row, null, 'E4011', before.approvalLevel, echo));
      if (errors.length === 0 && !unknownValue && changes && r.p) {
        const v = validateValues(ds, values, previous.get(this.periodBefore(run, r.p))?.get(r.code) ?? null, this.metadata.elementNames);
        for (const x of v.errors) errors.push(violationIssue(r.row, x, 'E4009'));
        for (const x of v.warnings) run.warnings.push({ ...located(violationIssue(r.row, x, 'W_CHANGE'), run.places, r.code), facilityCode: r.code });
      }
      if (errors.length || unknownValue) {
        summary.rejected++;
        // Located in place: an unknown column's error is counted on (finish) after it is listed.
        for (const e of errors) run.errors.push(Object.assign(e, located(e, run.places, r.code)));
        continue;
      }
      // A row that gives no value at all (a blank row of the template) is skipped, and said so.
      if (!before && r.cells.every((text) => text === '')) {
        summary.skipped++;
        continue;
      }
      if (!changes) {
        summary.unchanged++;
        continue;
      }
      before ? summary.updated++ : summary.inserted++;
      writes.push({
        f: f!,
        before,
        report: writtenReport(before ?? null, { dataSet: ds.code, period: r.period, facilityCode: r.code, values, how: 'submit', by: actor.username, at: now }),
      });
    }
    // Nothing will be kept: a dry run, or a strict import that rejected a row, stops writing.
    // (So a dry run compares a row with the previous year as stored, even when the file holds
    // that year too; only the W_CHANGE warnings can differ from the import itself.)
    if (run.dryRun || (mode === 'strict' && summary.rejected > 0)) return;
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

  /** The period before `p` (the previous year's report a row is compared with), worked out once per period of the file. */
  private periodBefore(run: Run, p: Period): string {
    let id = run.periodsBefore.get(p.id);
    if (id === undefined) run.periodsBefore.set(p.id, (id = previousPeriod(p)));
    return id;
  }
}

/** The batch's facility codes by period: the row's period, or another derived from it (the one before). */
function codesByPeriod(batch: ParsedRow[], which: (p: Period) => string): Map<string, string[]> {
  const byPeriod = new Map<string, Set<string>>();
  for (const r of batch) {
    if (!r.p) continue;
    const period = which(r.p);
    let codes = byPeriod.get(period);
    if (!codes) byPeriod.set(period, (codes = new Set()));
    codes.add(r.code);
  }
  return new Map([...byPeriod].map(([period, codes]) => [period, [...codes]]));
}

/** Where org_code, period and each element stand in the file: the header as written and the column letter. */
function placesOf(roles: ColumnRole[], headers: string[]): ColumnPlaces {
  const out: ColumnPlaces = new Map();
  roles.forEach((role, i) => {
    const key = role.kind === 'element' ? role.code : role.kind === 'org_code' || role.kind === 'period' ? role.kind : role.kind === 'unknown' ? role.header : null;
    if (key !== null && !out.has(key)) out.set(key, { header: (headers[i] ?? '').trim(), letter: columnLetter(i) });
  });
  return out;
}

/** Where each meaning stands in the header (Layout). */
function layoutOf(roles: ColumnRole[]): Layout {
  const out: Layout = { org: -1, period: -1, elements: [], unknown: [] };
  const at = new Map<string, number>();
  roles.forEach((role, i) => {
    if (role.kind === 'org_code') out.org = i;
    else if (role.kind === 'period') out.period = i;
    else if (role.kind === 'unknown') out.unknown.push({ index: i, header: role.header });
    else if (role.kind === 'element') {
      const k = at.get(role.code);
      if (k === undefined) (at.set(role.code, out.elements.length), out.elements.push({ code: role.code, index: i }));
      else out.elements[k].index = i;
    }
  });
  return out;
}

function parseRow(r: TableRow, layout: Layout, ds: DataSet): ParsedRow {
  const cell = (i: number) => (i < 0 ? '' : (r.cells[i] ?? '').trim());
  const out: ParsedRow = { row: r.row, code: cell(layout.org), period: cell(layout.period), p: null, cells: new Array<string>(layout.elements.length), unknown: [] };
  for (let i = 0; i < layout.elements.length; i++) out.cells[i] = cell(layout.elements[i].index);
  for (const u of layout.unknown) {
    const value = cell(u.index);
    if (value !== '') out.unknown.push({ index: u.index, header: u.header, value });
  }
  out.p = parsePeriod(out.period, ds.periodType);
  return out;
}

/** The summary with the capped lists and their totals; an unknown column's error says how many rows it rejected. */
function finish(run: Run): ImportSummary {
  for (const { error, rows } of run.unknown.values())
    if (rows > 1) {
      error.message += `（共 ${rows.toLocaleString('en-US')} 行）`;
      error.messageEn += ` (${rows.toLocaleString('en-US')} rows)`;
    }
  const s = run.summary;
  s.errors = run.errors.items;
  s.errorsTotal = run.errors.total;
  s.errorsTruncated = run.errors.truncated;
  s.warnings = run.warnings.items;
  s.warningsTotal = run.warnings.total;
  s.warningsTruncated = run.warnings.truncated;
  return s;
}

function sameValues(a: DataValues, b: DataValues): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}
