/** The projects-and-funds error catalogue: factor allocation, projects, fund batches and spending. Codes never change meaning once released. */
import type { ErrorDef } from '../error-def.js';

export const FUNDS_ERRORS = {
  E8501: { status: 400, zh: '资金总额 {value} 不是有效金额（元，最多两位小数，不小于 0）', en: 'The total {value} is not an amount (yuan, at most 2 decimals, not negative)' },
  E8502: { status: 400, zh: '权重 {value} 格式不对，应为 名称=权重,名称=权重…', en: 'The weight {value} is malformed: expected NAME=W,NAME=W…' },
  E8503: { status: 400, zh: '权重 {value} 指向的因素在因素表中不存在（有：{columns}）', en: 'The weight {value} names no factor column (columns: {columns})' },
  E8504: { status: 400, zh: '权重合计为 {value}，应为 1', en: 'The weights add up to {value}, not 1' },
  E8505: { status: 400, zh: '第 {row} 行 {column} 的值 {value} 为负数，因素值不能为负', en: 'Row {row}, {column}: {value} is negative; a factor cannot be negative' },
  E8506: { status: 400, zh: '因素 {column} 全部为 0，无法计算占比', en: 'The factor {column} is 0 for every area: no share can be computed' },
  E8507: { status: 400, zh: '第 {row} 行 {column} 的值 {value} 不是数字', en: 'Row {row}, {column}: {value} is not a number' },
  E8508: { status: 400, zh: '因素表格式不对：{reason}', en: 'The factor table is malformed: {reason}' },
  E8509: { status: 400, zh: '第 {row} 行的区划代码 {value} 无效或重复', en: 'Row {row}: the area code {value} is invalid or repeated' },
  E8510: { status: 400, zh: '绩效等级表第 {row} 行：{value} 不是有效等级（优/良/中/差 或 EXCELLENT/GOOD/FAIR/POOR）', en: 'Performance file row {row}: {value} is not a band (优/良/中/差 or EXCELLENT/GOOD/FAIR/POOR)' },
  E8511: { status: 400, zh: '权重 {value} 为负数', en: 'The weight {value} is negative' },
} as const satisfies Record<string, ErrorDef>;
