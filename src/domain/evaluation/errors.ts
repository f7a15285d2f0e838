/** The evaluation error catalogue: standards, scoring, cycles and the review workflow. Codes never change meaning once released. */
import type { ErrorDef } from '../error-def.js';

export const EVALUATION_ERRORS = {
  E7001: { status: 404, zh: '评价标准不存在', en: 'Standard not found' },
  E7002: { status: 400, zh: '所选区域低于该标准的评价对象层级（{subject}）', en: "The area is below the standard's subjects ({subject})" },
  E7003: { status: 404, zh: '创建周期不存在', en: 'Cycle not found' },
  E7004: { status: 404, zh: '申报不存在', en: 'Application not found' },
  E7005: { status: 409, zh: '该单位已在本周期申报', en: 'This unit has already enrolled in the cycle' },
  E7006: { status: 409, zh: '该申报当前处于“{stage}”阶段，不由您这一级办理', en: 'The application is at stage {stage}, not handled at your level' },
  E7007: { status: 400, zh: '评分项 {item} 的分数不符合规则：{rule}', en: 'Score of item {item} does not fit its rule: {rule}' },
  E7008: { status: 400, zh: '尚有评分项未打分：{missing}', en: 'Items not scored yet: {missing}' },
  E7009: { status: 409, zh: '公示期异议尚未全部处理', en: 'Objections raised in publicity are not all resolved' },
  E7010: { status: 409, zh: '公示期未满（至 {until}）', en: 'The publicity period has not ended (until {until})' },
  E7011: { status: 409, zh: '不在申报时间内（{from} 至 {to}）', en: 'Outside the application window ({from} to {to})' },
  E7012: { status: 400, zh: '必须填写原因', en: 'A reason is required' },
  E7013: { status: 400, zh: '该单位不是本标准的评价对象（{subject}）', en: "The unit is not one of the standard's subjects ({subject})" },
  E7014: { status: 409, zh: '创建周期编码已存在', en: 'A cycle with this code exists' },
  E7017: { status: 409, zh: '该单位在该年度未持有此称号', en: 'The unit does not hold this title in the year' },
  E7018: { status: 409, zh: '专家 {expert} 与 {subject} 同属一省，不得评审本省单位', en: 'Expert {expert} is of the same province as {subject}: experts never review units of their own province' },
  E7019: { status: 409, zh: '专家 {expert} 已申明与 {subject} 存在利益冲突（{note}），不得分配', en: 'Expert {expert} declared a conflict with {subject} ({note}): not assigned' },
  E7020: { status: 404, zh: '专家不存在', en: 'Expert not found' },
  E7016: { status: 409, zh: '国家评审总分 {total} 分，未达合格线 {passLine} 分或触发否决项（{vetoes}），不能通过', en: 'National review total {total} is below the pass line {passLine}, or a veto fired ({vetoes}): it cannot pass' },
  E7015: { status: 400, zh: '评分项 {item} 由系统按数据自动计算，不能人工打分', en: 'Item {item} is scored from the data, not by hand' },
} as const satisfies Record<string, ErrorDef>;
