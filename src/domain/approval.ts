/**
 * The approval state machine of a report. A facility (or an admin for it) submits; the county
 * approves or returns with a reason; then the city, the province, and the nation, which accepts.
 * An approval locks the report against edits from that level and below; a level above it may
 * return it (unlock) with a reason. Pure, no I/O.
 */
import type { Scope } from './scope.js';

export type ReportStatus = 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'APPROVED';

/** Approval levels: the county approves first (3), the nation last (0). */
export const APPROVAL_LEVELS = [3, 2, 1, 0] as const;
export type ApprovalLevel = (typeof APPROVAL_LEVELS)[number];

export const APPROVAL_LEVEL_NAMES: Record<ApprovalLevel, { zh: string; en: string }> = {
  3: { zh: '县级已审核', en: 'Approved by county' },
  2: { zh: '市级已审核', en: 'Approved by city' },
  1: { zh: '省级已审核', en: 'Approved by province' },
  0: { zh: '国家已接收', en: 'Accepted nationally' },
};

export interface ApprovalState {
  status: ReportStatus;
  approvalLevel: number | null;
}

/**
 * How high in the hierarchy an actor stands: 0 the nation … 5 a village; a facility-scoped
 * user stands below every division (6).
 */
export function actorLevel(scope: Scope): number {
  if (scope.kind === 'nation') return 0;
  if (scope.kind === 'division') return scope.level;
  return 6;
}

/** The level whose approval the report waits for, or null when it waits for none. */
export function nextApprovalLevel(s: ApprovalState): ApprovalLevel | null {
  if (s.status === 'SUBMITTED') return 3;
  if (s.status === 'APPROVED' && s.approvalLevel !== null && s.approvalLevel > 0) return (s.approvalLevel - 1) as ApprovalLevel;
  return null;
}

/** Whether an actor at this level may approve now: only the level the report waits for. */
export function canApprove(s: ApprovalState, level: number): boolean {
  const next = nextApprovalLevel(s);
  return next !== null && next === level;
}

/**
 * Whether an actor may return the report: a submitted one from the county or above; an
 * approved one from the approving level or above.
 */
export function canReturn(s: ApprovalState, level: number): boolean {
  if (s.status === 'SUBMITTED') return level <= 3;
  if (s.status === 'APPROVED' && s.approvalLevel !== null) return level <= s.approvalLevel;
  return false;
}

/** Whether an actor at this level may change the values: not once its level (or a higher one) approved. */
export function canEdit(s: ApprovalState, level: number): boolean {
  if (s.status !== 'APPROVED' || s.approvalLevel === null) return true;
  return level < s.approvalLevel;
}

export function statusLabel(s: ApprovalState): { zh: string; en: string } {
  switch (s.status) {
    case 'DRAFT':
      return { zh: '草稿', en: 'Draft' };
    case 'SUBMITTED':
      return { zh: '已提交', en: 'Submitted' };
    case 'RETURNED':
      return { zh: '已退回', en: 'Returned' };
    case 'APPROVED':
      return APPROVAL_LEVEL_NAMES[(s.approvalLevel ?? 3) as ApprovalLevel];
  }
}
