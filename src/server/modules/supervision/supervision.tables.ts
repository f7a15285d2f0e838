/** supervision: its tables. They join the store's DB type by declaration merging. */
import type { Generated } from 'kysely';

export interface SupPlanTable {
  id: Generated<number>;
  title: string;
  year: number;
  area_code: string;
  office: string | null;
  source_text: string;
  /** JSON: the work points as the user fixed them (WorkPoint[]). */
  items: string;
  status: string;
  created_by: string;
  created_at: string;
  published_at: string | null;
}

export interface SupTaskTable {
  id: Generated<number>;
  plan_id: number;
  parent_id: number | null;
  path: string;
  number: string;
  title: string;
  text: string;
  issuer_area: string;
  lead_area: string;
  lead_office: string | null;
  /** JSON: [{ areaCode, office }]. */
  co_owners: string;
  /** JSON: usernames. */
  responsible: string;
  start_date: string;
  due_date: string;
  state: string;
  percent: number;
  cadence: string | null;
  /** JSON: [{ title, plannedDate, weight }]. */
  milestones: string;
  /** JSON: { indicator, threshold, areaCode, period } or null. */
  kpi: string | null;
  escalated_at: string | null;
  done_at: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SupTaskCoTable {
  task_id: number;
  area_code: string;
  office: string | null;
}

export interface SupProgressTable {
  id: Generated<number>;
  task_id: number;
  period: string;
  text: string;
  percent: number;
  late: number;
  /** JSON: [{ sha256, filename, bytes }]. */
  files: string;
  reported_by: string;
  reported_at: string;
}

export interface SupEventTable {
  id: Generated<number>;
  task_id: number | null;
  rect_id: number | null;
  kind: string;
  note: string;
  detail: string | null;
  by_user: string;
  at: string;
}

export interface SupVisitTable {
  id: Generated<number>;
  area_code: string;
  visit_date: string;
  team: string;
  summary: string;
  issuer_area: string;
  created_by: string;
  created_at: string;
}

export interface SupRectTable {
  id: Generated<number>;
  source: string;
  source_ref: string | null;
  area_code: string;
  facility_code: string | null;
  subject_name: string;
  problem: string;
  requirement: string;
  issuer_area: string;
  issued_by: string;
  deadline: string;
  indicator: string | null;
  threshold: number | null;
  period: string | null;
  state: string;
  completion: string | null;
  files: string;
  submitted_by: string | null;
  submitted_at: string | null;
  verified_by: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

declare module '../../platform/db/database.js' {
  interface DB {
    sup_plan: SupPlanTable;
    sup_task: SupTaskTable;
    sup_task_co: SupTaskCoTable;
    sup_progress: SupProgressTable;
    sup_event: SupEventTable;
    sup_visit: SupVisitTable;
    sup_rect: SupRectTable;
  }
}
