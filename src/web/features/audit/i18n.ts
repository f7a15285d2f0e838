/** UI texts for 审计日志 (audit log); merged into shared/i18n.ts. */

export const auditZh = {
  'audit.at': '时间',
  'audit.actor': '操作人',
  'audit.action': '操作',
  'audit.entity': '对象类型',
  'audit.key': '对象标识',
  'audit.entity.facility': '机构',
  'audit.entity.user': '用户',
  'audit.entity.report': '报表',
  'audit.field': '字段',
  'audit.before': '修改前',
  'audit.after': '修改后',
  'audit.noChange': '无字段变化',
  'audit.changed': '{n} 项变化',
  'audit.changes': '变化',
};

export const auditEn: Record<keyof typeof auditZh, string> = {
  'audit.at': 'Time',
  'audit.actor': 'Actor',
  'audit.action': 'Action',
  'audit.entity': 'Entity',
  'audit.key': 'Key',
  'audit.entity.facility': 'Facility',
  'audit.entity.user': 'User',
  'audit.entity.report': 'Report',
  'audit.field': 'Field',
  'audit.before': 'Before',
  'audit.after': 'After',
  'audit.noChange': 'No field changed',
  'audit.changed': '{n} changed',
  'audit.changes': 'Changes',
};
