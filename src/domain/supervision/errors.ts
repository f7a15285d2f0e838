/** The supervision error catalogue: work points, plans, tasks, progress reports, rectification and the inbox. Codes never change meaning once released. */
import type { ErrorDef } from '../error-def.js';

export const SUPERVISION_ERRORS = {
  E8001: { status: 415, zh: '无法从该文件读出文字：{reason}。请上传 TXT、DOCX，或可提取文字的 PDF', en: 'No text could be read from the file: {reason}. Upload TXT, DOCX, or a PDF whose text can be extracted' },
  E8002: { status: 400, zh: '文中没有找到编号的工作要点（一、（一）1. 一是 …）', en: 'No numbered work points (一、（一）1. 一是 …) were found in the text' },
  E8003: { status: 404, zh: '工作计划不存在', en: 'Work plan not found' },
  E8004: { status: 409, zh: '工作计划已发布，不能再修改要点', en: 'The plan is published: its items can no longer change' },
  E8005: { status: 404, zh: '任务不存在', en: 'Task not found' },
  E8006: { status: 403, zh: '该任务由 {lead} 牵头，只有牵头单位（或其上级）可以{action}', en: 'The task is led by {lead}: only the lead unit (or a level above it) may {action}' },
  E8007: { status: 403, zh: '只有下达该任务的 {issuer} 可以{action}', en: 'Only {issuer}, who issued the task, may {action}' },
  E8008: { status: 409, zh: '当前状态为“{state}”，不能{action}', en: 'The state is {state}: cannot {action}' },
  E8009: { status: 400, zh: '日期不合理：{rule}', en: 'Dates do not fit: {rule}' },
  E8010: { status: 400, zh: '{value} 不是 {lead} 的下级区域，不能向其下达', en: '{value} is not an area below {lead}: the task cannot be handed to it' },
  E8011: { status: 409, zh: '已向 {value} 下达过该任务', en: 'The task has already been handed down to {value}' },
  E8012: { status: 400, zh: '节点权重须为正数，合计大于 0', en: 'Milestone weights must be positive and add up to more than 0' },
  E8013: { status: 404, zh: '整改事项不存在', en: 'Rectification item not found' },
  E8014: { status: 409, zh: '{indicator} 当前值 {value}，仍未达到 {threshold}，不能销号（数据达标后方可销号）', en: '{indicator} is {value} now, still short of {threshold}: the item cannot be closed until the data show it' },
  E8015: { status: 403, zh: '该事项由 {area} 整改，您不能办理', en: 'The item is for {area} to rectify: you cannot act on it' },
  E8016: { status: 400, zh: '要点 {value} 不在该计划中', en: 'Item {value} is not in the plan' },
  E8017: { status: 400, zh: '必须填写{field}', en: '{field} is required' },
  E8018: { status: 404, zh: '通知不存在', en: 'Notification not found' },
} as const satisfies Record<string, ErrorDef>;
