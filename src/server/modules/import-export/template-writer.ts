/**
 * The import template: an XLSX with one row per facility, Chinese headers (which the importer
 * reads back), data-validation lists for yes/no cells, and grey cells where an element does not
 * apply to the facility's type.
 */
import ExcelJS from 'exceljs';
import { FACILITY_TYPE_NAMES, type FacilityType } from '../../../domain/facility.js';
import { allElements, elementsFor, type DataElement, type DataSet, type OptionSet } from '../../../domain/program.js';
import { guardXlsxCell } from '../../platform/files/table-file.js';

export interface TemplateFacility {
  code: string;
  name: string;
  type: FacilityType;
}

export async function writeTemplate(ds: DataSet, period: string, facilities: TemplateFacility[], elements: Map<string, DataElement>, optionSets: Map<string, OptionSet>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '基层中医药服务能力监测评价平台';
  const ws = wb.addWorksheet(ds.name.zh.slice(0, 31), { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  const codes = allElements(ds);
  ws.columns = [
    { header: '机构编码', key: 'org_code', width: 22 },
    { header: '机构名称', key: 'org_name', width: 28 },
    { header: '机构类型', key: 'facility_type', width: 16 },
    { header: '期间', key: 'period', width: 8 },
    ...codes.map((c) => ({ header: elements.get(c)?.name.zh ?? c, key: c, width: 16 })),
  ];
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle' };
  head.height = 48;
  codes.forEach((c, i) => {
    const el = elements.get(c);
    const note = [el?.help?.zh, el?.valueType === 'MULTI_OPTION' ? `可填：${optionSets.get(el.optionSet ?? '')?.options.map((o) => o.name.zh).join('、')}（用“;”或“、”分隔）` : null, `代码 ${c}`]
      .filter(Boolean)
      .join('\n');
    ws.getCell(1, 5 + i).note = note;
  });
  const grey: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE5E5E5' } };
  for (const f of facilities) {
    const row = ws.addRow({ org_code: f.code, org_name: f.name, facility_type: FACILITY_TYPE_NAMES[f.type].zh, period });
    // Codes and names are stored as text (read back exactly by the importer); formula-like ones
    // are formatted as text too, so that editing them in Excel cannot make them formulas.
    guardXlsxCell(row.getCell(1));
    guardXlsxCell(row.getCell(2));
    const applicable = new Set(elementsFor(ds, f.type));
    codes.forEach((c, i) => {
      const cell = row.getCell(5 + i);
      if (!applicable.has(c)) {
        cell.fill = grey;
        return;
      }
      const el = elements.get(c);
      if (el?.valueType === 'BOOLEAN') cell.dataValidation = { type: 'list', allowBlank: true, formulae: ['"是,否"'], showErrorMessage: true, error: '请填写“是”或“否”' };
      else if (el?.valueType === 'INTEGER')
        cell.dataValidation = { type: 'whole', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, error: '请填写不小于 0 的整数' };
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
