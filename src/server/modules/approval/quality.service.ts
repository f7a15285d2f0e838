/**
 * The data-quality review (数据质量核查) of an area's reports for a period: outliers among a
 * county's facilities of a type, jumps from each facility's previous period, stored values that
 * break today's rules (src/domain/approval/quality.ts). A city, county or township at a time —
 * the comparison is within counties — read through the same scoped report reads as the export.
 */
import { QUALITY_MAX_FINDINGS, reviewQuality, type Finding, type FindingKind, type QualityReport } from '../../../domain/approval/quality.js';
import type { QualityAnswer, QualityFindingView } from '../../../domain/api/approval.js';
import { AppError } from '../../../domain/errors.js';
import { FACILITY_TYPE_NAMES, type FacilityType } from '../../../domain/facility.js';
import { ancestorCodes, levelOfCode, NATION_CODE } from '../../../domain/org-unit.js';
import { previousPeriod } from '../../../domain/period.js';
import { divisionInScope } from '../../../domain/scope.js';
import { requiredElements, type DataValues } from '../../../domain/program.js';
import { requireRole, type Actor } from '../../platform/access/actor.js';
import type { Store } from '../../platform/db/store.js';
import { tableFile, type TableFile, type TableFormat } from '../../platform/files/table-file.js';
import type { MetadataService } from '../../platform/program/metadata.service.js';
import type { ReportService } from '../data-entry/report.service.js';

/** The most reports one review reads (a large city has ~15,000 facilities). */
export const QUALITY_MAX_REPORTS = 30_000;

export interface QualityFilter {
  type?: FacilityType;
  kind?: FindingKind;
}

const KINDS: FindingKind[] = ['outlier', 'jump', 'rule'];

export class QualityService {
  constructor(
    private readonly store: Store,
    private readonly metadata: MetadataService,
    private readonly reports: ReportService,
  ) {}

  async review(actor: Actor, dataSetCode: string | undefined, period: string, area: string | undefined, filter: QualityFilter = {}): Promise<QualityAnswer> {
    const { answer, findings } = await this.all(actor, dataSetCode, period, area, filter);
    return { ...answer, findings: findings.slice(0, QUALITY_MAX_FINDINGS), truncated: findings.length > QUALITY_MAX_FINDINGS };
  }

  /** Every finding as a spreadsheet (no cap), with the path and the report's status. */
  async file(actor: Actor, dataSetCode: string | undefined, period: string, area: string | undefined, filter: QualityFilter, format: TableFormat): Promise<TableFile> {
    const { answer, findings } = await this.all(actor, dataSetCode, period, area, filter);
    const kindName: Record<FindingKind, string> = { outlier: '异常值', jump: '年度突变', rule: '违反规则' };
    const columns = [
      { key: 'kind', header: '类别', width: 10 },
      { key: 'county', header: '县（区）', width: 14 },
      { key: 'township', header: '乡镇（街道）', width: 16 },
      { key: 'facilityCode', header: '机构编码', width: 22 },
      { key: 'facilityName', header: '机构名称', width: 28 },
      { key: 'facilityType', header: '机构类型', width: 14 },
      { key: 'element', header: '数据项', width: 22 },
      { key: 'value', header: '值', width: 10 },
      { key: 'reference', header: '参照（中位数/上期/规则另一项）', width: 14 },
      { key: 'score', header: '偏离程度', width: 10 },
      { key: 'message', header: '说明', width: 50 },
    ];
    const rows = findings.map((f) => ({
      kind: kindName[f.kind],
      county: f.countyName,
      township: f.townshipName,
      facilityCode: f.facilityCode,
      facilityName: f.facilityName,
      facilityType: FACILITY_TYPE_NAMES[f.facilityType].zh,
      element: f.elementName.zh,
      value: f.value,
      reference: f.reference,
      score: f.score,
      message: f.message,
    }));
    return tableFile(`数据质量核查-${answer.area.name}-${answer.period}`, `数据质量核查 ${answer.period}`, columns, rows, format);
  }

