/** The data-entry error catalogue: data sets, reports, values and their submission. Codes never change meaning once released. */
import type { ErrorDef } from '../error-def.js';

export const DATA_ENTRY_ERRORS = {
  E1104: { status: 404, zh: '数据集不存在', en: 'Data set not found' },
  E1105: { status: 404, zh: '报表不存在', en: 'Report not found' },
  E1401: { status: 400, zh: '数据元不存在', en: 'Unknown data element' },
  E1402: { status: 400, zh: '该数据元不适用于此类机构', en: 'Data element does not apply to this facility type' },
  E1403: { status: 400, zh: '数值类型不正确', en: 'Wrong value type' },
  E1404: { status: 400, zh: '选项不存在', en: 'Unknown option' },
  E1405: { status: 400, zh: '机构在该期间未运营', en: 'Facility is not open in that period' },
  E1406: { status: 400, zh: '{period} 尚未开放填报（当前填报期间为 {collecting}）', en: 'Period {period} is not open for reporting (now collecting {collecting})' },
  E1407: { status: 400, zh: '{type}不填报{dataSet}', en: 'A {typeEn} does not report {dataSet}' },
  E5001: { status: 400, zh: '存在未通过的审核规则，不能提交', en: 'Validation errors: cannot submit' },
  E5002: { status: 400, zh: '存在预警，请填写说明后提交', en: 'Warnings: add a comment to submit' },
} as const satisfies Record<string, ErrorDef>;
