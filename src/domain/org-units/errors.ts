/** The org-units error catalogue: divisions and facilities. Codes never change meaning once released. */
import type { ErrorDef } from '../error-def.js';

export const ORG_UNIT_ERRORS = {
  E1101: { status: 404, zh: '行政区划不存在', en: 'Division not found' },
  E1102: { status: 404, zh: '机构不存在', en: 'Facility not found' },
  E1201: { status: 409, zh: '机构编码已存在', en: 'Facility code already exists' },
  E1301: { status: 400, zh: '机构类型与所属行政区划层级不符', en: 'Facility type does not fit the level of its division' },
  E1302: { status: 409, zh: '机构已撤销', en: 'Facility is already closed' },
  E1303: { status: 400, zh: '撤销日期不能早于成立日期', en: 'Closing date cannot precede the opening date' },
  E1304: { status: 400, zh: '机构编码格式不正确（2–40 位字母、数字、- 或 _，且不能全为数字）', en: 'Malformed facility code (2–40 letters, digits, - or _, not all digits)' },
} as const satisfies Record<string, ErrorDef>;
