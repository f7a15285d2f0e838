/** UI texts for 分析（透视）、收藏、年度监测报告; merged into i18n.ts. */

export const analysisZh = {
  'nav.analysis': '分析',
  'nav.report': '年度报告',
};

export const analysisEn: Record<keyof typeof analysisZh, string> = {
  'nav.analysis': 'Analysis',
  'nav.report': 'Annual report',
};
