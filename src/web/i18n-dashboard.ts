/** UI texts for 首页/驾驶舱 (dashboard); merged into i18n.ts. */

export const dashboardZh = {
  'nav.dashboard': '首页',
};

export const dashboardEn: Record<keyof typeof dashboardZh, string> = {
  'nav.dashboard': 'Dashboard',
};
