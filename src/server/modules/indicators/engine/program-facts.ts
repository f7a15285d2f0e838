/**
 * Program facts: what the modules beyond the annual report know that indicators count — a county
 * TCM hospital paired with a tertiary hospital in a year, a project on schedule, yuan allocated
 * and spent, a training held at a base. A module registers a source with the engine
 * (`engine.registerFactSource`); the engine reloads a source's facts whenever its version
 * changes (a write, or a new day for facts that age), so they are live like the reports.
 */
export interface ProgramFact {
  /** What the fact says: `paired_hospital`, `project_active`, `fund_allocated`, … (an indicator names it). */
  kind: string;
  /** The division the fact belongs to (any level: the engine fills in its ancestors). */
  areaCode: string;
  year: number;
  /** What it is about (a facility code, a project id): a fact-based indicator's gap list is by subject. */
  subject: string;
  subjectName: string;
  value: number;
}

export interface FactSource {
  name: string;
  /** Changes whenever the facts would (e.g. `count:maxSeq:day`); read on every catch-up. */
  version(): Promise<string>;
  facts(): Promise<ProgramFact[]>;
}
