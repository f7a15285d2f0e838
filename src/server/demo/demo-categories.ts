/**
 * Technique categories (TCM_TECHNIQUE_CATEGORY): which ones a facility takes up, drawn by weight
 * from its lasting stream so that the categories of one year are kept in every later year.
 */
import type { Rng } from './demo-random.js';

/** The option codes of `TCM_TECHNIQUE_CATEGORY`, in option-set order. */
export const TECHNIQUE_CATEGORIES = [
  'ACUPUNCTURE',
  'MOXIBUSTION',
  'GUASHA',
  'CUPPING',
  'MINIMALLY_INVASIVE',
  'TUINA',
  'APPLICATION',
  'BONE_SETTING',
  'ANORECTAL',
  'OTHER',
] as const;

/** How readily a facility takes up each category (common ones first, 肛肠/微创 last). */
const TECHNIQUE_WEIGHTS = [10, 9, 8, 9, 2, 7, 7, 3, 1.5, 4];

const TOTAL_WEIGHT = TECHNIQUE_WEIGHTS.reduce((a, b) => a + b, 0);

/**
 * k categories drawn by weight without replacement from the facility's lasting stream (its last
 * draws), so the first k of one year are among the first k' ≥ k of a later year; returned in
 * option-set order.
 */
export function pickCategories(st: Rng, k: number): string[] {
  if (k <= 0) return [];
  if (k >= 10) return TECHNIQUE_CATEGORIES.slice();
  let mask = 0;
  let remaining = TOTAL_WEIGHT;
  for (let s = 0; s < k; s++) {
    let r = st.next() * remaining;
    let chosen = -1;
    for (let i = 0; i < 10; i++) {
      if (mask & (1 << i)) continue;
      chosen = i;
      r -= TECHNIQUE_WEIGHTS[i];
      if (r < 0) break;
    }
    mask |= 1 << chosen;
    remaining -= TECHNIQUE_WEIGHTS[chosen];
  }
  const out: string[] = [];
  for (let i = 0; i < 10; i++) if (mask & (1 << i)) out.push(TECHNIQUE_CATEGORIES[i]);
  return out;
}