  private async all(actor: Actor, dataSetCode: string | undefined, period: string, area: string | undefined, filter: QualityFilter) {
    requireRole(actor, ['SYSTEM_ADMIN', 'AREA_ADMIN', 'VIEWER']);
    const { ds, p } = this.reports.dataSetAndPeriod(this.metadata.dataSet(dataSetCode).code, period);
    const code = area ?? (actor.scope.kind === 'division' ? actor.scope.code : NATION_CODE);
    const level = code === NATION_CODE ? 0 : levelOfCode(code);
    if (level === null) throw new AppError('E1101', { field: 'area', value: code });
    // Out of scope is forbidden before it is too large.
    if (actor.scope.kind === 'division' && (level === 0 || !divisionInScope(actor.scope, code))) throw new AppError('E2102', { field: 'area', value: code });
    if (level < 2 || level > 4) throw new AppError('E5105', { field: 'area', value: code });
    const before = previousPeriod(p);
    const current = await this.read(actor, ds.code, p.id, code);
    const previous = new Map((await this.read(actor, ds.code, before, code)).map((r) => [r.facilityCode, r.values]));
    const facilities = await this.store.repos.facilities.getMany(current.map((r) => r.facilityCode));
    const reviewed: (QualityReport & { status: QualityFindingView['status'] })[] = [];
    for (const r of current) {
      const f = facilities.get(r.facilityCode);
      if (!f || (filter.type && f.type !== filter.type)) continue;
      const county = ancestorCodes(f.divisionCode)[3];
      if (!county) continue;
      reviewed.push({ facilityCode: f.code, type: f.type, group: county, values: r.values, previous: previous.get(f.code) ?? null, status: r.status });
    }
    const numeric = (t: FacilityType) =>
      this.metadata.elementsFor(ds.code, t).filter((e) => ['INTEGER', 'NUMBER'].includes(this.metadata.elements.get(e)?.valueType ?? ''));
    const names = new Map([...this.metadata.elements.values()].map((e) => [e.code, e.name]));
    const found = reviewQuality(reviewed, { numeric, rules: ds.validationRules ?? [], required: (t) => requiredElements(ds, t), names }).filter(
      (f) => !filter.kind || f.kind === filter.kind,
    );
    const findings = await this.views(found, reviewed, names);
    const counties = new Map<string, { code: string; name: string; outlier: number; jump: number; rule: number }>();
    for (const f of findings) {
      const c = counties.get(f.countyCode) ?? { code: f.countyCode, name: f.countyName, outlier: 0, jump: 0, rule: 0 };
      c[f.kind]++;
      counties.set(f.countyCode, c);
    }
    const total = (c: { outlier: number; jump: number; rule: number }) => c.outlier + c.jump + c.rule;
    const counts = Object.fromEntries(KINDS.map((k) => [k, findings.filter((f) => f.kind === k).length])) as Record<FindingKind, number>;
    const areaName = (await this.store.repos.divisions.get(code))?.name ?? code;
    return {
      answer: {
        dataSet: ds.code,
        period: p.id,
        previousPeriod: before,
        area: { code, name: areaName },
        reports: reviewed.length,
        counts,
        counties: [...counties.values()].sort((a, b) => total(b) - total(a) || a.code.localeCompare(b.code)),
      },
      findings,
    };
  }

  /** The area's reports for a period, through the scoped export read; refused past QUALITY_MAX_REPORTS. */
  private async read(actor: Actor, dataSet: string, period: string, area: string): Promise<{ facilityCode: string; values: DataValues; status: QualityFindingView['status'] }[]> {
    const out = [];
    for await (const r of this.reports.exportRows(actor, dataSet, period, area)) {
      out.push({ facilityCode: r.facilityCode, values: r.values, status: r.status });
      if (out.length > QUALITY_MAX_REPORTS) throw new AppError('E5106', { field: 'area', value: area, reports: out.length, limit: QUALITY_MAX_REPORTS });
    }
    return out;
  }

  /** Findings with their facility, county and township names. */
  private async views(found: Finding[], reviewed: (QualityReport & { status: QualityFindingView['status'] })[], names: Map<string, { zh: string; en: string }>): Promise<QualityFindingView[]> {
    const byCode = new Map(reviewed.map((r) => [r.facilityCode, r]));
    const facilities = await this.store.repos.facilities.getMany([...new Set(found.map((f) => f.facilityCode))]);
    const divisionCodes = new Set<string>();
    for (const f of facilities.values()) {
      const a = ancestorCodes(f.divisionCode);
      if (a[3]) divisionCodes.add(a[3]);
      if (a[4]) divisionCodes.add(a[4]);
    }
    const divisions = new Map((await this.store.repos.divisions.getMany([...divisionCodes])).map((d) => [d.code, d.name]));
    return found.map((x) => {
      const f = facilities.get(x.facilityCode)!;
      const a = ancestorCodes(f.divisionCode);
      return {
        ...x,
        facilityName: f.name,
        facilityType: f.type,
        countyCode: a[3]!,
        countyName: divisions.get(a[3]!) ?? a[3]!,
        townshipName: a[4] ? (divisions.get(a[4]) ?? null) : null,
        elementName: names.get(x.element) ?? { zh: x.element, en: x.element },
        status: byCode.get(x.facilityCode)!.status,
      };
    });
  }
}
