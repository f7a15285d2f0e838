/**
 * Indicator values and gap lists as files (XLSX for Excel users, CSV for tools), built from the
 * same service calls as the screens, so a file always says what the page says — with the same
 * bounds (a values file is capped like the answer of GET /api/analytics, a gap list at
 * GAP_EXPORT_LIMIT rows) — and written as a stream (table-file.ts).
 */
import { FACILITY_TYPE_NAMES, type FacilityType } from '../../../domain/facility.js';
import { AppError } from '../../../domain/errors.js';
import { tableFile, type TableColumn, type TableFile, type TableFormat } from '../../platform/files/table-file.js';
import type { Actor } from '../../platform/access/actor.js';
import { unbounded, unique } from './engine/request-bounds.js';
import type { AnalyticsBounds, AnalyticsQuery, AnalyticsService, IndicatorRow } from './analytics.service.js';
import type { MetadataService } from '../../platform/program/metadata.service.js';

/** The most gap rows one file holds. */
export const GAP_EXPORT_LIMIT = 100_000;
const PAGE = 5_000;

const VALUE_COLUMNS: TableColumn[] = [
  { key: 'area_code', header: '区划代码', width: 14 },
  { key: 'area_name', header: '区域', width: 18 },
  { key: 'period', header: '年度', width: 8 },
  { key: 'indicator', header: '指标代码', width: 28 },
  { key: 'indicator_name', header: '指标', width: 40 },
  { key: 'numerator', header: '分子', width: 10 },
  { key: 'denominator', header: '分母', width: 10 },
  { key: 'value', header: '值', width: 10, numFmt: '0.0%' },
  { key: 'target', header: '目标', width: 10, numFmt: '0%' },
  { key: 'met', header: '是否达标', width: 10 },
  { key: 'expected_reports', header: '应报机构数', width: 12 },
  { key: 'reported_reports', header: '已报机构数', width: 12 },
];

/** The gap file's columns: the unit, its 省/市/县/乡镇 (to sort and filter by in Excel), its value as the indicator means it. */
function gapColumns(valueKind: 'boolean' | 'number' | 'ratio' | 'none'): TableColumn[] {
  return [
    { key: 'code', header: '编码', width: 22 },
    { key: 'name', header: '名称', width: 30 },
    { key: 'type', header: '类型', width: 16 },
    { key: 'province', header: '省', width: 12 },
    { key: 'city', header: '市', width: 14 },
    { key: 'county', header: '县（区）', width: 14 },
    { key: 'township', header: '乡镇（街道）', width: 16 },
    { key: 'division_code', header: '区划代码', width: 14 },
    { key: 'division_name', header: '所在区划', width: 18 },
    { key: 'value', header: '值', width: 10, ...(valueKind === 'ratio' ? { numFmt: '0.0%' } : {}) },
    { key: 'reported', header: '是否已报', width: 10 },
  ];
}

/** A gap row's value as the indicator means it: 是/否, a number, a ratio; empty when not reported. */
function gapValue(value: number | null, reported: boolean, kind: 'boolean' | 'number' | 'ratio' | 'none', format: TableFormat): string | number | boolean | null {
  if (!reported || value === null) return format === 'csv' ? null : kind === 'none' ? null : '未报告';
  if (kind === 'boolean') return yesNo(value === 1, format);
  return kind === 'none' ? null : value;
}

const yesNo = (b: boolean | null, format: TableFormat) => (b === null ? null : format === 'csv' ? b : b ? '是' : '否');

/** The file's rows, made one by one as the writer asks for them. */
function* valueCells(rows: IndicatorRow[], metadata: MetadataService, format: TableFormat) {
  for (const r of rows)
    yield {
      area_code: r.areaCode,
      area_name: r.areaName,
      period: r.period,
      indicator: r.indicator,
      indicator_name: metadata.indicator(r.indicator).name.zh,
      numerator: r.numerator,
      denominator: r.denominator,
      value: r.value,
      target: r.target,
      met: yesNo(r.met, format),
      expected_reports: r.expectedReports,
      reported_reports: r.reportedReports,
    };
}

export class IndicatorExportService {
  constructor(
    private readonly analytics: AnalyticsService,
    private readonly metadata: MetadataService,
  ) {}

  async values(actor: Actor, q: AnalyticsQuery, format: TableFormat, bounds: AnalyticsBounds = unbounded()): Promise<TableFile> {
    const rows = await this.analytics.values(actor, q, bounds);
    // The periods are checked by now: each once, and few.
    const name = `指标-${q.area ?? actor.scope.kind}-${unique(q.periods).join('_')}${q.level ? `-${q.level}` : ''}`;
    return tableFile(name, '指标', VALUE_COLUMNS, valueCells(rows, this.metadata, format), format);
  }

  async gaps(actor: Actor, indicator: string, period: string, area: string | undefined, format: TableFormat, now = new Date()): Promise<TableFile> {
    const first = await this.analytics.gaps(actor, indicator, period, area, 1, PAGE, undefined, now);
    if (first.total > GAP_EXPORT_LIMIT) throw new AppError('E6005', { field: 'area', value: area ?? '', limit: GAP_EXPORT_LIMIT, total: first.total });
    const items = [...first.items];
    for (let page = 2; items.length < first.total; page++) {
      const next = await this.analytics.gaps(actor, indicator, period, area, page, PAGE, undefined, now);
      if (!next.items.length) break;
      items.push(...next.items);
    }
    return tableFile(
      `差距清单-${indicator}-${area ?? actor.scope.kind}-${period}`,
      this.metadata.indicator(indicator).name.zh.slice(0, 31),
      gapColumns(first.valueKind),
      items.map((i) => ({
        code: i.code,
        name: i.name,
        province: i.provinceName,
        city: i.cityName,
        county: i.countyName,
        township: i.townshipName,
        type: i.type ? (format === 'csv' ? i.type : FACILITY_TYPE_NAMES[i.type as FacilityType]?.zh ?? i.type) : format === 'csv' ? '' : '县级单位',
        division_code: i.divisionCode,
        division_name: i.divisionName,
        value: gapValue(i.value, i.reported, first.valueKind, format),
        reported: yesNo(i.reported, format),
      })),
      format,
    );
  }
}
