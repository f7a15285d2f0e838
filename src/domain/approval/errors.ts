/** The approval error catalogue: the approval workflow. Codes never change meaning once released. */
import type { ErrorDef } from '../error-def.js';

export const APPROVAL_ERRORS = {
  E5101: { status: 409, zh: '该报表不在等待您这一级审核', en: 'Report is not waiting for your level' },
  E5102: { status: 409, zh: '报表已由本级或上级审核锁定，请由上级退回后再修改', en: 'Locked by an approval at or above your level: ask a higher level to return it' },
  E5103: { status: 400, zh: '退回必须填写原因', en: 'A reason is required to return a report' },
  E5104: { status: 409, zh: '该报表当前不能退回', en: 'Report cannot be returned now' },
  E5105: { status: 400, zh: '数据质量核查在县内比较同类机构：请选择一个市、县（区）或乡镇（街道）', en: 'The data-quality review compares facilities within a county: choose a city, county or township' },
  E5106: { status: 400, zh: '该区域报表过多（{reports} 份），最多 {limit} 份：请选择更小的区域', en: 'Too many reports in this area ({reports}), at most {limit}: choose a smaller area' },
} as const satisfies Record<string, ErrorDef>;
