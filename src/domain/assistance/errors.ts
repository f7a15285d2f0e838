/** The assistance error catalogue: 对口帮扶 pairings, medical-team tours, capacity units and their activities, 定点帮扶 county pages. Codes never change meaning once released. */
import type { ErrorDef } from '../error-def.js';

export const ASSISTANCE_ERRORS = {
  E8601: { status: 404, zh: '帮扶关系不存在', en: 'Pairing not found' },
  E8602: { status: 400, zh: '{value} 不是三级中医医院，不能作为帮扶医院', en: '{value} is not a tertiary TCM hospital: it cannot be the helping hospital' },
  E8603: { status: 400, zh: '{value} 不是县级中医医院，不能作为受援医院', en: '{value} is not a county TCM hospital: it cannot be the receiving hospital' },
  E8604: { status: 400, zh: '年份不合理：{rule}', en: 'Years do not fit: {rule}' },
  E8605: { status: 409, zh: '{helper} 与 {recipient} 在 {year} 年已有帮扶关系', en: '{helper} and {recipient} are already paired in {year}' },
  E8606: { status: 400, zh: '考核分数 {value} 应在 0–100 之间', en: 'The assessment score {value} must lie between 0 and 100' },
  E8607: { status: 404, zh: '医疗队不存在', en: 'Medical team not found' },
  E8608: { status: 404, zh: '巡回医疗记录不存在', en: 'Tour not found' },
  E8609: { status: 400, zh: '{value} 不是县级行政区划，巡回医疗须到县', en: '{value} is not a county-level division: a tour visits counties' },
  E8610: { status: 400, zh: '日期不合理：{rule}', en: 'Dates do not fit: {rule}' },
  E8611: { status: 404, zh: '能力建设单位不存在', en: 'Capacity unit not found' },
  E8612: { status: 400, zh: '{kind}应设在{levels}，{value} 不符合', en: 'A {kindEn} sits at {levelsEn} level: {value} does not' },
  E8613: { status: 400, zh: '{kind}不登记{activity}', en: 'A {kindEn} records no {activityEn}' },
  E8614: { status: 404, zh: '活动记录不存在', en: 'Activity not found' },
  E8615: { status: 403, zh: '该记录属于 {area}，您无权修改', en: 'The record belongs to {area}: you may not change it' },
  E8616: { status: 400, zh: '必须填写{field}', en: '{field} is required' },
  E8617: { status: 404, zh: '{value} 不是县级行政区划', en: '{value} is not a county-level division' },
} as const satisfies Record<string, ErrorDef>;
