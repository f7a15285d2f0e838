/** projects-funds: its tables. They join the store's DB type by declaration merging. Amounts are whole fen. */
import type { Generated } from 'kysely';

export interface PfProjectTable {
  id: Generated<number>;
  type: string;
  name: string;
  /** A facility code or a county code, per the type's subject. */
  subject_code: string;
  subject_name: string;
  /** The division the project belongs to (the facility's division, or the county): scope is by it. */
  area_code: string;
  /** The level that approves, funds and accepts it (a province by default). */
  manager_area: string;
  start_date: string;
  end_date: string;
  status: string;
  terminated_reason: string | null;
  /** JSON: { CENTRAL, PROVINCIAL, MUNICIPAL, COUNTY } in fen. */
  budget: string;
  /** JSON: Milestone[]. */
  milestones: string;
  /** JSON: TargetLeaf[] (actual entered; bound leaves are read live). */
  targets: string;
  percent: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  /** The change sequence of the last write (the analytics engine's facts follow it). */
  seq: number;
}

export interface PfProgressTable {
  id: Generated<number>;
  project_id: number;
  period: string;
  percent: number;
  text: string;
  reported_by: string;
  reported_at: string;
}

export interface PfSelfEvalTable {
  id: Generated<number>;
  project_id: number;
  year: number;
  score: number;
  band: string;
  /** JSON: SelfEvaluation with the leaves as scored. */
  detail: string;
  by_user: string;
  at: string;
  seq: number;
}

export interface PfAcceptanceTable {
  id: Generated<number>;
  project_id: number;
  standard: string;
  period: string;
  /** JSON: the item scores (automatic and manual). */
  items: string;
  total: number;
  passed: number;
  note: string | null;
  by_user: string;
  at: string;
}

export interface PfBatchTable {
  id: Generated<number>;
  fund: string;
  year: number;
  /** ADVANCE (提前下达) or FORMAL (正式下达). */
  kind: string;
  doc_no: string;
  from_area: string;
  total_fen: number | string;
  /** FACTOR or MANUAL. */
  method: string;
  /** JSON: the factor table, weights and bands an allocation by factors used (null for manual). */
  basis: string | null;
  created_by: string;
  created_at: string;
  seq: number;
}

export interface PfAllocationTable {
  id: Generated<number>;
  batch_id: number;
  area_code: string;
  project_id: number | null;
  amount_fen: number | string;
  seq: number;
}

export interface PfSpendingTable {
  id: Generated<number>;
  project_id: number | null;
  area_code: string;
  /** The fund year the money belongs to. */
  year: number;
  spent_on: string;
  /** Negative for a reversal (冲销): records are never edited or deleted. */
  amount_fen: number | string;
  purpose: string;
  voucher: string | null;
  created_by: string;
  created_at: string;
  seq: number;
}

declare module '../../platform/db/database.js' {
  interface DB {
    pf_project: PfProjectTable;
    pf_progress: PfProgressTable;
    pf_self_eval: PfSelfEvalTable;
    pf_acceptance: PfAcceptanceTable;
    pf_batch: PfBatchTable;
    pf_allocation: PfAllocationTable;
    pf_spending: PfSpendingTable;
  }
}
