/** evaluation: its tables (cycles, applications, scores, objections). They join the store's DB type by declaration merging. */
import type { Generated } from 'kysely';

export interface EvalCycleTable {
  code: string;
  standard: string;
  name: string;
  first_year: number;
  last_year: number;
  assessment_year: string;
  apply_from: string;
  apply_to: string;
  /** JSON: stage → deadline (YYYY-MM-DD). */
  deadlines: string;
  publicity_days: number;
  created_at: string;
}

export interface EvalApplicationTable {
  id: Generated<number>;
  cycle: string;
  subject_code: string;
  subject_name: string;
  stage: string;
  decision_note: string | null;
  publicity_until: string | null;
  named_year: number | null;
  created_at: string;
  updated_at: string;
}

export interface EvalScoreTable {
  application_id: number;
  stage: string;
  item: string;
  points: number | null;
  veto: number | null;
  applicable: number;
  note: string | null;
  scored_by: string;
  scored_at: string;
}

export interface EvalObjectionTable {
  id: Generated<number>;
  application_id: number;
  text: string;
  received_at: string;
  recorded_by: string;
  resolution: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
}

export interface EvalExpertTable {
  id: Generated<number>;
  name: string;
  province_code: string;
  specialty: string;
  contact: string | null;
  created_at: string;
  review_group: string | null;
  /** The platform user who is this expert (fills the on-site checklists assigned to them). */
  username: string | null;
}

export interface EvalAssignmentTable {
  application_id: number;
  expert_id: number;
  assigned_by: string;
  assigned_at: string;
}

export interface EvalConflictTable {
  expert_id: number;
  subject_code: string;
  note: string;
  declared_at: string;
}

export interface EvalEvidenceTable {
  id: Generated<number>;
  application_id: number;
  item: string;
  sha256: string;
  filename: string;
  stage: string;
  uploaded_by: string;
  uploaded_at: string;
}

export interface EvalOnsiteTable {
  application_id: number;
  cycle: string;
  /** Comma-separated SampleReason. */
  reasons: string;
  detail: string;
  seed: number;
  drawn_by: string;
  drawn_at: string;
}

export interface EvalOnsiteCheckTable {
  application_id: number;
  item: string;
  result: string;
  note: string | null;
  checked_by: string;
  checked_at: string;
}

declare module '../../platform/db/database.js' {
  interface DB {
    eval_cycle: EvalCycleTable;
    eval_application: EvalApplicationTable;
    eval_score: EvalScoreTable;
    eval_objection: EvalObjectionTable;
    eval_expert: EvalExpertTable;
    eval_assignment: EvalAssignmentTable;
    eval_conflict: EvalConflictTable;
    eval_evidence: EvalEvidenceTable;
    eval_onsite: EvalOnsiteTable;
    eval_onsite_check: EvalOnsiteCheckTable;
  }
}
