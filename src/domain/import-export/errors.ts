/**
 * The import-export error catalogue: import files and their rows. Codes never change meaning once
 * released. A row error whose meaning another module owns carries that module's code: a malformed
 * period is E1002, an element not applicable to the facility type E1402, a wrong value E1403 —
 * E4004, E4005 and E4007 were their duplicates, are retired and never reused (docs/DECISIONS.md).
 */
import type { ErrorDef } from '../error-def.js';

export const IMPORT_EXPORT_ERRORS = {
  E4001: { status: 400, zh: '机构编码不存在', en: 'Unknown org_code' },
  E4002: { status: 403, zh: '机构不在您的管辖范围内', en: 'Facility outside your scope' },
  E4003: { status: 400, zh: '机构在该期间未运营（未成立或已撤销）', en: 'Facility not open in that period (not yet opened or closed)' },
  E4006: { status: 400, zh: '未知的列', en: 'Unknown column' },
  E4008: { status: 400, zh: '未知的中医药技术方法类别', en: 'Unknown technique category' },
  E4009: { status: 400, zh: '违反审核规则', en: 'Validation rule violated' },
  E4010: { status: 400, zh: '同一机构同一期间在文件中出现多次', en: 'Same facility and period twice in the file' },
  E4011: { status: 409, zh: '数据已由本级或上级审核，不能修改', en: 'Already approved at or above your level' },
  E4012: { status: 400, zh: '缺少 org_code 或 period 列', en: 'Missing org_code or period column' },
  E4013: { status: 400, zh: '无法读取文件（仅支持 UTF-8 CSV 或 XLSX）', en: 'Unreadable file (UTF-8 CSV or XLSX only)' },
  E4014: { status: 413, zh: '文件过大：最多 {limit}', en: 'File too large: at most {limit}' },
  E4015: { status: 400, zh: '行数过多：最多 {limit} 行', en: 'Too many rows: at most {limit}' },
  E4016: { status: 400, zh: '列数过多：最多 {limit} 列', en: 'Too many columns: at most {limit}' },
  E4017: { status: 400, zh: '单元格内容过长：最多 {limit} 个字符', en: 'Cell too long: at most {limit} characters' },
  E4018: { status: 400, zh: 'XLSX 文件解压后过大：最多 {limit}', en: 'XLSX file too large once uncompressed: at most {limit}' },
  E4019: { status: 400, zh: '文件未上传完整（连接中断），请重新上传', en: 'The upload did not complete (connection lost): upload the file again' },
  E4021: { status: 415, zh: '不支持 {kind} 文件：请在 Excel 或 WPS 中“另存为” Excel 工作簿 (.xlsx) 或 CSV UTF-8 后再导入', en: '{kind} files are not read: in Excel or WPS, "Save as" an Excel workbook (.xlsx) or CSV UTF-8 and import that' },
  E4020: { status: 400, zh: '模板最多 {limit} 个机构，请选择更小的区域', en: 'A template holds at most {limit} facilities: choose a smaller area' },
} as const satisfies Record<string, ErrorDef>;
