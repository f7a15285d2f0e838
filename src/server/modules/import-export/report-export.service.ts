/**
 * An area's reports for a period as a file in the import format (数据导出): XLSX with the Chinese
 * headers the importer reads (机构编码, 期间, element names; 机构名称 and 机构类型 beside them, which it
 * ignores), or CSV with the codes of `gtcm export reports`. A file exported, edited and imported
 * again round-trips. Streamed; scoped to the caller like every read.
 */
import { FACILITY_TYPE_NAMES, type FacilityType } from '../../../domain/facility.js';
import { allElements, type DataValue, type OptionSet } from '../../../domain/program.js';
import type { Actor } from '../../platform/access/actor.js';
import type { Store } from '../../platform/db/store.js';
import { tableFile, type Cell, type TableColumn, type TableFile, type TableFormat } from '../../platform/files/table-file.js';
import type { MetadataService } from '../../platform/program/metadata.service.js';
import type { Report } from '../data-entry/report.repository.js';
import type { ReportService } from '../data-entry/report.service.js';

const BATCH = 1_000;

export class ReportExportService {
  constructor(
    private readonly store: Store,
    private readonly metadata: MetadataService,
    private readonly reports: ReportService,
  ) {}

  /** The caller's reports (in an area of its scope) for a period, as the importer reads them. */
  file(actor: Actor, dataSetCode: string | undefined, period: string, area: string | undefined, format: TableFormat): TableFile {
    const ds = this.metadata.dataSet(dataSetCode);
    this.reports.dataSetAndPeriod(ds.code, period);
    const elements = allElements(ds);
    const csv = format === 'csv';
    const columns: TableColumn[] = [
      { key: 'org_code', header: '机构编码', width: 22 },
      ...(csv ? [] : [{ key: 'org_name', header: '机构名称', width: 28 }, { key: 'facility_type', header: '机构类型', width: 14 }]),
      { key: 'period', header: '期间', width: 8 },
      ...elements.map((c) => ({ key: c, header: csv ? c : (this.metadata.elements.get(c)?.name.zh ?? c), width: 14 })),
    ];
    // The scope is checked here, before the answer starts, not when the first row is asked for.
    const source = this.reports.exportRows(actor, ds.code, period, area);
    const rows = this.rows(source, elements, csv);
    return tableFile(`数据导出-${ds.code}-${period}-${area ?? 'scope'}`, `${ds.code}-${period}`, columns, rows, format);
  }

  private async *rows(source: AsyncGenerator<Report>, elements: string[], csv: boolean): AsyncGenerator<Record<string, Cell>> {
    let batch: Report[] = [];
    for await (const r of source) {
      batch.push(r);
      if (batch.length >= BATCH) {
        yield* await this.withFacilities(batch, elements, csv);
        batch = [];
      }
    }
    yield* await this.withFacilities(batch, elements, csv);
  }

  /** A batch of reports as rows, with their facilities' names and types (one lookup a batch). */
  private async withFacilities(batch: Report[], elements: string[], csv: boolean): Promise<Record<string, Cell>[]> {
    const facilities = await this.store.repos.facilities.getMany(batch.map((r) => r.facilityCode));
    return batch.map((r) => {
      const f = facilities.get(r.facilityCode);
      return {
        org_code: r.facilityCode,
        org_name: f?.name ?? '',
        facility_type: f ? (FACILITY_TYPE_NAMES[f.type as FacilityType]?.zh ?? f.type) : '',
        period: r.period,
        ...Object.fromEntries(elements.map((e) => [e, exportCell(r.values[e], this.metadata.elements.get(e)?.optionSet, this.metadata.optionSets, csv)])),
      };
    });
  }
}

/** A value as the importer reads it back: 是/否 (1/0 in CSV), numbers, option names joined by 、 (codes by ; in CSV). */
function exportCell(v: DataValue | undefined, optionSet: string | undefined, optionSets: Map<string, OptionSet>, csv: boolean): Cell {
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return csv ? (v ? 1 : 0) : v ? '是' : '否';
  if (Array.isArray(v)) {
    if (csv) return v.join(';');
    const options = optionSets.get(optionSet ?? '')?.options ?? [];
    return v.map((code) => options.find((o) => o.code === code)?.name.zh ?? code).join('、');
  }
  return v;
}
