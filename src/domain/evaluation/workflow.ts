/**
 * The review workflow of an application (申报) under a cycle (../shared/docs/modules/evaluation.md,
 * "Cycles and the review workflow"): self-assessment → city pre-review (when the standard asks for
 * it) → provincial review → national review → publicity (公示) → named; rejected at a review. Who
 * acts at a stage is the level of the area: the county itself, its city, its province, the nation.
 * Pure.
 */
export const STAGES = ['SELF', 'CITY', 'PROVINCE', 'NATIONAL', 'PUBLICITY', 'NAMED', 'REJECTED'] as const;
export type Stage = (typeof STAGES)[number];

/** The stages where items are scored, in order. */
export type ReviewStage = 'SELF' | 'CITY' | 'PROVINCE' | 'NATIONAL';

export function reviewStages(cityPreReview: boolean): ReviewStage[] {
  return cityPreReview ? ['SELF', 'CITY', 'PROVINCE', 'NATIONAL'] : ['SELF', 'PROVINCE', 'NATIONAL'];
}

/** The division level that acts at a stage (3 the county, 2 its city, 1 its province, 0 the nation). */
export const STAGE_LEVEL: Record<Exclude<Stage, 'NAMED' | 'REJECTED'>, number> = { SELF: 3, CITY: 2, PROVINCE: 1, NATIONAL: 0, PUBLICITY: 0 };

/** Where a submission (a passed review) sends the application. */
export function nextStage(stage: Stage, cityPreReview: boolean): Stage | null {
  const order: Stage[] = [...reviewStages(cityPreReview), 'PUBLICITY', 'NAMED'];
  const i = order.indexOf(stage);
  return i >= 0 && i < order.length - 1 ? order[i + 1] : null;
}

/** Where a return sends it: the review before (none before the self-assessment). */
export function previousStage(stage: Stage, cityPreReview: boolean): ReviewStage | null {
  const order = reviewStages(cityPreReview) as Stage[];
  const i = stage === 'PUBLICITY' ? order.length : order.indexOf(stage);
  return i > 0 ? (order[i - 1] as ReviewStage) : null;
}

/** Points two stages gave an item that differ by more than this are flagged. */
export const GAP_THRESHOLD = 2;

/** Items whose points at consecutive stages differ by more than the threshold: `item` → [stage, stage, difference]. */
export function stageGaps(scores: Partial<Record<ReviewStage, Map<string, number | null>>>, stages: ReviewStage[], threshold = GAP_THRESHOLD): { item: string; from: ReviewStage; to: ReviewStage; difference: number }[] {
  const out: { item: string; from: ReviewStage; to: ReviewStage; difference: number }[] = [];
  const present = stages.filter((s) => scores[s]);
  for (let i = 1; i < present.length; i++) {
    const [a, b] = [scores[present[i - 1]]!, scores[present[i]]!];
    for (const [item, pa] of a) {
      const pb = b.get(item);
      if (pa === null || pb === null || pb === undefined) continue;
      const d = Math.round((pb - pa) * 10) / 10;
      if (Math.abs(d) > threshold) out.push({ item, from: present[i - 1], to: present[i], difference: d });
    }
  }
  return out;
}
