/** UI texts of supervision's navigation; merged into shared/i18n.ts (the pages pick their own Chinese and English inline). */

export const supervisionZh = {
  'nav.supervision': '督导调度',
  'nav.inbox': '我的待办',
  'nav.projects': '项目资金',
};

export const supervisionEn: Record<keyof typeof supervisionZh, string> = {
  'nav.supervision': 'Supervision',
  'nav.inbox': 'My inbox',
  'nav.projects': 'Projects & funds',
};
