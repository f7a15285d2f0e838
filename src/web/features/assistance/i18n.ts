/** UI texts of assistance's navigation; merged into shared/i18n.ts (the pages pick their own Chinese and English inline). */
export const assistanceZh = {
  'nav.assistance': '帮扶与能力建设',
};

export const assistanceEn: Record<keyof typeof assistanceZh, string> = {
  'nav.assistance': 'Assistance & capacity',
};

