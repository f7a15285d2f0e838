/**
 * Titles a division holds (evaluation results): 全国基层中医药工作示范县（市） and later ones. A
 * title counts for a year from the year it was granted until the year it was withdrawn.
 */
import type { I18nText } from './program.js';

export interface DivisionTitle {
  divisionCode: string;
  title: string;
  granted: number;
  withdrawn: number | null;
  source: string | null;
}

export const TITLES: Record<string, I18nText> = {
  DEMO_COUNTY: { zh: '全国基层中医药工作示范县（市、区）', en: 'National grassroots TCM demonstration county' },
};

/** Whether the title counts in the given year. */
export function holdsIn(t: Pick<DivisionTitle, 'granted' | 'withdrawn'>, year: number): boolean {
  return t.granted <= year && (t.withdrawn === null || t.withdrawn > year);
}
