/**
 * Program metadata (data elements, option sets, data sets) as loaded from `programs/<name>/`.
 * Everything program-specific is data; these are its types and the pure rules over them.
 */
import type { FacilityType } from './facility.js';
import type { PeriodType } from './period.js';

export interface I18nText {
  zh: string;
  en: string;
}

export type ValueType = 'BOOLEAN' | 'INTEGER' | 'NUMBER' | 'TEXT' | 'MULTI_OPTION';

export interface OptionSet {
  code: string;
  name: I18nText;
  source?: string;
  options: { code: string; name: I18nText }[];
}

export interface DataElement {
  code: string;
  valueType: ValueType;
  name: I18nText;
  help?: I18nText;
  optionSet?: string;
  min?: number;
  max?: number;
}

export interface DataSetElement {
  code: string;
  appliesTo: FacilityType[];
  /** Must be filled before a report is submitted: for every type it applies to, or for these. */
  required?: boolean | FacilityType[];
}

export interface DataSetSection {
  code: string;
  name: I18nText;
  elements: DataSetElement[];
}

export interface ValidationRule {
  code: string;
  left: string;
  operator: '<=' | '<' | '>=' | '>' | '==' | '!=';
  right: string;
  severity: 'ERROR' | 'WARNING';
  message: I18nText;
}

export interface Derivation {
  element: string;
  forTypes: FacilityType[];
  rule: 'ANY_PRESENT';
  of: string[];
  note?: I18nText;
}

export interface DataSet {
  code: string;
  name: I18nText;
  periodType: PeriodType;
  /** The first period the programme collected: period lists start here. */
  firstPeriod?: string;
  /** Whether a period may be reported before it ends (default: only ended periods are open). */
  earlyReporting?: boolean;
  /** Reports are due this many months after the period's end (e.g. 3: 2024 → 2025-03-31). */
  deadline?: { monthsAfterPeriodEnd: number; note?: I18nText };
  facilityTypes: FacilityType[];
  sections: DataSetSection[];
  derivations?: Derivation[];
  validationRules?: ValidationRule[];
}

export interface ProgramMetadata {
  program: { code: string; name: I18nText; source?: string };
  optionSets: OptionSet[];
  dataElements: DataElement[];
  dataSets: DataSet[];
}

/** A stored value: booleans, numbers, text, or option codes for multi-select elements. */
export type DataValue = boolean | number | string | string[];
export type DataValues = Record<string, DataValue>;

/** The element codes of a data set that apply to a facility type, in form order. */
export function elementsFor(dataSet: DataSet, type: FacilityType): string[] {
  return dataSet.sections.flatMap((s) => s.elements.filter((e) => e.appliesTo.includes(type)).map((e) => e.code));
}

/** The elements a report of this facility type must fill before it is submitted, in form order. */
export function requiredElements(dataSet: DataSet, type: FacilityType): string[] {
  return dataSet.sections.flatMap((s) =>
    s.elements.filter((e) => e.appliesTo.includes(type) && (e.required === true || (Array.isArray(e.required) && e.required.includes(type)))).map((e) => e.code),
  );
}

/** All element codes of a data set, in form order. */
export function allElements(dataSet: DataSet): string[] {
  return dataSet.sections.flatMap((s) => s.elements.map((e) => e.code));
}

export type ValueProblem = 'E1403' | 'E1404';

/**
 * Checks one value against its element's type; returns the normalised value or the problem.
 * Accepts JSON values (true, 3, ["ACUPUNCTURE"]); text parsing of import files is the importer's job.
 */
export function checkValue(
  element: DataElement,
  value: unknown,
  optionSets: Map<string, OptionSet>,
): { ok: true; value: DataValue } | { ok: false; problem: ValueProblem } {
  switch (element.valueType) {
    case 'BOOLEAN':
      return typeof value === 'boolean' ? { ok: true, value } : { ok: false, problem: 'E1403' };
    case 'INTEGER':
    case 'NUMBER': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return { ok: false, problem: 'E1403' };
      if (element.valueType === 'INTEGER' && !Number.isInteger(value)) return { ok: false, problem: 'E1403' };
      if (element.min !== undefined && value < element.min) return { ok: false, problem: 'E1403' };
      if (element.max !== undefined && value > element.max) return { ok: false, problem: 'E1403' };
      return { ok: true, value };
    }
    case 'TEXT':
      return typeof value === 'string' ? { ok: true, value } : { ok: false, problem: 'E1403' };
    case 'MULTI_OPTION': {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return { ok: false, problem: 'E1403' };
      const set = optionSets.get(element.optionSet ?? '');
      const known = new Set(set?.options.map((o) => o.code) ?? []);
      if (!value.every((v) => known.has(v))) return { ok: false, problem: 'E1404' };
      // Stored in the option set's order, without duplicates.
      const chosen = new Set(value);
      return { ok: true, value: (set?.options ?? []).map((o) => o.code).filter((c) => chosen.has(c)) };
    }
  }
}

/** Values as stored: an empty selection or empty text is no value (as an empty cell is on import). */
export function normalizeValues(values: DataValues): DataValues {
  const out: DataValues = {};
  for (const [k, v] of Object.entries(values)) if (!(Array.isArray(v) && v.length === 0) && v !== '') out[k] = v;
  return out;
}
