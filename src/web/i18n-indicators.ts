/** UI texts for 指标视图、差距清单、机构视图; merged into i18n.ts. */

export const indicatorsZh = {
  'nav.indicators': '指标',
};

export const indicatorsEn: Record<keyof typeof indicatorsZh, string> = {
  'nav.indicators': 'Indicators',
};
